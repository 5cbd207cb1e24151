import {
  emptyShown,
  firstVisibleRow,
  footerText,
  grid,
  nextPaint,
  painted,
  rowAt,
  rowText,
  screenText,
  waitFor,
} from './grid-watch';
import type { JumpResult, Settled } from './protocol';
import { callsSince } from './storage-trace';

/**
 * Inputs come from Playwright as a person's would; these time from the input event's own
 * timestamp to the changed rows painted, or a jump from the scroll to the row painted.
 */
interface Armed {
  before: string;
  inputAt: number | null;
  /** The rows were taken away after the input (a new list: counted again, read again). */
  vanished: boolean;
  result: Promise<Settled>;
}
let armed: Armed | null = null;
const noteInput = (e: Event) => {
  if (armed && armed.inputAt === null) armed.inputAt = e.timeStamp;
};
// Capture listeners on the window run before the app's own: the event's timestamp is the input's.
for (const type of ['click', 'keydown']) window.addEventListener(type, noteInput, true);

/**
 * Watches, after the next click or key, for the list on screen to be another one, painted: the
 * first rows showing other records, or — when the new list starts with the same records (a search
 * keystroke that keeps them) — the grid marked busy and then not, which the table does for every
 * new arrangement (it keeps the old rows, busy, until the new one's first page is read).
 */
export function arm(timeoutMs: number): void {
  const state: Armed = {
    before: screenText(),
    inputAt: null,
    vanished: false,
    result: Promise.resolve({ ms: null, firstRow: '', footer: '', calls: [] }),
  };
  state.result = new Promise<Settled>((resolve) => {
    const finish = (ms: number | null) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve({
        ms,
        firstRow: rowText(firstVisibleRow()),
        footer: footerText(),
        calls: state.inputAt === null ? [] : callsSince(state.inputAt),
      });
    };
    const check = () => {
      if (state.inputAt === null) return;
      // The table keeps the rows it showed, marked busy, until the new arrangement's first page answers.
      if (grid()?.getAttribute('aria-busy') === 'true') {
        state.vanished = true;
        return;
      }
      const first = firstVisibleRow();
      if (!painted(first)) {
        state.vanished = true;
        if (!emptyShown()) return;
      }
      const changed = state.vanished || screenText() !== state.before;
      if (!changed) return;
      observer.disconnect();
      const at = state.inputAt;
      void nextPaint().then(() => finish(performance.now() - at));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => finish(null), timeoutMs);
  });
  armed = state;
}

export async function settled(): Promise<Settled> {
  const state = armed;
  if (!state) throw new Error('settled() without arm()');
  const result = await state.result;
  armed = null;
  return result;
}

export async function jumpTo(row: number): Promise<JumpResult> {
  const g = grid();
  if (!g) throw new Error('no grid to scroll');
  // The list reaches only as far as the rows read until it is counted (aria-rowcount -1): a jump
  // is timed from when the scrollbar can reach the row, as the section is mounted and counted.
  await waitFor(() => g.getAttribute('aria-rowcount') !== '-1', 120_000, 'the list counted');
  const rowHeight = rowAt(0)?.getBoundingClientRect().height || firstVisibleRow()?.getBoundingClientRect().height || 44;
  const started = performance.now();
  g.scrollTop = row * rowHeight;
  await waitFor(() => painted(rowAt(row)), 120_000, `row ${row} painted`);
  await nextPaint();
  return { ms: performance.now() - started, row };
}
