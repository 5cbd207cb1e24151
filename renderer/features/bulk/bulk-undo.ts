import { offerSurface } from '../../commands/surfaces';
import { useUi } from '../../shell/ui-store';

let withdraw: (() => void) | null = null;
let stopWatching: (() => void) | null = null;

/**
 * Offers the last bulk run's undo to Ctrl/Cmd-Z (the shell's `edit.undo`) until it is used, a new
 * run replaces it, or the user leaves the section: the bar that ran it may be gone by then (the
 * table hides it once the selection is cleared), so the offer is not tied to it being mounted.
 */
export function offerBulkUndo(undo: () => void): void {
  withdrawBulkUndo();
  const section = useUi.getState().section;
  // The shape of the shell's `undo` surface (a function), which `edit.undo` calls.
  const once = () => {
    withdrawBulkUndo();
    undo();
  };
  withdraw = offerSurface('undo', () => once);
  stopWatching = useUi.subscribe((state) => {
    if (state.section !== section) withdrawBulkUndo();
  });
}

export function withdrawBulkUndo(): void {
  withdraw?.();
  stopWatching?.();
  withdraw = null;
  stopWatching = null;
}
