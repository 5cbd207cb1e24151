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
    // Settings keeps the desktop's usual Cmd/Ctrl+comma beside G then S.
    expect(keys['go:settings']).toBe('Mod+,');
    // A section without go keys has nothing to show.
    expect(keys['go:call-center']).toBeUndefined();
  });

  it('follow the user’s own bindings, preferring one a menu accelerator can hold', () => {
    const keys = menuKeysOf(
      bindingsOf({ 'go.deals': ['g e', 'Mod+3'], 'go.leads': ['g e', 'g y'], 'palette.open': ['Ctrl+Shift+p'] }),
    );
    expect(keys['go:deals']).toBe('Mod+3');
    expect(keys['go:leads']).toBe('g e');
    expect(keys['open-palette']).toBe('Mod+Shift+p');
  });
});
