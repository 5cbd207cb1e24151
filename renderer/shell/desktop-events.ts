import type { DesktopCommand, OutpostBridge, RecordLink } from '@domain/desktop-bridge';
import { COMMAND_EVENT } from '../commands/CommandHost';
import { hasDrawer, sectionOf } from './registry';
import type { DrawerTarget } from './ui-store';

/** What the desktop's links and commands act on: the ui store, a translated toast, the window. */
export interface DesktopEventActions {
  navigate(section: string, options?: { focus?: boolean }): void;
  openDrawer(target: DrawerTarget): void;
  /** Shows a toast with the text of a translation key. */
  toast(key: 'desktop.quickLogSoon'): void;
  /** Dispatches a DOM event on the window. */
  dispatch(event: Event): void;
}

/**
 * Opens a record named by an `outpost://` link: its section, with its drawer open. Activities have
 * no drawer yet, so their link shows the activities section.
 */
export function openRecordLink(link: RecordLink, actions: DesktopEventActions): void {
  actions.navigate(link.collection);
  if (hasDrawer(link.collection)) actions.openDrawer({ collection: link.collection, id: link.id });
}

/** Does what a desktop command (global hotkey, "Go" menu, tray) asks. */
export function runDesktopCommand(command: DesktopCommand, actions: DesktopEventActions): void {
  switch (command) {
    case 'open-palette':
      // The command registry runs it (CommandHost hears this event), as it runs Mod+K.
      actions.dispatch(new CustomEvent(COMMAND_EVENT, { detail: { id: 'palette.open' } }));
      return;
    case 'quick-log':
      // Logging an activity in one step comes with the activities screen; until then, its section.
      actions.navigate('activities', { focus: true });
      actions.toast('desktop.quickLogSoon');
      return;
    case 'new-lead':
      actions.navigate('leads');
      actions.openDrawer({ collection: 'leads', id: 'new' });
      return;
    default: {
      const section = command.slice('go:'.length);
      if (sectionOf(section)) actions.navigate(section, { focus: true });
    }
  }
}

/**
 * Listens to the desktop's links and commands for the life of the page. Called before anything
 * awaits at start, so a link that launched Outpost, sent as soon as the page has loaded, is heard;
 * before sign-in it only sets where the app opens.
 */
export function connectDesktopEvents(bridge: OutpostBridge, actions: () => DesktopEventActions): () => void {
  const stopLinks = bridge.onOpenRecord((link) => openRecordLink(link, actions()));
  const stopCommands = bridge.onDesktopCommand((command) => runDesktopCommand(command, actions()));
  return () => {
    stopLinks();
    stopCommands();
  };
}
