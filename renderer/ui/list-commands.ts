import type { Command, CommandContext } from '../commands/command';

/** Rows of a record list (ui/record-table) carry this attribute; the table is the `list` scope. */
export const LIST_ROW = 'data-list-row';

/**
 * What the record table offers its commands: ticking a row (Shift held: through from the last one
 * ticked), and editing a row's cells in place.
 */
export const RECORD_TABLE_SURFACE = 'recordTable';
export interface RecordTableSurface {
  toggle(row: HTMLElement): void;
  /** Whether the row has a cell its reader may edit in place. */
  canEdit(row: HTMLElement): boolean;
  /** Starts editing the row's first editable cell. */
  edit(row: HTMLElement): void;
}

function rowOf(ctx: CommandContext): HTMLElement | null {
  return ctx.target instanceof HTMLElement ? ctx.target.closest<HTMLElement>(`[${LIST_ROW}]`) : null;
}

/** The row the command is for: only when the row itself has focus (not a control inside it). */
function focusedRow(ctx: CommandContext): HTMLElement | null {
  const row = rowOf(ctx);
  return row !== null && row === ctx.target ? row : null;
}

function sibling(row: HTMLElement, step: 1 | -1): HTMLElement | null {
  let node = step === 1 ? row.nextElementSibling : row.previousElementSibling;
  while (node && !node.hasAttribute(LIST_ROW))
    node = step === 1 ? node.nextElementSibling : node.previousElementSibling;
  return node instanceof HTMLElement ? node : null;
}

/**
 * J and K walk a list's rows (focusing a row scrolls the virtual list, which then renders its
 * neighbours), X or Space ticks the focused one — Shift+X through from the last one ticked: the
 * table notes Shift itself, as a letter's chord does not carry it (domain/keys.ts) —, Enter opens
 * the focused one and only opens it, F2 or E edits its first editable cell in place (Tab goes on
 * to the next, Enter saves, Escape gives up; the editor's own keys, as a field's typing is never a
 * command). None is taken while typing in a field (commands/dispatch.ts).
 */
export const LIST_COMMANDS: readonly Command[] = [
  {
    id: 'list.next',
    title: 'commands.listNext',
    scope: 'list',
    keys: ['j'],
    when: (ctx) => rowOf(ctx) !== null,
    run: (ctx) => sibling(rowOf(ctx)!, 1)?.focus(),
  },
  {
    id: 'list.previous',
    title: 'commands.listPrevious',
    scope: 'list',
    keys: ['k'],
    when: (ctx) => rowOf(ctx) !== null,
    run: (ctx) => sibling(rowOf(ctx)!, -1)?.focus(),
  },
  {
    id: 'list.open',
    title: 'commands.listOpen',
    scope: 'list',
    keys: ['Enter'],
    // On the row itself: Enter on a link or button inside a cell is that control's.
    when: (ctx) => focusedRow(ctx) !== null,
    run: (ctx) => focusedRow(ctx)!.click(),
  },
  {
    id: 'list.toggleSelection',
    title: 'commands.listToggleSelection',
    scope: 'list',
    keys: ['x', 'Space', 'Shift+Space'],
    when: (ctx) => focusedRow(ctx) !== null && ctx.surface<RecordTableSurface>(RECORD_TABLE_SURFACE) !== undefined,
    run: (ctx) => ctx.surface<RecordTableSurface>(RECORD_TABLE_SURFACE)!.toggle(focusedRow(ctx)!),
  },
  {
    id: 'list.editCell',
    title: 'commands.listEditCell',
    scope: 'list',
    keys: ['F2', 'e'],
    when: (ctx) => {
      const row = focusedRow(ctx);
      return row !== null && !!ctx.surface<RecordTableSurface>(RECORD_TABLE_SURFACE)?.canEdit(row);
    },
    run: (ctx) => ctx.surface<RecordTableSurface>(RECORD_TABLE_SURFACE)!.edit(focusedRow(ctx)!),
  },
];
