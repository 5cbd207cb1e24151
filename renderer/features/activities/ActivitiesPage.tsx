import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarClock } from 'lucide-react';
import { personName } from '@domain/derived-fields';
import type { Activity } from '@domain/schemas/activity';
import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import { useLinkedRecords } from '../../db/use-rx';
import { useArrivalFocus } from '../../shell/use-arrival-focus';
import { useUi } from '../../shell/ui-store';
import type { RecordColumn } from '../../ui/record-table/record-column';
import { tableFields } from '../../ui/record-table/table-field';
import { useRecordTable } from '../../ui/record-table/use-record-table';
import { RecordListPage } from '../record-list';
import { useActivityInlineEdits } from './activity-inline-edits';

/** The record an activity is about, the most specific first: what opening it shows. */
function relatedOf(a: Activity): { collection: 'deals' | 'leads' | 'contacts' | 'companies'; id: string } | null {
  if (a.dealId) return { collection: 'deals', id: a.dealId };
  if (a.leadId) return { collection: 'leads', id: a.leadId };
  if (a.contactId) return { collection: 'contacts', id: a.contactId };
  if (a.companyId) return { collection: 'companies', id: a.companyId };
  return null;
}

/** Every activity — calls, emails, meetings, follow-ups — by due date; opening one opens what it is about. */
export function ActivitiesPage() {
  const { t, i18n } = useTranslation();
  const arrivalFocus = useArrivalFocus('activities');
  const table = useRecordTable('activities', DEFAULT_VIEWS.activities[0].state, '');
  const { rows } = table;
  const loaded = rows.loaded;
  const owners = useLinkedRecords(
    'users',
    loaded.map((a) => a.ownerId),
  );
  const deals = useLinkedRecords(
    'deals',
    loaded.map((a) => a.dealId),
  );
  const leads = useLinkedRecords(
    'leads',
    loaded.map((a) => (a.dealId ? '' : a.leadId)),
  );
  const contacts = useLinkedRecords(
    'contacts',
    loaded.map((a) => (a.dealId || a.leadId ? '' : a.contactId)),
  );
  const companies = useLinkedRecords(
    'companies',
    loaded.map((a) => (a.dealId || a.leadId || a.contactId ? '' : a.companyId)),
  );
  const edit = useActivityInlineEdits();
  const openDrawer = useUi((s) => s.openDrawer);
  const fields = useMemo(
    () =>
      tableFields(t, 'activities', {
        type: (v) => t(`activities.types.${v as Activity['type']}`),
        outcome: (v) =>
          v ? t(`activities.outcomes.${v as Exclude<Activity['outcome'], ''>}`) : t('activities.outcomes.none'),
      }),
    [t],
  );
  const columns = useMemo<RecordColumn<Activity>[]>(() => {
    const dateTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
    const relatedName = (a: Activity): string => {
      const related = relatedOf(a);
      if (!related) return '';
      switch (related.collection) {
        case 'deals':
          return deals.get(related.id)?.title ?? '';
        case 'leads': {
          const lead = leads.get(related.id);
          return lead ? personName(lead) || lead.companyName : '';
        }
        case 'contacts': {
          const contact = contacts.get(related.id);
          return contact ? personName(contact) : '';
        }
        case 'companies':
          return companies.get(related.id)?.name ?? '';
      }
    };
    return [
      { field: 'type', cell: (a) => t(`activities.types.${a.type}`) },
      { field: 'subject', cell: (a) => a.subject, primary: true, edit: edit('subject') },
      { field: 'dueAt', cell: (a) => dateTime.format(new Date(a.dueAt)), edit: edit('dueAt') },
      {
        field: 'owner',
        cell: (a) =>
          a.ownerId ? (
            (owners.get(a.ownerId)?.name ?? '')
          ) : (
            <span className="muted">{t('recordTable.unassigned')}</span>
          ),
      },
      { field: 'related', cell: relatedName },
      {
        field: 'completedAt',
        cell: (a) => (a.completedAt ? dateTime.format(new Date(a.completedAt)) : ''),
        edit: edit('completedAt'),
      },
      {
        field: 'outcome',
        cell: (a) => (a.outcome ? t(`activities.outcomes.${a.outcome}`) : ''),
      },
      { field: 'createdAt', cell: (a) => a.createdAt.slice(0, 10) },
    ];
  }, [t, i18n.language, owners, deals, leads, contacts, companies, edit]);
  const open = (a: Activity) => {
    const related = relatedOf(a);
    if (related) openDrawer(related);
  };
  return (
    <RecordListPage
      section="activities"
      table={table}
      tableLabel={t('activities.tableLabel')}
      fields={fields}
      columns={columns}
      rowName={(a) => a.subject}
      onOpen={open}
      takeArrivalFocus={arrivalFocus}
      empty={{ icon: CalendarClock, title: t('activities.none'), hint: t('activities.emptyHint') }}
    />
  );
}
