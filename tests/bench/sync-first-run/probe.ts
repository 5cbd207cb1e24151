import type { ProbeState } from './page/protocol';

/**
 * Runs on the app's page before any of its scripts (bundled by first-run.bench.ts into an init
 * script): records what a person would see, without touching the app — when the sign-in form was
 * submitted, when the first row of a grid was painted, every change of the header's sync status,
 * and the long tasks of the page's main thread.
 */
const probe: ProbeState = { signInAt: null, firstRowsAt: null, firstRowsGrid: null, longTasks: [], header: [] };
window.firstRunProbe = probe;

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

document.addEventListener(
  'submit',
  (event) => {
    probe.signInAt ??= event.timeStamp;
  },
  true,
);

/** A body row (the header row is 1) that is not a skeleton. */
const FIRST_ROW = '[role="grid"] [role="row"][aria-rowindex="2"]:not([aria-busy="true"])';
let rowSeen = false;

function check(): void {
  if (!rowSeen) {
    const row = document.querySelector(FIRST_ROW);
    if (row) {
      rowSeen = true;
      probe.firstRowsGrid = row.closest('[role="grid"]')?.getAttribute('aria-label') ?? null;
      // Painted: the frame that shows it has been rendered once the task after its rAF runs.
      requestAnimationFrame(() => setTimeout(() => (probe.firstRowsAt = performance.now()), 0));
    }
  }
  const label = document.querySelector('.sync-indicator [role="status"]')?.textContent?.trim() ?? '';
  const bar = document.querySelector('.sync-indicator [role="progressbar"]');
  const progress = bar ? Number(bar.getAttribute('aria-valuenow')) : null;
  const last = probe.header[probe.header.length - 1];
  // A new entry when the text changes, the bar comes or goes, or moves by 10 points: a short history.
  const moved =
    last && (last.progress === null ? progress !== null : progress === null || progress >= last.progress + 10);
  if (label && (!last || last.label !== label || moved)) {
    probe.header.push({ at: performance.now(), label, progress });
  }
}

new MutationObserver(check).observe(document, {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['aria-busy', 'aria-valuenow'],
});

/**
 * Counts the documents of each collection in the app's IndexedDB (RxDB's Dexie storage: one
 * database per collection, `rxdb-dexie-outpost-<user id>--<schema version>--<collection>`, table
 * `docs`), read from the page without the app: whether everything the server holds has arrived.
 */
window.firstRunCount = async (collections) => {
  const counts: Record<string, number> = {};
  const names = (await indexedDB.databases()).map((d) => d.name ?? '');
  for (const collection of collections) {
    const name = names.find((n) => new RegExp(`^rxdb-dexie-outpost-[0-9a-f-]{36}--\\d+--${collection}$`).test(n));
    counts[collection] = name ? await countDocs(name) : 0;
  }
  return counts;
};

function countDocs(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error ?? new Error(`${name}: open failed`));
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('docs', 'readonly').objectStore('docs').count();
      request.onsuccess = () => {
        db.close();
        resolve(request.result);
      };
      request.onerror = () => {
        db.close();
        reject(request.error ?? new Error(`${name}: count failed`));
      };
    };
  });
}
