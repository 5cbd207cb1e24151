import { useTranslation } from 'react-i18next';
import { ModalDialog } from './ModalDialog';

export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  danger,
  onConfirm,
  onCancel,
}: {
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      title={title}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="btn" onClick={onCancel} autoFocus>
            {t('common.cancel')}
          </button>
          <button type="button" className={danger ? 'btn btn-danger' : 'btn btn-primary'} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{body}</p>
    </ModalDialog>
  );
}
