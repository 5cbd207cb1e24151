import Papa from 'papaparse';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { demoBatches } from '../../../../demo-data';
import type { CollectionName } from '../../../../domain/collections';
import {
  importKeys,
  parseCsv,
  suggestMapping,
  type ImportChoices,
  type ImportKeys,
} from '../../../../domain/csv-import';
import { uuidv7 } from '../../../../domain/ids';
import { DEFAULT_VIEWS } from '../../../../domain/record-views/default-views';
import { viewQuery } from '../../../../domain/record-views/view-query';
import type { Company } from '../../../../domain/schemas/company';
import type { Contact } from '../../../../domain/schemas/contact';
import { openDatabase } from '../../../../renderer/db/database';
import { openDeviceClock } from '../../../../renderer/db/device-clock';
import { readImportContext } from '../../../../renderer/db/import-context';
import { searchIndexFor } from '../../../../renderer/db/record-search-index';
import { storeCompleteRecords } from '../../../../renderer/db/record-writes';
import { getRxStorageWorker } from '../../../../renderer/db/storage/worker-storage';
import { openSyncJournal } from '../../../../renderer/db/sync/sync-journal';
import type { Workspace } from '../../../../renderer/db/workspace';
import { WorkspaceProvider } from '../../../../renderer/db/workspace-context';
import { ContactsPage } from '../../../../renderer/features/contacts/ContactsPage';
import { runImport } from '../../../../renderer/features/import/run-import';
import { WRITE_BATCH } from '../../../../renderer/features/onboarding/load-demo-data';
import { initI18n } from '../../../../renderer/i18n/i18n';
import '../../../../renderer/styles/theme.css';
import '../../../../renderer/styles/app.css';
import type {
  BenchUser,
  ColdResult,
  ImportOptions,
  ImportResult,
  JumpResult,
  LongTaskStats,
  MountOptions,
  MountResult,
  QueryResult,
  SeedOptions,
  SeedResult,
  Settled,
  StorageCall,
  TablesBench,
} from './protocol';

/**
 * The browser half of the record-table benchmark: the app's real Contacts section (ContactsPage →
 * RecordListPage → RecordTable) over a real RxDB database on the app's storage (RxDB's Dexie
 * storage in a worker, ADR 0012) in a persistent profile, driven by Playwright through
 * `window.tablesBench`. Inputs (clicks, keys, wheel) come from Playwright as a person's would; the
 * page times from the input event's own timestamp to the changed rows painted.
 */
const scriptStarted = performance.now();
const status = (text: string) => {
  document.getElementById('status')!.textContent = text;
};
/** After the next frame has been produced: what was committed before it is on screen. */
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const appStorage = () => getRxStorageWorker();

async function openWorkspace(name: string, user: BenchUser): Promise<Workspace> {
  const db = await openDatabase({ name, storage: appStorage() });
  const [clock, journal] = await Promise.all([openDeviceClock(db), openSyncJournal(db)]);
  traceStorage(db.contacts.storageInstance as unknown as TracedInstance);
  return { db, clock, journal, user };
}

// ── storage calls (diagnosis) ────────────────────────────────────────────────────────────────
/**
 * Every count and query the contacts collection sends its storage (the worker), with when it was
 * sent and answered on the page's clock: where a render's or an interaction's time goes.
 */
const storageCalls: StorageCall[] = [];
type TracedInstance = Record<'count' | 'query', (prepared: { query: Record<string, unknown> }) => Promise<unknown>>;
function traceStorage(instance: TracedInstance) {
  for (const op of ['count', 'query'] as const) {
    const original = instance[op].bind(instance);
    instance[op] = async (prepared) => {
      const { skip, limit, sort } = prepared.query as { skip?: number; limit?: number; sort?: unknown[] };
      const call: StorageCall = {
        op,
        start: performance.now(),
        end: NaN,
        skip: skip ?? 0,
        limit: limit ?? null,
        sort: JSON.stringify(sort ?? []),
      };
      storageCalls.push(call);
      try {
        return await original(prepared);
      } finally {
        call.end = performance.now();
      }
    };
  }
}
/** The calls made from `since` on, their times from `since`. */
const callsSince = (since: number): StorageCall[] =>
  storageCalls
    .filter((c) => c.start >= since)
    .map((c) => ({ ...c, start: round1(c.start - since), end: round1(c.end - since) }));
const round1 = (ms: number) => Math.round(ms * 10) / 10;

// ── the grid as a person sees it ─────────────────────────────────────────────────────────────
const grid = () => document.querySelector<HTMLElement>('[role="grid"]');
const rowAt = (index: number) =>
  grid()?.querySelector<HTMLElement>(`[role="row"][aria-rowindex="${index + 2}"]`) ?? null;
const painted = (row: HTMLElement | null) => !!row && row.getAttribute('aria-busy') !== 'true';
/** The first body row on screen (below the sticky header), whatever the scroll position. */
function firstVisibleRow(): HTMLElement | null {
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
const rowText = (row: HTMLElement | null) => row?.textContent?.trim() ?? '';
const footerText = () => document.querySelector('.list-footer [aria-live]')?.textContent?.trim() ?? '';
const emptyShown = () => !!document.querySelector('.empty-state');

function waitFor(check: () => boolean, timeoutMs = 120_000, what = 'a condition'): Promise<void> {
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

// ── seeding ──────────────────────────────────────────────────────────────────────────────────
/** The collections the generator writes before contacts: what the Contacts section reads or links to. */
const SEEDED: readonly CollectionName[] = ['settings', 'users', 'pipelines', 'saved_views', 'companies', 'contacts'];
const SEED_USER: BenchUser = {
  id: '01900000-0000-7000-8000-00000000beef',
  name: 'Bench Seeder',
  email: 'bench@example.com',
  role: 'SALES_MANAGER',
  teamId: '01900000-0000-7000-8000-000000000201',
};

/**
 * The large demo workspace up to its `contacts`-th contact (with every company, which come first),
 * written as the demo loader writes (ADR 0035): batches of 2,000 through the storage's bulkWrite
 * (storeCompleteRecords), one IndexedDB transaction each, generating the next batch meanwhile.
 */
async function seed({ name, contacts, today }: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const ws = await openWorkspace(name, SEED_USER);
  const counts = { contacts: 0, companies: 0, other: 0 };
  const owners = new Map<string, { teamId: string; n: number }>();
  let writeMs = 0;
  let writing: Promise<void> = Promise.resolve();
  const write = (collection: CollectionName, records: unknown[]) => {
    const previous = writing;
    writing = (async () => {
      await previous;
      const t0 = performance.now();
      const failures = await storeCompleteRecords(ws, collection, records as never[]);
      writeMs += performance.now() - t0;
      if (failures) throw new Error(`seed: ${failures} ${collection} not written`);
      status(`seeded ${collection} ${counts.contacts}`);
    })();
    writing.catch(() => undefined);
  };
  const pending = new Map<CollectionName, unknown[]>();
  const flush = async (collection: CollectionName, force: boolean) => {
    const group = pending.get(collection);
    if (!group?.length || (!force && group.length < WRITE_BATCH)) return;
    pending.delete(collection);
    // One batch written while the next is generated, never more queued.
    await writing;
    write(collection, group);
  };
  if (contacts > 0) {
    outer: for (const batch of demoBatches({ size: 'large', today, batchSize: 500 })) {
      const collection = batch.collection as CollectionName;
      if (!SEEDED.includes(collection)) {
        if (counts.contacts > 0) break;
        continue;
      }
      const group = pending.get(collection) ?? [];
      pending.set(collection, group);
      for (const record of batch.records) {
        if (collection === 'contacts') {
          if (counts.contacts === contacts) break outer;
          counts.contacts++;
          const c = record as Contact;
          const owner = owners.get(c.ownerId) ?? { teamId: c.teamId, n: 0 };
          owner.n++;
          owners.set(c.ownerId, owner);
        } else if (collection === 'companies') counts.companies++;
        else counts.other++;
        group.push(record);
      }
      // Each collection complete before the next starts: references resolve in storage order.
      for (const other of pending.keys()) if (other !== collection) await flush(other, true);
      await flush(collection, false);
    }
    for (const collection of [...pending.keys()]) await flush(collection, true);
  }
  await writing;
  const stored = await ws.db.contacts.count().exec();
  await ws.db.close();
  if (stored !== contacts) throw new Error(`seed: ${stored} contacts stored, expected ${contacts}`);
  const [ownerId, owner] = [...owners].sort((a, b) => b[1].n - a[1].n)[0] ?? [
    SEED_USER.id,
    { teamId: SEED_USER.teamId },
  ];
  return {
    ms: performance.now() - started,
    writeMs,
    ...counts,
    user: { ...SEED_USER, id: ownerId, teamId: owner.teamId, name: 'Bench Owner' },
  };
}

// ── first render ─────────────────────────────────────────────────────────────────────────────
async function render(ws: Workspace): Promise<void> {
  const i18n = await initI18n('en');
  const root = createRoot(document.getElementById('root')!);
  root.render(
    <I18nextProvider i18n={i18n}>
      <WorkspaceProvider workspace={ws}>
        <main className="content" style={{ height: 900, display: 'flex', flexDirection: 'column' }}>
          <ContactsPage />
        </main>
      </WorkspaceProvider>
    </I18nextProvider>,
  );
}

const firstRowsShown = () => painted(rowAt(0)) || emptyShown();

/** The section last mounted: its workspace and when its render started. */
let mounted: { ws: Workspace; started: number } | null = null;

async function mount({ name, user }: MountOptions): Promise<MountResult> {
  const opened = performance.now();
  const ws = await openWorkspace(name, user);
  await initI18n('en');
  const openMs = performance.now() - opened;
  const started = performance.now();
  mounted = { ws, started };
  await render(ws);
  await waitFor(firstRowsShown, 120_000, 'the first row');
  await nextPaint();
  return { firstRowsMs: performance.now() - started, openMs, footer: footerText(), calls: callsSince(started) };
}

/** Waits for the mounted section's contacts search index, which the list builds in the background. */
async function searchReady(): Promise<{ ms: number }> {
  const { ws, started } = mounted!;
  const index = searchIndexFor(ws.db, 'contacts');
  await new Promise<void>((resolve) => {
    if (index.status === 'ready') return resolve();
    const stop = index.subscribe(() => {
      if (index.status !== 'ready') return;
      stop();
      resolve();
    });
  });
  return { ms: performance.now() - started };
}

/** The default view's query, as useRecordTable makes it, run without the UI. */
async function query({ name, user, skips = [] }: MountOptions & { skips?: number[] }): Promise<QueryResult> {
  const opened = performance.now();
  const ws = await openWorkspace(name, user);
  const openMs = performance.now() - opened;
  const actor = { id: user.id, teamId: user.teamId, teamMemberIds: [user.id] };
  const { selector, sort } = viewQuery('contacts', DEFAULT_VIEWS.contacts[0].state, actor, new Date());
  const t0 = performance.now();
  const docs = await ws.db.contacts
    .find({ selector: selector as never, sort: sort as never, skip: 0, limit: 100 })
    .exec();
  docs.map((d) => d.toJSON());
  const firstWindowMs = performance.now() - t0;
  const t1 = performance.now();
  const prepared = ws.db.contacts.find({ selector: selector as never }).getPreparedQuery();
  const { count } = await ws.db.contacts.storageInstance.count(prepared);
  const countMs = performance.now() - t1;
  // Deep windows, each once on this database (RxDB would answer a repeated query from its cache).
  const deepWindowMs: Record<number, number> = {};
  for (const skip of skips) {
    const t = performance.now();
    const deep = await ws.db.contacts
      .find({ selector: selector as never, sort: sort as never, skip, limit: 100 })
      .exec();
    deep.map((d) => d.toJSON());
    deepWindowMs[skip] = performance.now() - t;
  }
  await ws.db.close();
  return { firstWindowMs, countMs, count, openMs, deepWindowMs };
}

// ── interactions ─────────────────────────────────────────────────────────────────────────────
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

/** What the first screenful of rows shows, in order. */
function screenText(): string {
  const first = firstVisibleRow();
  if (!first) return '';
  const from = Number(first.getAttribute('aria-rowindex')) - 2;
  return Array.from({ length: 10 }, (_, i) => rowText(rowAt(from + i))).join('\n');
}

/**
 * Watches, after the next click or key, for the list on screen to be another one, painted: the
 * first rows showing other records, or — when the new list starts with the same records (a search
 * keystroke that keeps them) — the grid marked busy and then not, which the table does for every
 * new arrangement (it keeps the old rows, busy, until the new one's first page is read).
 */
function arm(timeoutMs: number): void {
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

async function settled(): Promise<Settled> {
  const state = armed;
  if (!state) throw new Error('settled() without arm()');
  const result = await state.result;
  armed = null;
  return result;
}

async function jumpTo(row: number): Promise<JumpResult> {
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

// ── long tasks ───────────────────────────────────────────────────────────────────────────────
let longTasks: { start: number; duration: number }[] = [];
let longTaskObserver: PerformanceObserver | null = null;
let longTasksFrom = 0;
function startLongTasks() {
  longTasks = [];
  longTasksFrom = performance.now();
  longTaskObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  });
  longTaskObserver.observe({ type: 'longtask', buffered: false });
}
function stopLongTasks(): LongTaskStats {
  for (const e of longTaskObserver?.takeRecords() ?? []) longTasks.push({ start: e.startTime, duration: e.duration });
  longTaskObserver?.disconnect();
  longTaskObserver = null;
  const durations = longTasks.map((t) => t.duration);
  return {
    count: durations.length,
    longestMs: Math.max(0, ...durations),
    totalMs: durations.reduce((a, b) => a + b, 0),
    durations,
    starts: longTasks.map((t) => round1(t.start - longTasksFrom)),
    calls: callsSince(longTasksFrom),
  };
}

function visibleRows() {
  return [...(grid()?.querySelectorAll<HTMLElement>('[role="row"][aria-rowindex]') ?? [])].slice(0, 8).map((r) => ({
    index: Number(r.getAttribute('aria-rowindex')),
    busy: r.getAttribute('aria-busy') === 'true',
    text: rowText(r).slice(0, 80),
  }));
}

// ── CSV import ───────────────────────────────────────────────────────────────────────────────
/** The large workspace's first `rows` contacts and every company's name, regenerated (not timed). */
function importSource(rows: number, today: string): { contacts: Contact[]; companyName: Map<string, string> } {
  const contacts: Contact[] = [];
  const companyName = new Map<string, string>();
  for (const batch of demoBatches({ size: 'large', today, batchSize: 1000 })) {
    if (batch.collection === 'companies') for (const c of batch.records as Company[]) companyName.set(c.id, c.name);
    if (batch.collection !== 'contacts') {
      if (contacts.length) break;
      continue;
    }
    for (const c of batch.records as Contact[]) if (contacts.length < rows) contacts.push(c);
    if (contacts.length === rows) break;
  }
  return { contacts, companyName };
}

const HEADERS = ['First name', 'Last name', 'Email', 'Phone', 'Mobile', 'Title', 'Company', 'Source', 'Tags'];

async function importRun(options: ImportOptions): Promise<ImportResult> {
  const { contacts, companyName } = importSource(options.rows, options.today);
  const email = (c: Contact) => (c.email ? `${options.prefix}${c.email}` : `${options.prefix}${c.id}@example.com`);
  const ws = await openWorkspace(options.name, options.user);
  let written = 0;
  let ms: number;
  let parseMs = 0;
  let contextMs = 0;
  let skipped = 0;
  let keys: ImportKeys | undefined;
  startLongTasks();
  if (options.kind === 'app') {
    const text = Papa.unparse({
      fields: HEADERS,
      data: contacts.map((c) => [
        c.firstName,
        c.lastName,
        email(c),
        c.phone,
        c.mobile,
        c.title,
        companyName.get(c.companyId) ?? '',
        c.source,
        c.tags.join(', '),
      ]),
    });
    const p0 = performance.now();
    const table = parseCsv(text);
    parseMs = performance.now() - p0;
    const choices: ImportChoices = {
      mapping: suggestMapping(table.headers, 'contacts'),
      options: { dateOrder: 'MDY', currency: 'USD', locale: 'en' },
      duplicates: 'skip',
      createMissingCompanies: true,
    };
    keys = importKeys('contacts', choices.mapping, table.rows);
    const t0 = performance.now();
    const report = await runImport(
      ws,
      'contacts',
      table,
      choices,
      { lostReason: (item) => item.label },
      () => undefined,
      new AbortController().signal,
    );
    ms = performance.now() - t0;
    written = report.imported;
    // The demo workspace repeats a few e-mails on purpose (duplicates to merge): those rows are skipped.
    skipped = report.skipped;
    if (report.rejected.length || report.companies || report.imported + report.skipped !== options.rows) {
      throw new Error(
        `import: ${report.imported} created, ${report.rejected.length} rejected, ${report.skipped} skipped, ` +
          `${report.companies} companies created — the file should create its contacts, linked to stored companies`,
      );
    }
  } else {
    // The same contacts as records, new ids and the same new e-mails, in the import's batches (200).
    const records = contacts.map((c) => ({ ...c, id: uuidv7(), email: email(c) }));
    const t0 = performance.now();
    for (let i = 0; i < records.length; i += 200) {
      const result = await ws.db.contacts.bulkInsert(records.slice(i, i + 200) as never[]);
      if (result.error.length) throw new Error(`raw insert: ${result.error.length} errors`);
      written += result.success.length;
    }
    ms = performance.now() - t0;
  }
  const longTaskStats = stopLongTasks();
  if (keys) {
    const c0 = performance.now();
    await readImportContext(ws, 'contacts', keys);
    contextMs = performance.now() - c0;
  }
  const contactsAfter = await ws.db.contacts.count().exec();
  await ws.db.close();
  return { rows: options.rows, written, skipped, ms, parseMs, contextMs, contactsAfter, longTasks: longTaskStats };
}

// ── cold start ───────────────────────────────────────────────────────────────────────────────
/** Opened as `index.html?cold=<database>&user=<json>`: the section starts at once, as the app does. */
async function coldStart(name: string, user: BenchUser): Promise<ColdResult> {
  const scriptMs = scriptStarted;
  const ws = await openWorkspace(name, user);
  const openedMs = performance.now();
  await render(ws);
  await waitFor(firstRowsShown, 120_000, 'the first row');
  const row = rowAt(0);
  row?.focus();
  const focused = !!row && document.activeElement === row;
  await nextPaint();
  const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
  return {
    interactiveMs: performance.now(),
    scriptMs,
    openedMs,
    focused,
    calls: callsSince(0),
    usedJSHeapSize: memory?.usedJSHeapSize ?? null,
  };
}

const params = new URLSearchParams(location.search);
const coldName = params.get('cold');
window.tablesBench = {
  seed,
  mount,
  searchReady,
  query,
  arm,
  settled,
  jumpTo,
  startLongTasks,
  stopLongTasks,
  visibleRows,
  importRun,
  cold: coldName ? coldStart(coldName, JSON.parse(params.get('user') ?? 'null') as BenchUser) : null,
} satisfies TablesBench;
status('ready');
