import { describe, expect, it } from 'vitest';
import { bindCommands, findConflicts } from '../../../renderer/commands/bindings';
import type { Command } from '../../../renderer/commands/command';
import { activeScopes, dispatchKey, isTextTarget, type BoundCommand } from '../../../renderer/commands/dispatch';
import {
  ariaKeyShortcut,
  chordFromEvent,
  formatChord,
  normalizeChord,
  parseBinding,
} from '../../../renderer/commands/keys';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('key names', () => {
  it('reads Mod as Cmd on macOS and Ctrl elsewhere, so one default serves both', () => {
    expect(chordFromEvent(press('k', { metaKey: true }), 'mac')).toBe('Mod+k');
    expect(chordFromEvent(press('k', { ctrlKey: true }), 'other')).toBe('Mod+k');
    expect(chordFromEvent(press('k', { ctrlKey: true }), 'mac')).toBe('Ctrl+k');
    expect(normalizeChord('Ctrl+K', 'other')).toBe('Mod+k');
    expect(normalizeChord('cmd+k', 'mac')).toBe('Mod+k');
  });

  it('takes a shifted character as the character, and keeps Shift beside a modifier or on a named key', () => {
    expect(chordFromEvent(press('?', { shiftKey: true }), 'other')).toBe('?');
    expect(chordFromEvent(press('J', { shiftKey: true }), 'other')).toBe('j');
    expect(chordFromEvent(press('Z', { ctrlKey: true, shiftKey: true }), 'other')).toBe('Mod+Shift+z');
    expect(chordFromEvent(press('Enter', { shiftKey: true }), 'other')).toBe('Shift+Enter');
    expect(chordFromEvent(press(' '), 'other')).toBe('Space');
    expect(chordFromEvent(press('Shift', { shiftKey: true }), 'other')).toBeNull();
  });

  it('parses sequences and refuses what is not a key', () => {
    expect(parseBinding('g  L', 'other')).toEqual(['g', 'l']);
    expect(parseBinding('esc', 'other')).toEqual(['Escape']);
    expect(parseBinding('Hyper+k', 'other')).toBeNull();
    expect(parseBinding('   ', 'other')).toBeNull();
  });

  it('shows keys as each platform writes them, and names single chords for aria-keyshortcuts', () => {
    expect(formatChord('Mod+k', 'mac')).toBe('⌘K');
    expect(formatChord('Mod+Shift+z', 'other')).toBe('Ctrl+Shift+Z');
    expect(formatChord('ArrowDown', 'other')).toBe('↓');
    expect(ariaKeyShortcut(['Mod+k'], 'other')).toBe('Control+K');
    expect(ariaKeyShortcut(['Mod+k'], 'mac')).toBe('Meta+K');
    expect(ariaKeyShortcut(['g', 'p'], 'other')).toBeNull();
  });
});

const commands: BoundCommand[] = [
  { id: 'go.leads', scope: 'global', bindings: [['g', 'l']] },
  { id: 'go.pipeline', scope: 'global', bindings: [['g', 'p']] },
  { id: 'palette.open', scope: 'global', bindings: [['Mod+k']], allowInText: true },
  { id: 'edit.undo', scope: 'global', bindings: [['Mod+z']] },
  { id: 'record.create', scope: 'global', bindings: [['c']] },
  { id: 'board.right', scope: 'board', bindings: [['l'], ['ArrowRight']] },
  { id: 'board.down', scope: 'board', bindings: [['j']] },
  { id: 'list.next', scope: 'list', bindings: [['j']] },
  { id: 'drawer.close', scope: 'drawer', bindings: [['Escape']] },
  { id: 'popup.close', scope: 'dialog', bindings: [['Escape']] },
];
const key = (
  chord: string,
  options: {
    pending?: string[];
    scopes?: ReturnType<typeof activeScopes>;
    inText?: boolean;
    applies?: (id: string) => boolean;
  } = {},
) =>
  dispatchKey({
    chord,
    pending: options.pending ?? [],
    scopes: options.scopes ?? ['global'],
    inText: options.inText ?? false,
    commands,
    applies: options.applies ?? (() => true),
  });

describe('dispatch', () => {
  it('waits after the first key of a sequence and runs the command on the second', () => {
    expect(key('g')).toEqual({ kind: 'pending', pending: ['g'] });
    expect(key('p', { pending: ['g'] })).toEqual({ kind: 'run', id: 'go.pipeline' });
  });

  it('takes a key that does not continue the sequence on its own', () => {
    const scopes = activeScopes({ modal: false, popup: false, marked: ['board'], drawerIdle: false });
    expect(key('j', { pending: ['g'], scopes })).toEqual({ kind: 'run', id: 'board.down' });
    expect(key('l', { pending: ['g'], scopes })).toEqual({ kind: 'run', id: 'go.leads' });
    expect(key('x', { pending: ['g'], scopes })).toEqual({ kind: 'none' });
  });

  it('runs the command of the most specific active scope, and skips one whose `when` says no', () => {
    const board = activeScopes({ modal: false, popup: false, marked: ['board'], drawerIdle: false });
    expect(key('j', { scopes: board })).toEqual({ kind: 'run', id: 'board.down' });
    const list = activeScopes({ modal: false, popup: false, marked: ['list'], drawerIdle: false });
    expect(key('j', { scopes: list })).toEqual({ kind: 'run', id: 'list.next' });
    expect(key('j', { scopes: ['global'] })).toEqual({ kind: 'none' });
    expect(key('c', { scopes: board, applies: (id) => id !== 'record.create' })).toEqual({ kind: 'none' });
  });

  it('never takes typing in a text field, except Escape and the Mod combinations made for it', () => {
    const drawer = activeScopes({ modal: false, popup: false, marked: ['drawer'], drawerIdle: false });
    expect(key('c', { inText: true })).toEqual({ kind: 'none' });
    expect(key('g', { inText: true })).toEqual({ kind: 'none' });
    expect(key('Mod+z', { inText: true })).toEqual({ kind: 'none' });
    expect(key('Mod+k', { inText: true })).toEqual({ kind: 'run', id: 'palette.open' });
    expect(key('Escape', { inText: true, scopes: drawer })).toEqual({ kind: 'run', id: 'drawer.close' });
  });

  it('lets a modal dialog block every other scope, while an open menu only comes first', () => {
    expect(activeScopes({ modal: true, popup: false, marked: ['board'], drawerIdle: true })).toEqual(['dialog']);
    const menu = activeScopes({ modal: false, popup: true, marked: ['drawer'], drawerIdle: false });
    expect(menu).toEqual(['dialog', 'drawer', 'global']);
    expect(key('Escape', { scopes: menu })).toEqual({ kind: 'run', id: 'popup.close' });
    expect(key('c', { scopes: ['dialog'] })).toEqual({ kind: 'none' });
    expect(activeScopes({ modal: false, popup: false, marked: [], drawerIdle: true })).toEqual(['drawer', 'global']);
  });
});

describe('text fields', () => {
  const element = (tagName: string, attributes: Record<string, string> = {}, isContentEditable = false) => ({
    tagName,
    isContentEditable,
    getAttribute: (name: string) => attributes[name] ?? null,
  });
  it('counts inputs, text areas, selects, editable content and text roles as text, and not buttons or checkboxes', () => {
    expect(isTextTarget(element('INPUT'))).toBe(true);
    expect(isTextTarget(element('INPUT', { type: 'search' }))).toBe(true);
    expect(isTextTarget(element('TEXTAREA'))).toBe(true);
    expect(isTextTarget(element('SELECT'))).toBe(true);
    expect(isTextTarget(element('DIV', {}, true))).toBe(true);
    expect(isTextTarget(element('DIV', { role: 'combobox' }))).toBe(true);
    expect(isTextTarget(element('DIV', { role: 'textbox' }))).toBe(true);
    expect(isTextTarget(element('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTextTarget(element('BUTTON'))).toBe(false);
    expect(isTextTarget(element('DIV', { role: 'button' }))).toBe(false);
    expect(isTextTarget(null)).toBe(false);
  });
});

describe('remapping', () => {
  const defs: Command[] = [
    { id: 'go.deals', title: 'commands.goTo', scope: 'global', keys: ['g d'], run: () => {} },
    { id: 'go.pipeline', title: 'commands.goTo', scope: 'global', keys: ['g p'], run: () => {} },
    { id: 'board.won', title: 'commands.markWon', scope: 'board', keys: ['w'], run: () => {} },
    { id: 'deal.won', title: 'commands.markWon', scope: 'drawer', keys: ['w'], run: () => {} },
    { id: 'record.create', title: 'commands.createRecord', scope: 'global', keys: ['c'], run: () => {} },
  ];

  it('puts the user’s binding in place of the default, and the default back when it is removed', () => {
    const mine = bindCommands(defs, { 'go.deals': ['g e'] }, 'other');
    expect(mine.find((c) => c.id === 'go.deals')?.bindings).toEqual([['g', 'e']]);
    expect(bindCommands(defs, {}, 'other').find((c) => c.id === 'go.deals')?.bindings).toEqual([['g', 'd']]);
  });

  it('finds a clash within overlapping scopes, a prefix included, and none across separate scopes', () => {
    const bound = bindCommands(defs, {}, 'other');
    expect(findConflicts('go.deals', ['g', 'p'], bound).map((c) => c.id)).toEqual(['go.pipeline']);
    // `g` alone would swallow every `g …` sequence.
    expect(findConflicts('record.create', ['g'], bound).map((c) => c.id)).toEqual(['go.deals', 'go.pipeline']);
    // A global key clashes with the same key on the board.
    expect(findConflicts('record.create', ['w'], bound).map((c) => c.id)).toEqual(['board.won', 'deal.won']);
    // The board and the drawer are never active together.
    expect(findConflicts('board.won', ['w'], bound)).toEqual([]);
    expect(findConflicts('go.deals', ['g', 'e'], bound)).toEqual([]);
  });
});
