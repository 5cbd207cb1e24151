import type { TFunction } from 'i18next';
import { SETTING_IDS } from '@domain/default-records';
import type { Pipeline } from '@domain/schemas/pipeline';
import type { SettingItem, SettingKind } from '@domain/schemas/setting';
import { isMessageKey } from '../i18n/message-key';
import { useRecord, useRxQuery } from './use-rx';

/** The active items of one configuration list (lead sources, lost reasons…). */
export function useSettingItems(kind: SettingKind): SettingItem[] {
  const setting = useRecord('settings', SETTING_IDS[kind]);
  return (setting?.items ?? []).filter((i) => !i.retired);
}

/** Built-in items are translated by key; items an admin added show as typed. */
export function settingLabel(t: TFunction, kind: SettingKind, item: SettingItem | undefined, key = ''): string {
  if (!item) return key;
  const builtIn = `options.${kind}.${item.key}` as const;
  return isMessageKey(builtIn) ? t(builtIn) : item.label;
}

export function usePipelines(): { pipelines: Pipeline[]; loading: boolean } {
  const { docs, loading } = useRxQuery('pipelines', { selector: { deletedAt: null }, sort: [{ position: 'asc' }] });
  return { pipelines: docs, loading };
}
