import { useLayoutEffect, useState } from 'react';

/** The rows to draw: from `first` to `last` (exclusive). */
export interface RowRange {
  first: number;
  last: number;
}

/** Assumed before the scroller is measured (and in a DOM without layout): a screenful. */
const UNMEASURED_HEIGHT = 600;

/** The rows of `count` at `rowHeight` that a scroll position and height show, `overscan` more each side. */
function rowRangeAt(scrollTop: number, height: number, count: number, rowHeight: number, overscan: number): RowRange {
  const top = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const bottom = Math.ceil((Math.max(0, scrollTop) + height) / rowHeight);
  return { first: Math.max(0, Math.min(top, count) - overscan), last: Math.min(count, bottom + overscan) };
}

/**
 * The rows a virtual list of fixed-height rows draws in `scroller`: those on screen and `overscan`
 * more on each side. Rows all have one height, so a row's place is its index times the height —
 * nothing is measured per row, and a list of 100,000 keeps no table of positions to make again
 * whenever the list's length changes. The component is drawn again when the first row on screen
 * or the scroller's height changes, not at every scroll event.
 */
export function useRowRange(
  scroller: HTMLElement | null,
  count: number,
  rowHeight: number,
  overscan: number,
): RowRange {
  const [view, setView] = useState({ scrollTop: 0, height: UNMEASURED_HEIGHT });
  useLayoutEffect(() => {
    const element = scroller;
    if (!element) return;
    const read = () => {
      const scrollTop = element.scrollTop;
      const height = element.clientHeight || UNMEASURED_HEIGHT;
      // A new state (and a redraw) only when another row is first on screen or the height changed.
      setView((old) =>
        Math.floor(old.scrollTop / rowHeight) === Math.floor(scrollTop / rowHeight) && old.height === height
          ? old
          : { scrollTop, height },
      );
    };
    read();
    element.addEventListener('scroll', read, { passive: true });
    const resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(read) : null;
    resizes?.observe(element);
    return () => {
      element.removeEventListener('scroll', read);
      resizes?.disconnect();
    };
  }, [scroller, rowHeight]);
  return rowRangeAt(view.scrollTop, view.height, count, rowHeight, overscan);
}
