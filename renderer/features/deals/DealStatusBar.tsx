import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  markDealLost,
  markDealWon,
  moveDealToStage,
  reopenDeal,
  weightedValue,
  type DealMove,
} from '@domain/deal-lifecycle';
import { uuidv7 } from '@domain/ids';
import { formatMoney } from '@domain/money';
import { activeStages, findStage } from '@domain/pipeline-rules';
import type { Result } from '@domain/errors';
import type { Deal } from '@domain/schemas/deal';
import type { Pipeline } from '@domain/schemas/pipeline';
import { insertRecord, updateRecord } from '../../db/record-writes';
import { settingLabel, useSettingItems } from '../../db/use-settings';
import { useCan } from '../../auth/use-permissions';
import { useCommandSurface } from '../../commands/surfaces';
import { useWorkspace } from '../../db/workspace-context';
import { describeDomainErrors } from '../../i18n/domain-errors';
import { useUi } from '../../shell/ui-store';
import { ReasonDialog } from '../../ui/ReasonDialog';
import type { DealSurface } from './deal-commands';

/** Won, lost (with a reason) and reopen, each recorded in the deal's stage history. */
export function DealStatusBar({ deal, pipeline }: { deal: Deal; pipeline: Pipeline | undefined }) {
  const { t, i18n } = useTranslation();
  const ws = useWorkspace();
  const showToast = useUi((s) => s.showToast);
  const lostReasons = useSettingItems('lost-reasons');
  const [askLost, setAskLost] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const stage = pipeline ? findStage(pipeline, deal.stageId) : undefined;
  // Closing and reopening are the `close` permission (SDRs hand deals over; they never close them).
  const allowed = useCan();
  const mayClose = allowed('close', 'deals', deal);

  const apply = async (
    result: Result<DealMove>,
    toastKey: 'deals.wonToast' | 'deals.lostToast' | 'deals.reopenedToast',
  ) => {
    if (!result.ok) {
      setProblems(describeDomainErrors(t, result.errors));
      return;
    }
    setProblems([]);
    await updateRecord(ws, 'deals', deal.id, result.value.patch);
    if (result.value.change) await insertRecord(ws, 'stage_changes', result.value.change, uuidv7());
    showToast(t(toastKey, { title: deal.title }));
  };
  const now = () => new Date().toISOString();

  /** `[` and `]` in the drawer: the stage before or after, as on the board. */
  const step = async (by: 1 | -1) => {
    if (!pipeline || deal.status !== 'OPEN' || !allowed('update', 'deals', deal)) return;
    const stages = activeStages(pipeline);
    const to = stages[stages.findIndex((s) => s.id === deal.stageId) + by];
    if (!to) {
      showToast(t(by === 1 ? 'pipeline.lastStage' : 'pipeline.firstStage', { title: deal.title }));
      return;
    }
    const result = moveDealToStage(deal, pipeline, to.id, now(), ws.user.id);
    if (!result.ok) {
      setProblems(describeDomainErrors(t, result.errors));
      return;
    }
    if (!result.value) return;
    setProblems([]);
    await updateRecord(ws, 'deals', deal.id, result.value.patch);
    if (result.value.change) await insertRecord(ws, 'stage_changes', result.value.change, uuidv7());
    showToast(t('pipeline.movedToast', { title: deal.title, stage: to.name }));
  };
  useCommandSurface<DealSurface>('deal', {
    step: (by) => void step(by),
    close: (status) => {
      if (!mayClose || deal.status !== 'OPEN') return;
      if (status === 'LOST') setAskLost(true);
      else void apply(markDealWon(deal, now(), ws.user.id), 'deals.wonToast');
    },
  });

  return (
    <>
      <div className="status-actions" role="group" aria-label={t('deals.fields.status')}>
        <span className={`badge badge-${deal.status}`}>{t(`deals.status.${deal.status}`)}</span>
        <span className="toolbar-spacer" />
        {!mayClose ? null : deal.status === 'OPEN' ? (
          <>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => void apply(markDealWon(deal, now(), ws.user.id), 'deals.wonToast')}
            >
              {t('deals.markWon')}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setAskLost(true)}>
              {t('deals.markLost')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void apply(reopenDeal(deal, now(), ws.user.id), 'deals.reopenedToast')}
          >
            {t('deals.reopen')}
          </button>
        )}
      </div>
      <p className="deal-summary">
        {stage?.name} · {t('deals.fields.weighted')}: {formatMoney(weightedValue(deal, stage), i18n.language)}
      </p>
      {deal.status === 'LOST' && deal.lostReason && (
        <p className="muted">
          {t('deals.fields.lostReason')}:{' '}
          {settingLabel(
            t,
            'lost-reasons',
            lostReasons.find((r) => r.key === deal.lostReason),
            deal.lostReason,
          )}
        </p>
      )}
      {problems.length > 0 && (
        <div className="form-banner" role="alert" style={{ marginBottom: 12 }}>
          {problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </div>
      )}
      {askLost && (
        <ReasonDialog
          title={t('deals.lostDialogTitle', { title: deal.title })}
          label={t('deals.fields.lostReason')}
          options={lostReasons.map((r) => ({ value: r.key, label: settingLabel(t, 'lost-reasons', r) }))}
          confirmLabel={t('deals.confirmLost')}
          onCancel={() => setAskLost(false)}
          onConfirm={(reason) => {
            setAskLost(false);
            void apply(markDealLost(deal, reason, now(), ws.user.id), 'deals.lostToast');
          }}
        />
      )}
    </>
  );
}
