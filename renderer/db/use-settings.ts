import type { TFunction } from 'i18next';
import { defaultSettings, SETTING_IDS } from '@domain/default-records';
import type { Pipeline } from '@domain/schemas/pipeline';
import type { SettingItem, SettingKind } from '@domain/schemas/setting';
import { isMessageKey } from '../i18n/message-key';
import { useRecord, useRxQuery } from './use-rx';

/** The active items of one configuration list (lead sources, lost reasons…). */
export function useSettingItems(kind: SettingKind): SettingItem[] {
  const setting = useRecord('settings', SETTING_IDS[kind]);
  return (setting?.items ?? []).filter((i) => !i.retired);
}

/** The labels the built-in items start with, by kind and key. */
const DEFAULT_LABELS = new Map(
  defaultSettings().flatMap((s) => s.items.map((i) => [`${s.kind}:${i.key}`, i.label] as const)),
);

/**
 * Built-in items are translated by key while they keep their default label; items an admin added
 * or renamed show as typed.
 */
export function settingLabel(t: TFunction, kind: SettingKind, item: SettingItem | undefined, key = ''): string {
  if (!item) return key;
  const builtIn = `options.${kind}.${item.key}` as const;
  const renamed = DEFAULT_LABELS.get(`${kind}:${item.key}`) !== item.label;
  return isMessageKey(builtIn) && !renamed ? t(builtIn) : item.label;
}

export function usePipelines(): { pipelines: Pipeline[]; loading: boolean } {
  const { docs, loading } = useRxQuery('pipelines', { selector: { deletedAt: null }, sort: [{ position: 'asc' }] });
  return { pipelines: docs, loading };
}
