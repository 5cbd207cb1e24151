import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../db/workspace-context';
import { useUi } from '../../shell/ui-store';
import { writeUndo } from './board-actions';
import { useBoard } from './board-store';
import { isShortcutBlocked } from './keyboard';

/** Takes back one board action (the latest, or a given one from its toast) and says so. */
export function useUndoBoardAction() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const showToast = useUi((s) => s.showToast);
  return useCallback(
    async (id?: number) => {
      const entry = useBoard.getState().takeUndo(id);
      if (!entry) {
        if (id === undefined) showToast(t('pipeline.nothingToUndo'));
        return;
      }
      try {
        await entry.written;
        const outcome = await writeUndo(ws, entry.dealId, entry.before, entry.after);
        // The card went back to where it was: the board focuses it there if focus was on the board.
        useBoard.getState().requestFocus(entry.dealId);
        showToast(t(outcome === 'undone' ? 'pipeline.undone' : 'pipeline.undoStale', { title: entry.title }));
      } catch (error) {
        showToast(t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) }));
      }
    },
    [ws, t, showToast],
  );
}

/** Ctrl-Z (Cmd-Z on a Mac) undoes the last board action while the board is on screen. */
export function useUndoShortcut() {
  const undo = useUndoBoardAction();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey)
        return;
      // Inside a field, Ctrl-Z is the field's own undo.
      if (event.defaultPrevented || isShortcutBlocked(event.target)) return;
      event.preventDefault();
      void undo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo]);
}
