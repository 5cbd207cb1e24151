/** The grid as a person sees it: rows on screen, painted or busy, and what they say. */
/** After the next frame has been produced: what was committed before it is on screen. */
export const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
export const grid = () => document.querySelector<HTMLElement>('[role="grid"]');
export const rowAt = (index: number) =>
  grid()?.querySelector<HTMLElement>(`[role="row"][aria-rowindex="${index + 2}"]`) ?? null;
export const painted = (row: HTMLElement | null) => !!row && row.getAttribute('aria-busy') !== 'true';
/** The first body row on screen (below the sticky header), whatever the scroll position. */
export function firstVisibleRow(): HTMLElement | null {
  const g = grid();
  if (!g) return null;
  const top =
    g.getBoundingClientRect().top + (g.querySelector('.record-grid-head')?.getBoundingClientRect().height ?? 0);
  const rows = [...g.querySelectorAll<HTMLElement>('[role="row"][aria-rowindex]')].filter(
    (r) => r.getAttribute('aria-rowindex') !== '1',
  );
  rows.sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')));
  return rows.find((r) => r.getBoundingClientRect().bottom > top + 1) ?? null;
}
export const rowText = (row: HTMLElement | null) => row?.textContent?.trim() ?? '';
export const footerText = () => document.querySelector('.list-footer [aria-live]')?.textContent?.trim() ?? '';
export const emptyShown = () => !!document.querySelector('.empty-state');

export function waitFor(check: () => boolean, timeoutMs = 120_000, what = 'a condition'): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      if (check()) {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

export const firstRowsShown = () => painted(rowAt(0)) || emptyShown();

/** What the first screenful of rows shows, in order. */
export function screenText(): string {
  const first = firstVisibleRow();
  if (!first) return '';
  const from = Number(first.getAttribute('aria-rowindex')) - 2;
  return Array.from({ length: 10 }, (_, i) => rowText(rowAt(from + i))).join('\n');
}

export function visibleRows() {
  return [...(grid()?.querySelectorAll<HTMLElement>('[role="row"][aria-rowindex]') ?? [])].slice(0, 8).map((r) => ({
    index: Number(r.getAttribute('aria-rowindex')),
    busy: r.getAttribute('aria-busy') === 'true',
    text: rowText(r).slice(0, 80),
  }));
}
