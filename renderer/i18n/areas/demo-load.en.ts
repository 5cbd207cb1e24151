/** English strings of the demoLoad area; Spanish in demo-load.es.ts (same keys, checked by the type of en.ts). */
export const demoLoadEn = {} as const;
