import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALL_OUTCOMES, type CallOutcome } from '@domain/schemas/activity';
import { insertRecord } from '../../db/record-writes';
import { useWorkspace } from '../../db/workspace-context';
import { useUi } from '../../shell/ui-store';
import { ModalDialog } from '../../ui/ModalDialog';

/** Log a call against a deal (and its contact and company), as it happened just now. */
export function LogCallDialog({
  links,
  onClose,
}: {
  links: { dealId?: string; leadId?: string; contactId?: string; companyId?: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const showToast = useUi((s) => s.showToast);
  const id = useId();
  const [subject, setSubject] = useState(t('activities.defaultCallSubject'));
  const [outcome, setOutcome] = useState<CallOutcome>('CONNECTED');
  const [direction, setDirection] = useState<'OUTBOUND' | 'INBOUND'>('OUTBOUND');
  const [minutes, setMinutes] = useState('5');
  const [notes, setNotes] = useState('');
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    const now = new Date();
    const seconds = Math.max(0, Math.min(86_400, Math.round(Number(minutes.replace(',', '.')) * 60) || 0));
    await insertRecord(ws, 'activities', {
      type: 'CALL',
      subject: subject.trim() || t('activities.defaultCallSubject'),
      body: notes,
      dueAt: new Date(now.getTime() - seconds * 1000).toISOString(),
      completedAt: now.toISOString(),
      durationSeconds: seconds,
      direction,
      outcome,
      dealId: links.dealId ?? '',
      leadId: links.leadId ?? '',
      contactId: links.contactId ?? '',
      companyId: links.companyId ?? '',
      scriptAnswers: [],
      ownerId: ws.user.id,
      teamId: ws.user.teamId,
    });
    showToast(t('activities.logged'));
    onClose();
  };

  return (
    <ModalDialog
      title={t('activities.logCallTitle')}
      onCancel={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-primary" disabled={saving} onClick={() => void save()}>
            {t('activities.save')}
          </button>
        </>
      }
    >
      <div className="form">
        <div className="field field-wide">
          <label htmlFor={`${id}-subject`}>{t('activities.subject')}</label>
          <input id={`${id}-subject`} className="input" value={subject} onChange={(e) => setSubject(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-outcome`}>{t('activities.outcome')}</label>
          <select
            id={`${id}-outcome`}
            className="select"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as CallOutcome)}
          >
            {CALL_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`activities.outcomes.${o || 'none'}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-direction`}>{t('activities.direction')}</label>
          <select
            id={`${id}-direction`}
            className="select"
            value={direction}
            onChange={(e) => setDirection(e.target.value as 'OUTBOUND' | 'INBOUND')}
          >
            <option value="OUTBOUND">{t('activities.directions.OUTBOUND')}</option>
            <option value="INBOUND">{t('activities.directions.INBOUND')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-minutes`}>{t('activities.durationMinutes')}</label>
          <input
            id={`${id}-minutes`}
            className="input"
            inputMode="decimal"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <div className="field field-wide">
          <label htmlFor={`${id}-notes`}>{t('activities.notes')}</label>
          <textarea id={`${id}-notes`} className="textarea" value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
      </div>
    </ModalDialog>
  );
}
