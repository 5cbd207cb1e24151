import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal on the native <dialog>: the browser traps focus, Escape cancels, and the page behind
 * is inert, which is what assistive technology expects of a modal. With `onSubmit` its body is a
 * form: Enter in a field submits it (a `type="submit"` action), as in any other form.
 */
export function ModalDialog({
  title,
  children,
  onCancel,
  onSubmit,
  actions,
}: {
  title: string;
  children?: ReactNode;
  onCancel: () => void;
  onSubmit?: () => void;
  actions: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    // Focus goes back where it was, so a keyboard user carries on from the button that opened the
    // modal. The element is already out of the page when this cleanup runs: the browser's own
    // restoring on close() does not happen then.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);
  const body = (
    <>
      {children}
      <div className="dialog-actions">{actions}</div>
    </>
  );
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      // Escape cancels the modal only: it must not also reach what the modal was opened from (the
      // drawer closes on Escape). The browser's own cancel still runs: nothing prevents its default.
      onKeyDown={(e) => {
        if (e.key === 'Escape') e.stopPropagation();
      }}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {onSubmit ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>
  );
}
