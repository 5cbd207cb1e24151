/** English strings of the csv area; Spanish in csv.es.ts (same keys, checked by the type of en.ts). */
export const csvEn = {} as const;
