import { useEffect } from 'react';
import type { SavedView } from '@domain/schemas/saved-view';
import type { Command } from '../../commands/command';
import { useCommands } from '../../commands/command-store';
import { useReaderViews } from '../../db/saved-views';
import { useUi } from '../../shell/ui-store';
import { useViewRequests } from './view-requests';

const SOURCE = 'saved-views';

/** "Open view: Hot leads" for a view the user saved or their team shared. */
function openSavedViewCommand(view: SavedView): Command {
  return {
    id: `views.open.${view.id}`,
    title: 'savedViews.openView',
    titleValues: { name: view.name },
    scope: 'global',
    keys: [],
    run() {
      useViewRequests.getState().request(view.section, view.id);
      useUi.getState().navigate(view.section);
    },
  };
}

/**
 * Keeps the palette's "Open view: …" commands for the reader's own and shared views current,
 * as views are saved, renamed, shared or deleted here or on another device. Renders nothing.
 */
export function SavedViewCommands() {
  const views = useReaderViews();
  const setDataCommands = useCommands((s) => s.setDataCommands);
  useEffect(() => {
    setDataCommands(SOURCE, views.map(openSavedViewCommand));
  }, [views, setDataCommands]);
  useEffect(() => () => setDataCommands(SOURCE, []), [setDataCommands]);
  return null;
}
