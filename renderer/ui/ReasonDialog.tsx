import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './ModalDialog';

/** Asks for a reason from a configured list (lost deal, disqualified lead) before a status change. */
export function ReasonDialog({
  title,
  label,
  options,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  label: string;
  options: { value: string; label: string }[];
  confirmLabel: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  return (
    <ModalDialog
      title={title}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-primary" disabled={!reason} onClick={() => onConfirm(reason)}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select id={id} className="select" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus>
          <option value="">{t('leads.chooseReason')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </ModalDialog>
  );
}
