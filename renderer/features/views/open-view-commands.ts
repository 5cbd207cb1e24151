import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import type { DefaultView } from '@domain/record-views/view-state';
import type { Command } from '../../commands/command';
import { isMessageKey } from '../../i18n/message-key';
import { useUi } from '../../shell/ui-store';
import { useViewRequests } from './view-requests';

/**
 * "Open view: My open leads" in the palette, for every view a section ships with: goes to the
 * section and asks its views menu for the view. Reachable by name only (no default keys).
 */
export function openViewCommand(view: DefaultView): Command {
  return {
    id: `views.open.${view.key}`,
    title: 'savedViews.openView',
    titleArgs: { name: isMessageKey(view.nameKey) ? view.nameKey : 'savedViews.defaultGroup' },
    scope: 'global',
    keys: [],
    run() {
      useViewRequests.getState().request(view.section, view.key);
      useUi.getState().navigate(view.section);
    },
  };
}

export const OPEN_VIEW_COMMANDS: readonly Command[] = Object.values(DEFAULT_VIEWS).flatMap((views) =>
  views.map(openViewCommand),
);
