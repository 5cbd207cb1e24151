import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canTransitionLead, changeLeadStatus, nextLeadStatuses } from '@domain/lead-lifecycle';
import type { Lead, LeadStatus } from '@domain/schemas/lead';
import { updateRecord } from '../../db/record-writes';
import { useRecord } from '../../db/use-rx';
import { settingLabel, usePipelines, useSettingItems } from '../../db/use-settings';
import { useWorkspace } from '../../db/workspace-context';
import { describeDomainErrors } from '../../i18n/domain-errors';
import { useUi } from '../../shell/ui-store';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { useCan } from '../../auth/use-permissions';
import { ConvertLeadDialog } from './ConvertLeadDialog';

/** The lead's status and the moves the lead state machine allows from it, plus conversion. */
export function LeadStatusBar({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const openDrawer = useUi((s) => s.openDrawer);
  const showToast = useUi((s) => s.showToast);
  const reasons = useSettingItems('disqualify-reasons');
  const { pipelines } = usePipelines();
  const [askReason, setAskReason] = useState(false);
  const [converting, setConverting] = useState(false);
  const convertedDeal = useRecord('deals', lead.convertedDealId || null);
  const [problems, setProblems] = useState<string[]>([]);
  // Only a qualified lead converts (domain/lead-lifecycle.ts): before that the button would only refuse.
  const mayConvert = useCan()('convert', 'leads', lead) && canTransitionLead(lead.status, 'CONVERTED');
  const group = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  // A move replaces the buttons, the pressed one included, and focus would fall to the page: it
  // goes to the way forward instead (Convert once the lead may convert, else the lifecycle's next
  // status, listed first), so the keyboard carries on here.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    const buttons = group.current;
    // The pressed button may still count as focused for a moment after it left the page.
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected && !buttons?.contains(active)) return;
    const forward = canTransitionLead(lead.status, 'CONVERTED') ? '.btn-primary' : 'button';
    (buttons?.querySelector<HTMLElement>(forward) ?? buttons?.querySelector<HTMLElement>('button'))?.focus();
  }, [lead.status]);

  const move = async (to: Exclude<LeadStatus, 'CONVERTED'>, reason = '') => {
    const result = changeLeadStatus(lead, to, new Date().toISOString(), reason);
    if (!result.ok) {
      setProblems(describeDomainErrors(t, result.errors));
      return;
    }
    setProblems([]);
    moved.current = true;
    await updateRecord(ws, 'leads', lead.id, result.value);
    showToast(t('leads.statusChanged', { status: t(`leads.status.${to}`) }));
  };

  const convert = () => {
    if (!pipelines.length) {
      setProblems([t('deals.needsPipeline')]);
      return;
    }
    setProblems([]);
    setConverting(true);
  };

  return (
    <>
      <div ref={group} className="status-actions" aria-label={t('leads.fields.status')} role="group">
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
          <>
            <span className="muted">{t('leads.convertedTo')}</span>
            {/* The deal may be out of this user's sight (handed to someone else): then only a plain link. */}
            <button
              type="button"
              className="btn btn-small"
              aria-label={convertedDeal ? t('leads.openConvertedDeal', { title: convertedDeal.title }) : undefined}
              onClick={() => openDrawer({ collection: 'deals', id: lead.convertedDealId })}
            >
              {convertedDeal ? convertedDeal.title : t('leads.openDeal')}
            </button>
          </>
        ) : (
          mayConvert && (
            <button type="button" className="btn btn-small btn-primary" onClick={convert}>
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
      {converting && <ConvertLeadDialog lead={lead} onClose={() => setConverting(false)} />}
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
