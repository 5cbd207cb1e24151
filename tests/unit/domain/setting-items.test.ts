import { describe, expect, it } from 'vitest';
import { addSettingItem, moveSettingItem, renameSettingItem, setSettingItemRetired } from '@domain/setting-items';
import type { SettingItem } from '@domain/schemas/setting';

const item = (key: string, label: string, retired = false): SettingItem => ({ key, label, retired });
const reasons = [
  item('not-a-fit', 'Not a fit'),
  item('spam', 'Spam'),
  item('old', 'Trade show', true),
  item('duplicate', 'Duplicate'),
];

describe('editing a configuration list (disqualification reasons, lead sources)', () => {
  it('adds an item under a key made from its label, unique among every key the list ever held', () => {
    const added = addSettingItem([...reasons, item('budget', 'Budget', true)], '  Budget ');
    expect(added).toEqual({ ok: true, items: expect.arrayContaining([item('budget-2', 'Budget')]) });
  });

  it('refuses a blank label, an overlong one, and one an active item already has', () => {
    expect(addSettingItem(reasons, '   ')).toEqual({ ok: false, problem: 'blank' });
    expect(addSettingItem(reasons, 'x'.repeat(101))).toEqual({ ok: false, problem: 'tooLong' });
    expect(addSettingItem(reasons, 'SPAM')).toEqual({ ok: false, problem: 'duplicate' });
    // A retired item's label is free again.
    expect(addSettingItem(reasons, 'Trade show').ok).toBe(true);
  });

  it('renames an item and keeps its key, so records that chose it follow the new name', () => {
    const renamed = renameSettingItem(reasons, 'spam', 'Junk');
    expect(renamed.ok && renamed.items.find((i) => i.key === 'spam')).toEqual(item('spam', 'Junk'));
    expect(renameSettingItem(reasons, 'spam', 'Not a fit')).toEqual({ ok: false, problem: 'duplicate' });
    expect(renameSettingItem(reasons, 'spam', 'spam ').ok).toBe(true);
  });

  it('moves an item among the active ones, stepping over retired items, and not past either end', () => {
    const down = moveSettingItem(reasons, 'spam', 1);
    expect(down.filter((i) => !i.retired).map((i) => i.key)).toEqual(['not-a-fit', 'duplicate', 'spam']);
    expect(moveSettingItem(reasons, 'not-a-fit', -1)).toEqual(reasons);
  });

  it('removes an item by retiring it, and Undo brings it back in its place', () => {
    const removed = setSettingItemRetired(reasons, 'spam', true);
    expect(removed.filter((i) => !i.retired).map((i) => i.key)).toEqual(['not-a-fit', 'duplicate']);
    expect(setSettingItemRetired(removed, 'spam', false)).toEqual(reasons);
  });
});
