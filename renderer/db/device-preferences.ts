import { useEffect, useState } from 'react';
import type { OutpostDatabase } from './database';
import { localDocument$ } from './local-document';
import { useWorkspace } from './workspace-context';

/** Device-local UI preferences: stored as an RxDB local document, never replicated. */
export interface DevicePreferences {
  locale: 'en' | 'es';
  theme: 'system' | 'light' | 'dark';
  /** The first-run offer of demo data has been answered. */
  onboarded: boolean;
  /** False keeps everything on this device (no sync). */
  syncEnabled: boolean;
  /**
   * Key bindings set before they were kept on the profile, or while this device does not hold it
   * yet: moved to the profile once it is here (db/key-bindings.ts).
   */
  keyBindings: Readonly<Record<string, readonly string[]>>;
  /**
   * The CSV import's column choices per record type: the field chosen for each header (by
   * headerKey), or null for a column left out; the next file with those headers starts from them.
   */
  importMappings: Readonly<Record<string, Readonly<Record<string, string | null>>>>;
}

const PREFERENCES_DOC = 'preferences';

export function defaultPreferences(): DevicePreferences {
  const locale = navigator.language?.toLowerCase().startsWith('es') ? 'es' : 'en';
  return { locale, theme: 'system', onboarded: false, syncEnabled: true, keyBindings: {}, importMappings: {} };
}

export async function readPreferences(db: OutpostDatabase): Promise<DevicePreferences> {
  const doc = await db.getLocal<DevicePreferences>(PREFERENCES_DOC);
  return { ...defaultPreferences(), ...(doc?.toJSON().data ?? {}) };
}

export async function savePreferences(db: OutpostDatabase, patch: Partial<DevicePreferences>): Promise<void> {
  const current = await readPreferences(db);
  await db.upsertLocal<DevicePreferences>(PREFERENCES_DOC, { ...current, ...patch });
}

export function usePreferences(): [DevicePreferences, (patch: Partial<DevicePreferences>) => Promise<void>] {
  const { db } = useWorkspace();
  const [prefs, setPrefs] = useState<DevicePreferences>(defaultPreferences);
  useEffect(() => {
    const subscription = localDocument$<DevicePreferences>(db, PREFERENCES_DOC).subscribe((doc) => {
      setPrefs({ ...defaultPreferences(), ...(doc?.toJSON().data ?? {}) });
    });
    return () => subscription.unsubscribe();
  }, [db]);
  return [prefs, (patch) => savePreferences(db, patch)];
}
