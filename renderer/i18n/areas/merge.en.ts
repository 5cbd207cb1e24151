/** English strings of the merge area; Spanish in merge.es.ts (same keys, checked by the type of en.ts). */
export const mergeEn = {} as const;
