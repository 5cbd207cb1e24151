/** English strings of the leadSettings area; Spanish in lead-settings.es.ts (same keys, checked by the type of en.ts). */
export const leadSettingsEn = {} as const;
