/** English strings of the recordTable area; Spanish in record-table.es.ts (same keys, checked by the type of en.ts). */
export const recordTableEn = {} as const;
