/**
 * jsdom has no modal <dialog> (no showModal, no top layer) and no close requests, both of which
 * ModalDialog relies on in a browser. This adds the part of the HTML standard the app uses, as
 * Chromium does it:
 * - `showModal()` opens the dialog as modal and runs the dialog focusing steps (its autofocus
 *   element, else its first focusable one); `show()` opens it non-modal;
 * - `close()` closes it, fires `close`, and puts focus back on what had it before `showModal()`
 *   only while focus is still inside the dialog — so a dialog that React has already taken out
 *   of the page does not restore anything, and the component has to (as in Chromium);
 * - Escape whose keydown nobody prevented is a close request to the topmost open modal dialog:
 *   `cancel` (cancelable), then `close()` unless a listener prevented it.
 * Nothing here is installed where the DOM already has showModal.
 */
export function installModalDialogs(window: Window & typeof globalThis): void {
  const proto = window.HTMLDialogElement.prototype;
  if (typeof proto.showModal === 'function') return;

  const modals: HTMLDialogElement[] = [];
  const openedFrom = new WeakMap<HTMLDialogElement, Element | null>();
  const focusable =
    'button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

  const topmostModal = () => {
    for (let i = modals.length - 1; i >= 0; i--) {
      const dialog = modals[i]!;
      if (dialog.isConnected && dialog.open) return dialog;
      modals.splice(i, 1);
    }
    return undefined;
  };

  Object.defineProperty(proto, 'open', {
    configurable: true,
    get(this: HTMLDialogElement) {
      return this.hasAttribute('open');
    },
    set(this: HTMLDialogElement, value: boolean) {
      this.toggleAttribute('open', Boolean(value));
    },
  });

  proto.show = function show(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };

  proto.showModal = function showModal(this: HTMLDialogElement) {
    if (this.open) throw new window.DOMException('The dialog is already open.', 'InvalidStateError');
    if (!this.isConnected) throw new window.DOMException('The dialog is not in a document.', 'InvalidStateError');
    openedFrom.set(this, this.ownerDocument.activeElement);
    this.setAttribute('open', '');
    modals.push(this);
    const target = this.querySelector<HTMLElement>('[autofocus]') ?? this.querySelector<HTMLElement>(focusable);
    target?.focus();
  };

  proto.close = function close(this: HTMLDialogElement, returnValue?: string) {
    if (!this.open) return;
    this.removeAttribute('open');
    if (returnValue !== undefined) this.returnValue = returnValue;
    const at = modals.indexOf(this);
    if (at >= 0) modals.splice(at, 1);
    const previous = openedFrom.get(this);
    openedFrom.delete(this);
    const active = this.ownerDocument.activeElement;
    if (previous instanceof window.HTMLElement && active && this.contains(active)) previous.focus();
    setTimeout(() => this.dispatchEvent(new window.Event('close')));
  };

  // Capture phase, so a handler that stops the key's propagation still leaves the close request.
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape') return;
      // The request follows the keydown's dispatch, and only if no one prevented its default.
      queueMicrotask(() => {
        if (event.defaultPrevented) return;
        const dialog = topmostModal();
        if (!dialog) return;
        if (dialog.dispatchEvent(new window.Event('cancel', { cancelable: true }))) dialog.close();
      });
    },
    true,
  );
}
