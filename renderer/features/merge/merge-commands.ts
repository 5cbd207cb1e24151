import type { Command } from '../../commands/command';

/** What an open contact's or company's drawer offers the merge command (MergeAction). */
export interface MergeSurface {
  open(): void;
}

/** "Merge with…" on the contact or company open in the drawer, by name from the palette. */
export const MERGE_COMMAND: Command = {
  id: 'record.merge',
  title: 'merge.command',
  scope: 'drawer',
  keys: [],
  when: (ctx) => ctx.surface<MergeSurface>('merge') !== undefined,
  run: (ctx) => ctx.surface<MergeSurface>('merge')?.open(),
};
