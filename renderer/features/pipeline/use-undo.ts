import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../db/workspace-context';
import { useUi } from '../../shell/ui-store';
import { writeUndo } from '../../db/deal-move-writes';
import { useBoard } from './board-store';

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
