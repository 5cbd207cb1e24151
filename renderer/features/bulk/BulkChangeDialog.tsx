import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkChange, BulkChangeKind } from '@domain/bulk-edits';
import { activeStages } from '@domain/pipeline-rules';
import type { Pipeline } from '@domain/schemas/pipeline';
import { useRxQuery } from '../../db/use-rx';
import { settingLabel, useSettingItems } from '../../db/use-settings';
import { ModalDialog } from '../../ui/ModalDialog';

const LEAD_TARGETS = ['NEW', 'CONTACTED', 'QUALIFIED', 'DISQUALIFIED'] as const;
const DEAL_TARGETS = ['OPEN', 'WON', 'LOST'] as const;
const MAX_TAG = 40;

type Kind = Exclude<BulkChangeKind, 'delete'>;

/** Asks what the bulk change should be: the new owner, status (and why), stage or tag. */
export function BulkChangeDialog({
  kind,
  pipelines,
  onConfirm,
  onCancel,
}: {
  kind: Kind;
  pipelines: readonly Pipeline[];
  onConfirm: (change: BulkChange) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fieldId = useId();
  const reasonId = useId();
  const errorId = useId();
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { docs: users } = useRxQuery(
    'users',
    kind === 'assignOwner' ? { selector: { active: true, deletedAt: null } } : null,
  );
  // The reasons the Sales Manager configured, as the single-record flows offer them; free text
  // only while the list has not reached this device.
  const reasonKind = kind === 'dealStatus' ? 'lost-reasons' : 'disqualify-reasons';
  const reasons = useSettingItems(reasonKind);
  const needsReason =
    (kind === 'leadStatus' && value === 'DISQUALIFIED') || (kind === 'dealStatus' && value === 'LOST');

  const titles: Record<Kind, string> = {
    assignOwner: t('bulk.assignTitle'),
    leadStatus: t('bulk.statusTitle'),
    dealStatus: t('bulk.statusTitle'),
    dealStage: t('bulk.stageTitle'),
    addTag: t('bulk.addTagTitle'),
    removeTag: t('bulk.removeTagTitle'),
  };

  const submit = () => {
    const text = value.trim();
    if (kind === 'addTag' || kind === 'removeTag') {
      if (!text || [...text].length > MAX_TAG) return setProblem(t('bulk.tagProblem'));
      return onConfirm({ kind, tag: text });
    }
    if (!text) return;
    if (needsReason && !reason.trim()) return setProblem(t('bulk.reasonProblem'));
    switch (kind) {
      case 'assignOwner':
        return onConfirm({ kind, ownerId: text });
      case 'dealStage':
        return onConfirm({ kind, stageId: text });
      case 'leadStatus':
        return onConfirm({ kind, to: text as (typeof LEAD_TARGETS)[number], reason: reason.trim() });
      case 'dealStatus':
        return onConfirm({ kind, to: text as (typeof DEAL_TARGETS)[number], reason: reason.trim() });
    }
  };

  const select = (label: string, placeholder: string, options: { value: string; label: string; group?: string }[]) => (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <select id={fieldId} className="select" value={value} autoFocus onChange={(e) => setValue(e.target.value)}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.group ? `${o.group} — ${o.label}` : o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <ModalDialog
      title={titles[kind]}
      onCancel={onCancel}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!value.trim()}>
            {t('bulk.apply')}
          </button>
        </>
      }
    >
      {kind === 'assignOwner' &&
        select(
          t('bulk.ownerLabel'),
          t('bulk.chooseOwner'),
          [...users].sort((a, b) => a.name.localeCompare(b.name)).map((u) => ({ value: u.id, label: u.name })),
        )}
      {kind === 'leadStatus' &&
        select(
          t('bulk.statusLabel'),
          t('bulk.chooseStatus'),
          LEAD_TARGETS.map((s) => ({ value: s, label: t(`leads.status.${s}`) })),
        )}
      {kind === 'dealStatus' &&
        select(
          t('bulk.statusLabel'),
          t('bulk.chooseStatus'),
          DEAL_TARGETS.map((s) => ({ value: s, label: t(`deals.status.${s}`) })),
        )}
      {kind === 'dealStage' &&
        select(
          t('bulk.stageLabel'),
          t('bulk.chooseStage'),
          pipelines.flatMap((p) =>
            activeStages(p).map((s) => ({
              value: s.id,
              label: s.name,
              ...(pipelines.length > 1 ? { group: p.name } : {}),
            })),
          ),
        )}
      {(kind === 'addTag' || kind === 'removeTag') && (
        <div className="field">
          <label htmlFor={fieldId}>{t('bulk.tagLabel')}</label>
          <input
            id={fieldId}
            className="input"
            value={value}
            autoFocus
            maxLength={MAX_TAG}
            aria-invalid={problem !== null}
            aria-describedby={problem ? errorId : undefined}
            onChange={(e) => {
              setValue(e.target.value);
              setProblem(null);
            }}
          />
        </div>
      )}
      {needsReason && (
        <div className="field">
          <label htmlFor={reasonId}>{t('bulk.reasonLabel')}</label>
          {reasons.length > 0 ? (
            <select
              id={reasonId}
              className="input"
              value={reason}
              aria-invalid={problem !== null}
              aria-describedby={problem ? errorId : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setProblem(null);
              }}
            >
              <option value="">{t('bulk.chooseReason')}</option>
              {reasons.map((r) => (
                <option key={r.key} value={r.key}>
                  {settingLabel(t, reasonKind, r)}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={reasonId}
              className="input"
              value={reason}
              maxLength={200}
              aria-invalid={problem !== null}
              aria-describedby={problem ? errorId : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setProblem(null);
              }}
            />
          )}
        </div>
      )}
      {problem && (
        <p id={errorId} className="field-error" role="alert">
          {problem}
        </p>
      )}
    </ModalDialog>
  );
}
