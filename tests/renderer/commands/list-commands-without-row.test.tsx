import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../renderer/commands/command';
import {
  LIST_COMMANDS,
  LIST_ROW,
  RECORD_TABLE_SURFACE,
  type RecordTableSurface,
} from '../../../renderer/ui/list-commands';

const surface: RecordTableSurface = {
  toggle: () => undefined,
  canEdit: (row) => row.getAttribute('aria-rowindex') !== null,
  edit: () => undefined,
};

function context(target: Element | null): CommandContext {
  return {
    section: 'contacts',
    target,
    surface: <T,>(name: string) => (name === RECORD_TABLE_SURFACE ? (surface as T) : undefined),
  };
}

describe('the list’s row commands outside a row', () => {
  it('are not offered, and do not fail, when nothing has focus (as the palette asks on a list page)', () => {
    for (const command of LIST_COMMANDS) {
      if (!command.when) continue;
      expect(() => command.when!(context(null)), command.id).not.toThrow();
    }
    const rowOnly = LIST_COMMANDS.filter((c) => ['list.open', 'list.toggleSelection', 'list.editCell'].includes(c.id));
    expect(rowOnly).toHaveLength(3);
    for (const command of rowOnly) expect(command.when!(context(null)), command.id).toBe(false);
    for (const command of rowOnly) expect(command.when!(context(document.body)), command.id).toBe(false);
  });

  it('are offered on a focused row', () => {
    const row = document.createElement('div');
    row.setAttribute(LIST_ROW, '');
    row.setAttribute('aria-rowindex', '2');
    document.body.append(row);
    const edit = LIST_COMMANDS.find((c) => c.id === 'list.editCell')!;
    expect(edit.when!(context(row))).toBe(true);
    row.remove();
  });
});
