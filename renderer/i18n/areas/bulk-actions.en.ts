/** English strings of the bulk area; Spanish in bulk-actions.es.ts (same keys, checked by the type of en.ts). */
export const bulkEn = {} as const;
