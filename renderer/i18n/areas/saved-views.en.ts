/** English strings of the savedViews area; Spanish in saved-views.es.ts (same keys, checked by the type of en.ts). */
export const savedViewsEn = {} as const;
