/** Row heights in pixels by density: the virtual list's estimate and the rows' own height. */
export const ROW_HEIGHT = { compact: 32, comfortable: 44 } as const;
