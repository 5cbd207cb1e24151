import type { CollectionName } from '@domain/collections';
import type { Command } from '../commands/command';
import type { MessageKey } from '../i18n/message-key';
import type { CanCreate } from './can-create';
import { useUi } from './ui-store';

/** Record kinds someone can take over with "Assign to me". */
export const ASSIGNABLE = ['deals', 'leads', 'contacts'] as const;
export type AssignableCollection = (typeof ASSIGNABLE)[number];

/** What the shell offers commands to make the signed-in user a record's owner (AppShell). */
export type AssignSurface = (collection: AssignableCollection, id: string) => void;

export function isAssignable(collection: string): collection is AssignableCollection {
  return (ASSIGNABLE as readonly string[]).includes(collection);
}

/** "New contact", "New deal"…: the form for a new record of `collection`, from anywhere, when the user may create one. */
export function createCommand(collection: CollectionName, title: MessageKey): Command {
  return {
    id: `create.${collection}`,
    title,
    scope: 'global',
    keys: [],
    when: (ctx) => ctx.surface<CanCreate>('can')?.('create', collection) === true,
    run: () => useUi.getState().openDrawer({ collection, id: 'new' }),
  };
}

function openAssignable(): { collection: AssignableCollection; id: string } | null {
  const drawer = useUi.getState().drawer;
  return drawer && drawer.id !== 'new' && isAssignable(drawer.collection)
    ? { collection: drawer.collection, id: drawer.id }
    : null;
}

/** The deal, lead or contact open in the drawer becomes the signed-in user's (if their role lets them reassign it). */
export const ASSIGN_OPEN_RECORD: Command = {
  id: 'record.assignToMe',
  title: 'commands.assignToMe',
  scope: 'drawer',
  keys: [],
  when: (ctx) => openAssignable() !== null && ctx.surface<AssignSurface>('assign') !== undefined,
  run: (ctx) => {
    const open = openAssignable();
    if (open) ctx.surface<AssignSurface>('assign')?.(open.collection, open.id);
  },
};
