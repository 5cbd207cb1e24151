import { describe, expect, it } from 'vitest';
import { bindCommands } from '../../../renderer/commands/bindings';
import { SHELL_COMMANDS } from '../../../renderer/shell/shell-commands';
import { menuKeysOf } from '../../../renderer/shell/menu-keys';

const bindingsOf = (overrides: Record<string, readonly string[]> = {}) =>
  new Map(bindCommands(SHELL_COMMANDS, overrides, 'other').map((c) => [c.id, c.bindings]));

describe('the keys the desktop menu shows', () => {
  it('are the registry’s defaults for the palette and the sections that have go keys', () => {
    const keys = menuKeysOf(bindingsOf());
    expect(keys['open-palette']).toBe('Mod+k');
    expect(keys['go:pipeline']).toBe('g p');
    expect(keys['go:deals']).toBe('g d');
    // A section without go keys has nothing to show.
    expect(keys['go:call-center']).toBeUndefined();
  });

  it('follow the user’s own bindings, the first of them where there are several', () => {
    const keys = menuKeysOf(bindingsOf({ 'go.deals': ['g e', 'Mod+3'], 'palette.open': ['Ctrl+Shift+p'] }));
    expect(keys['go:deals']).toBe('g e');
    expect(keys['open-palette']).toBe('Mod+Shift+p');
  });
});
