import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { activityDonePatch, checkActivityFields } from '@domain/activity-rules';
import type { DomainError } from '@domain/errors';
import type { Activity } from '@domain/schemas/activity';
import { checkRecordTimes } from '@domain/write-rules';
import { useCan } from '../../auth/use-permissions';
import { updateRecord } from '../../db/record-writes';
import { useWorkspace } from '../../db/workspace-context';
import { describeDomainErrors } from '../../i18n/domain-errors';
import type { RecordColumn } from '../../ui/record-table/record-column';

export type InlineActivityField = 'subject' | 'dueAt' | 'completedAt';

const LOCAL_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** An instant as a `datetime-local` field shows it: the reader's own clock, to the minute. */
function toLocalMinute(iso: string): string {
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * The activities table's inline edits: the subject, the due date and time (typed on the reader's
 * clock, stored in UTC) and done / not done, judged by the rules the server judges the write by
 * (checkActivityFields, the typed-date range of checkRecordTimes). A reader who may not change an
 * activity is offered no edit.
 */
export function useActivityInlineEdits(): (field: InlineActivityField) => NonNullable<RecordColumn<Activity>['edit']> {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const can = useCan();
  return useMemo(() => {
    const write = async (activity: Activity, patch: Partial<Activity>) => {
      const after = { ...activity, ...patch };
      const problems: DomainError[] = [
        ...checkActivityFields(after, activity),
        ...checkRecordTimes('activities', activity, after, Date.now()),
      ];
      if (problems.length) throw new Error(describeDomainErrors(t, problems).join(' '));
      await updateRecord(ws, 'activities', activity.id, patch);
    };
    const allowed = (a: Activity) => can('update', 'activities', a);
    const edits: Record<InlineActivityField, NonNullable<RecordColumn<Activity>['edit']>> = {
      subject: {
        value: (a) => a.subject,
        save: (a, subject) => write(a, { subject: subject.trim() }),
        allowed,
      },
      dueAt: {
        type: 'datetime-local',
        value: (a) => toLocalMinute(a.dueAt),
        save: async (a, text) => {
          const at = LOCAL_MINUTE.test(text) ? new Date(text) : null;
          if (!at || Number.isNaN(at.getTime()))
            throw new Error(t('validation.required', { field: t('recordTable.fields.dueAt') }));
          await write(a, { dueAt: at.toISOString() });
        },
        allowed,
      },
      completedAt: {
        options: [
          { value: 'done', label: t('recordTable.edit.done') },
          { value: 'open', label: t('recordTable.edit.notDone') },
        ],
        value: (a) => (a.completedAt ? 'done' : 'open'),
        save: async (a, choice) => {
          const patch = activityDonePatch(a, choice === 'done', new Date().toISOString());
          if (patch) await write(a, patch);
        },
        allowed,
      },
    };
    return (field) => edits[field];
  }, [t, ws, can]);
}
