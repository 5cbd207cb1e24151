/** The narrowest and widest a column may be dragged or stepped to, in pixels. */
export const MIN_WIDTH = 40;
export const MAX_WIDTH = 2000;
/** Arrow keys on a resize handle widen or narrow the column by this many pixels. */
export const RESIZE_STEP = 16;

export const clampWidth = (width: number) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width)));
