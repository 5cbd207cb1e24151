import { X } from 'lucide-react';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The right-hand drawer that opens any record. Non-modal: the list stays usable beside it.
 * Escape closes it (the shell's drawer.close command), unless a control inside used the key itself.
 */
export function RightDetailDrawer({
  title,
  onClose,
  actions,
  children,
}: {
  title: string;
  onClose: () => void;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    // Focus goes to the record's first field, or to the drawer itself — never to a header action:
    // a key that opened the drawer must not land on Delete.
    const first = ref.current?.querySelector<HTMLElement>('.drawer-body :is(input, select, textarea):not([disabled])');
    (first ?? ref.current)?.focus({ preventScroll: true });
  }, []);
  return (
    <aside
      ref={ref}
      className="drawer"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-command-scope="drawer"
    >
      <div className="drawer-header">
        <h2 className="drawer-title" id={titleId}>
          {title}
        </h2>
        {actions}
        <button
          type="button"
          className="btn btn-ghost"
          data-drawer-close
          aria-label={t('common.close')}
          onClick={onClose}
        >
          <X size={18} aria-hidden="true" />
        </button>
      </div>
      <div className="drawer-body">{children}</div>
    </aside>
  );
}
