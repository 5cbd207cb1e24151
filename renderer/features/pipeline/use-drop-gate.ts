import { use, useCallback, useLayoutEffect, useState } from 'react';

/**
 * How long the drop's re-render may wait for the move's write: two frames at most. The card
 * meanwhile stays in the drag overlay where it was released; the render starts as soon as the
 * write is stored, so the wait only reaches this cap when the write is slow. One frame (16 ms) cut
 * through the middle of the writes' times here (median ~16 ms): the slower half then had the
 * board's re-render, and its commit, in front of their last IndexedDB callbacks (p95 35–46 ms
 * against 21–23 ms with two frames).
 */
const DROP_PAINT_WAIT_MS = 32;

/** Resolves when the write has settled (either way) or after `ms`, whichever comes first. */
function settledWithin(written: Promise<unknown>, ms: number): Promise<void> {
  const settled = written.then(
    () => undefined,
    () => undefined,
  );
  return Promise.race([settled, new Promise<void>((resolve) => setTimeout(resolve, ms))]);
}

/**
 * The drop's render waits for its write (docs/adr/0009-pipeline-board.md). A drop (always inside
 * the transition ./sensors starts) sets a gate the board's render suspends on, so the board
 * re-renders once the move is stored (or two frames later), not while IndexedDB's callbacks for it
 * are waiting for the main thread. A transition that suspends keeps showing the board as it was;
 * once committed the gate is settled, so later renders pass straight on. Called early in the
 * board's render, so a suspended render does as little work as possible before it stops.
 *
 * The columns' own query updates are held meanwhile (useBoardDeals' hold) and let go once the
 * drop's render has committed: a column must not change under a drag that has ended but not been
 * drawn yet. Returns what a drop calls with its write.
 */
export function useDropGate(hold: (token: object) => void, release: (token: object) => void) {
  const [gate, setGate] = useState<Promise<void> | null>(null);
  if (gate) use(gate);
  useLayoutEffect(() => {
    if (gate) release(gate);
  }, [gate, release]);
  return useCallback(
    (written: Promise<unknown>) => {
      const next = settledWithin(written, DROP_PAINT_WAIT_MS);
      hold(next);
      setGate(next);
    },
    [hold],
  );
}
