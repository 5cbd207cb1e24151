import { useEffect } from 'react';
import { useCommands } from '../commands/command-store';
import { useSyncSelection } from '../db/sync/sync-value';
import { useWorkspace } from '../db/workspace-context';
import { paletteSearchFor } from '../search/palette-search';
import { PaletteDialog } from './PaletteDialog';
import './palette.css';

/**
 * The command palette (Mod+K, the desktop's hotkey and Go menu): mounted once by the shell, open
 * while the command store says so. Its index is built as soon as the workspace is open, so the
 * first search does not wait for every record to be read (docs/adr/0027-palette-search.md) — but
 * not while a long sync brings records (a first sync): then it would read and index every record
 * as it arrives, in the sync's time and memory, for a palette nobody may open before it ends. It is
 * built when the sync ends, or at once when someone opens the palette.
 */
export function CommandPalette() {
  const { db } = useWorkspace();
  const longSync = useSyncSelection((sync) => sync.status?.progress != null);
  const open = useCommands((s) => s.paletteOpen);
  const setOpen = useCommands((s) => s.setPaletteOpen);
  useEffect(() => {
    if (longSync) return;
    const start = () =>
      paletteSearchFor(db)
        .prepare()
        .catch((error: unknown) => console.error('The command palette could not index the records:', error));
    // Once the first screen has painted and the page is idle (at most a second later).
    const idle = requestIdleCallback(() => void start(), { timeout: 1000 });
    return () => cancelIdleCallback(idle);
  }, [db, longSync]);
  if (!open) return null;
  return <PaletteDialog onClose={() => setOpen(false)} />;
}
