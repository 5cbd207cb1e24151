import { searchKey } from './derived-fields';
import type { SettingItem } from './schemas/setting';

/** The schema's limits on a configuration list (domain/schemas/setting.ts). */
export const MAX_SETTING_ITEMS = 500;
export const MAX_SETTING_LABEL = 100;
const MAX_KEY = 60;

/** Why an edit of a configuration list is refused; the UI says it in the user's language. */
export type SettingItemProblem = 'blank' | 'tooLong' | 'duplicate' | 'full';

export type SettingItemsResult = { ok: true; items: SettingItem[] } | { ok: false; problem: SettingItemProblem };

/**
 * A label a list can take: not blank, within the schema's length, and not the label of another
 * active item (two "Referral" reasons would be one choice shown twice). Retired items do not count:
 * their label may be used again.
 */
function checkLabel(items: readonly SettingItem[], label: string, exceptKey = ''): SettingItemProblem | null {
  const trimmed = label.trim();
  if (!trimmed) return 'blank';
  if (trimmed.length > MAX_SETTING_LABEL) return 'tooLong';
  const key = searchKey(trimmed);
  return items.some((i) => !i.retired && i.key !== exceptKey && searchKey(i.label) === key) ? 'duplicate' : null;
}

/**
 * The key a new item is stored under: its label as a slug ("Trade show" → "trade-show"), made unique
 * among every key the list ever held — a retired key still names the reason old records chose.
 */
export function settingItemKey(items: readonly SettingItem[], label: string): string {
  const base =
    searchKey(label)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_KEY - 4) || 'item';
  const taken = new Set(items.map((i) => i.key));
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

/** The list with a new active item at its end. */
export function addSettingItem(items: readonly SettingItem[], label: string): SettingItemsResult {
  const problem = checkLabel(items, label);
  if (problem) return { ok: false, problem };
  if (items.length >= MAX_SETTING_ITEMS) return { ok: false, problem: 'full' };
  return { ok: true, items: [...items, { key: settingItemKey(items, label), label: label.trim(), retired: false }] };
}

/** The list with item `key` relabelled; its key stays, so records that chose it follow the new name. */
export function renameSettingItem(items: readonly SettingItem[], key: string, label: string): SettingItemsResult {
  const problem = checkLabel(items, label, key);
  if (problem) return { ok: false, problem };
  return { ok: true, items: items.map((i) => (i.key === key ? { ...i, label: label.trim() } : i)) };
}

/**
 * The list with active item `key` moved `by` places among the active items (retired items keep
 * their place between them, out of sight). Moving past either end changes nothing.
 */
export function moveSettingItem(items: readonly SettingItem[], key: string, by: 1 | -1): SettingItem[] {
  const active = items.map((item, at) => ({ item, at })).filter(({ item }) => !item.retired);
  const from = active.findIndex(({ item }) => item.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= active.length) return [...items];
  const next = [...items];
  const a = active[from]!.at;
  const b = active[to]!.at;
  [next[a], next[b]] = [next[b]!, next[a]!];
  return next;
}

/**
 * The list with item `key` retired or back: removed from every picker, but kept, so a record that
 * chose it still shows its label and Undo brings it back where it was.
 */
export function setSettingItemRetired(items: readonly SettingItem[], key: string, retired: boolean): SettingItem[] {
  return items.map((i) => (i.key === key ? { ...i, retired } : i));
}
