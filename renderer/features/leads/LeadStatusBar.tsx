import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLeadStatus, nextLeadStatuses } from '@domain/lead-lifecycle';
import { findStage } from '@domain/pipeline-rules';
import type { Lead, LeadStatus } from '@domain/schemas/lead';
import { updateRecord } from '../../db/record-writes';
import { settingLabel, usePipelines, useSettingItems } from '../../db/use-settings';
import { useWorkspace } from '../../db/workspace-context';
import { describeDomainErrors } from '../../i18n/domain-errors';
import { useUi } from '../../shell/ui-store';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { useCan } from '../../auth/use-permissions';
import { convertLead } from './convert-lead';

/** The lead's status and the moves the lead state machine allows from it, plus conversion. */
export function LeadStatusBar({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const openDrawer = useUi((s) => s.openDrawer);
  const showToast = useUi((s) => s.showToast);
  const reasons = useSettingItems('disqualify-reasons');
  const { pipelines } = usePipelines();
  const [askReason, setAskReason] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const mayConvert = useCan()('convert', 'leads', lead);

  const move = async (to: Exclude<LeadStatus, 'CONVERTED'>, reason = '') => {
    const result = changeLeadStatus(lead, to, new Date().toISOString(), reason);
    if (!result.ok) {
      setProblems(describeDomainErrors(t, result.errors));
      return;
    }
    setProblems([]);
    await updateRecord(ws, 'leads', lead.id, result.value);
    showToast(t('leads.statusChanged', { status: t(`leads.status.${to}`) }));
  };

  const convert = async () => {
    const pipeline = pipelines.find((p) => p.isDefault) ?? pipelines[0];
    if (!pipeline) {
      setProblems([t('deals.needsPipeline')]);
      return;
    }
    const result = await convertLead(ws, lead, pipeline);
    if (!result.ok) {
      setProblems(describeDomainErrors(t, result.errors));
      return;
    }
    setProblems([]);
    const deal = result.value;
    showToast(t('leads.converted', { title: deal.title, stage: findStage(pipeline, deal.stageId)?.name ?? '' }), {
      label: t('leads.openDeal'),
      run: () => openDrawer({ collection: 'deals', id: deal.id }),
    });
  };

  return (
    <>
      <div className="status-actions" aria-label={t('leads.fields.status')} role="group">
        <span className={`badge badge-${lead.status}`}>{t(`leads.status.${lead.status}`)}</span>
        {nextLeadStatuses(lead.status).map((to) => (
          <button
            key={to}
            type="button"
            className="btn btn-small"
            onClick={() =>
              to === 'DISQUALIFIED' ? setAskReason(true) : void move(to as Exclude<LeadStatus, 'CONVERTED'>)
            }
          >
            {t('leads.setStatus', { status: t(`leads.status.${to}`) })}
          </button>
        ))}
        {lead.status === 'CONVERTED' ? (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => openDrawer({ collection: 'deals', id: lead.convertedDealId })}
          >
            {t('leads.openDeal')}
          </button>
        ) : (
          mayConvert && (
            <button type="button" className="btn btn-small btn-primary" onClick={() => void convert()}>
              {t('leads.convert')}
            </button>
          )
        )}
      </div>
      {problems.length > 0 && (
        <div className="form-banner" role="alert" style={{ marginBottom: 12 }}>
          {problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </div>
      )}
      {askReason && (
        <ReasonDialog
          title={t('leads.setStatus', { status: t('leads.status.DISQUALIFIED') })}
          label={t('leads.fields.disqualifyReason')}
          options={reasons.map((r) => ({ value: r.key, label: settingLabel(t, 'disqualify-reasons', r) }))}
          confirmLabel={t('leads.setStatus', { status: t('leads.status.DISQUALIFIED') })}
          onCancel={() => setAskReason(false)}
          onConfirm={(reason) => {
            setAskReason(false);
            void move('DISQUALIFIED', reason);
          }}
        />
      )}
    </>
  );
}
