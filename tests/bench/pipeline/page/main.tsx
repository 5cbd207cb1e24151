import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { defaultPipeline, defaultSettings } from '../../../../domain/default-records';
import { createRecord } from '../../../../domain/record-edits';
import { spreadRanks } from '../../../../domain/ranks';
import type { Deal } from '../../../../domain/schemas/deal';
import { formatHlc } from '../../../../domain/hlc';
import { openDatabase, type OutpostDatabase } from '../../../../renderer/db/database';
import { getRxStorageWorker } from '../../../../renderer/db/storage/worker-storage';
import { openDeviceClock } from '../../../../renderer/db/device-clock';
import { openSyncJournal } from '../../../../renderer/db/sync/sync-journal';
import type { Workspace } from '../../../../renderer/db/workspace';
import { WorkspaceProvider } from '../../../../renderer/db/workspace-context';
import { PipelinePage } from '../../../../renderer/features/pipeline/PipelinePage';
import { initI18n } from '../../../../renderer/i18n/i18n';
import '../../../../renderer/styles/theme.css';
import '../../../../renderer/styles/app.css';
import Dexie from 'dexie';
import { moveDealToStage } from '../../../../domain/deal-lifecycle';
import { writeDealMove } from '../../../../renderer/db/deal-move-writes';
import type { Pipeline } from '../../../../domain/schemas/pipeline';
import type {
  BoardState,
  DropTrace,
  FrameStats,
  MountResult,
  PipelineBench,
  ProbeResult,
  SeedOptions,
} from './protocol';
import { TRACE_REPLY, TRACE_REQUEST, type WorkerTxRecord } from './trace-protocol';

/**
 * The browser half of the pipeline benchmark: the real Pipeline section over a real RxDB database
 * in a persistent profile, driven by Playwright through `window.pipelineBench`. The database's
 * storage is the app's (ADR 0012: RxDB's Dexie storage in a worker), its worker with the bench's
 * transaction tracing added.
 */
const USER = {
  id: '01900000-0000-7000-8000-00000000beef',
  name: 'Bench Manager',
  email: 'bench@example.com',
  role: 'SALES_MANAGER' as const,
  teamId: '01900000-0000-7000-8000-000000000201',
};
const status = (text: string) => {
  document.getElementById('status')!.textContent = text;
};

/** The worker of the database the board shows: dropTrace() asks it for its transactions. */
let tracedWorker: Worker | null = null;
/**
 * Each message of the worker on the page: when its task began (a listener before the storage's)
 * and, once `traceMessageEnds` has added one after it, when the storage's handling of it (and the
 * microtasks that ran in between) was over.
 */
const workerMessages: { arrived: number; handled: number | null }[] = [];
const appStorage = () =>
  getRxStorageWorker({
    start: () => {
      const worker = new Worker(new URL('./traced-storage.worker.ts', import.meta.url), {
        type: 'module',
        name: 'outpost-storage',
      });
      worker.addEventListener('message', () => workerMessages.push({ arrived: performance.now(), handled: null }));
      tracedWorker = worker;
      return worker;
    },
  });
function traceMessageEnds() {
  tracedWorker?.addEventListener('message', () => {
    const last = workerMessages.at(-1);
    if (last) last.handled = performance.now();
  });
}
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function seed({ name, deals }: SeedOptions): Promise<{ ms: number }> {
  const started = performance.now();
  const db = await openDatabase({ name, storage: appStorage() });
  const now = Date.now();
  const ctx = (i: number) => ({
    userId: USER.id,
    hlc: formatHlc({ wallMs: now, counter: i, node: 'bench' }),
    now: new Date(now).toISOString(),
  });
  const { id: pipelineId, ...pipeline } = defaultPipeline();
  await db.pipelines.insert(createRecord('pipelines', pipelineId, pipeline, ctx(0)) as never);
  await db.settings.bulkInsert(
    defaultSettings().map(({ id, ...s }, i) => createRecord('settings', id, s, ctx(i + 1))) as never[],
  );
  const stages = pipeline.stages;
  const perStage = Math.ceil(deals / stages.length);
  const ranks = spreadRanks(perStage);
  const docs: Deal[] = [];
  for (let i = 0; i < deals; i++) {
    const stage = stages[i % stages.length]!;
    const id = `01900000-0000-7000-9000-${i.toString(16).padStart(12, '0')}`;
    docs.push(
      createRecord(
        'deals',
        id,
        {
          title: `Deal ${i} ${['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark'][i % 5]} renewal`,
          pipelineId,
          stageId: stage.id,
          stageEnteredAt: new Date(now - (i % 40) * 86_400_000).toISOString(),
          rank: ranks[Math.floor(i / stages.length)]!,
          value: { amount: 100_000 + ((i * 7919) % 5_000_000), currency: 'USD' },
          probability: i % 7 === 0 ? 35 : null,
          expectedCloseDate: new Date(now + (i % 90) * 86_400_000).toISOString().slice(0, 10),
          status: 'OPEN',
          lostReason: '',
          closedAt: null,
          contactId: '',
          companyId: '',
          leadId: '',
          lines: [],
          tags: i % 3 === 0 ? ['enterprise'] : [],
          notes: '',
          ownerId: USER.id,
          teamId: USER.teamId,
        } as never,
        ctx(100 + i),
      ) as Deal,
    );
  }
  for (let i = 0; i < docs.length; i += 1000) {
    const result = await db.deals.bulkInsert(docs.slice(i, i + 1000) as never[]);
    if (result.error.length) throw new Error(`seed: ${result.error.length} errors`);
    status(`seeded ${Math.min(i + 1000, docs.length)}`);
  }
  await db.close();
  return { ms: performance.now() - started };
}

// ── drop tracing (diagnosis) ─────────────────────────────────────────────────────────────────
// Every pointer release (its event timestamp and when this first listener ran), every read-write
// transaction of the deals and stage_changes stores (created, complete: recorded in the storage
// worker, traced-storage.worker.ts) and every long task, so that each drop's time can be split into
// input delay, the time before its writes are issued, the IndexedDB transactions themselves and
// what follows their completion.
const releases: { at: number; handled: number }[] = [];
const longTasks: { start: number; end: number }[] = [];
window.addEventListener('pointerup', (e) => releases.push({ at: e.timeStamp, handled: performance.now() }), true);
// React's commit of the drop shows as the first change of the DOM tree after the drop handler.
const treeChanges: number[] = [];
new MutationObserver(() => treeChanges.push(performance.now())).observe(document, { subtree: true, childList: true });

/** The worker's write transactions so far, on the page's clock. */
function workerTransactions(): Promise<WorkerTxRecord[]> {
  const worker = tracedWorker;
  if (!worker) return Promise.resolve([]);
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const records = (event.data as Record<string, WorkerTxRecord[]> | null)?.[TRACE_REPLY];
      if (!records) return;
      worker.removeEventListener('message', onMessage);
      const toPage = (epochMs: number) => epochMs - performance.timeOrigin;
      resolve(
        records.map((r) => ({ created: toPage(r.created), complete: r.complete === null ? null : toPage(r.complete) })),
      );
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage(TRACE_REQUEST);
  });
}
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No long-task timing in this browser: the breakdown reports 0.
}

async function dropTrace(): Promise<DropTrace[]> {
  const writeTxs = await workerTransactions();
  return performance.getEntriesByName('outpost:drop-persisted').flatMap((m) => {
    const end = m.startTime + m.duration;
    const release =
      releases.find((r) => Math.abs(r.at - m.startTime) < 0.5) ?? releases.findLast((r) => r.at <= m.startTime);
    const txs = writeTxs.filter((t) => t.created >= m.startTime && t.complete !== null && t.complete <= end + 0.5);
    if (!release || txs.length < 2) return [];
    const pair = txs.slice(0, 2);
    const created = Math.min(...pair.map((t) => t.created));
    const complete = Math.max(...pair.map((t) => t.complete!));
    const handler = performance
      .getEntriesByName('outpost:drop-handler')
      .find((h) => h.startTime >= release.at && h.startTime <= end);
    const messages = workerMessages.filter((w) => w.arrived >= release.at && w.arrived <= end);
    const long = longTasks
      .filter((t) => t.end > release.at && t.start < end)
      .reduce((n, t) => n + Math.min(t.end, end) - Math.max(t.start, release.at), 0);
    return [
      {
        input: release.handled - release.at,
        handler: (handler?.startTime ?? NaN) - release.handled,
        issue: created - (handler?.startTime ?? release.handled),
        commit: (treeChanges.find((t) => t >= (handler?.startTime ?? release.handled)) ?? NaN) - release.at,
        idb: complete - created,
        delivered: (messages[0]?.arrived ?? NaN) - release.at,
        pageWork: messages.reduce((n, w) => n + (w.handled ?? w.arrived) - w.arrived, 0),
        after: end - complete,
        total: end - release.at,
        longTasks: long,
      },
    ];
  });
}

let root: Root | null = null;
let db: OutpostDatabase | null = null;

function waitFor(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const observer = new MutationObserver(() => {
      if (check()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

async function mount(name: string): Promise<MountResult> {
  const opened = performance.now();
  db = await openDatabase({ name, storage: appStorage() });
  traceMessageEnds();
  const clock = await openDeviceClock(db);
  const journal = await openSyncJournal(db);
  const i18n = await initI18n('en');
  const ws: Workspace = { db, clock, journal, user: USER };
  const openMs = performance.now() - opened;
  const host = document.getElementById('root')!;
  root = createRoot(host);
  const started = performance.now();
  root.render(
    <I18nextProvider i18n={i18n}>
      <WorkspaceProvider workspace={ws}>
        <main className="content" style={{ height: 900 }}>
          <PipelinePage />
        </main>
      </WorkspaceProvider>
    </I18nextProvider>,
  );
  const board = () => document.querySelector<HTMLElement>('.board');
  await waitFor(() => {
    const b = board();
    return !!b && b.dataset.loaded === 'true' && (!!b.querySelector('[data-deal-id]') || b.dataset.complete === 'true');
  });
  await nextPaint();
  const firstRenderMs = performance.now() - started;
  await waitFor(() => board()?.dataset.complete === 'true');
  await nextPaint();
  const completeMs = performance.now() - started;
  return { firstRenderMs, completeMs, cardsInDom: document.querySelectorAll('[data-deal-id]').length, openMs };
}

let frames: number[] = [];
let recording = false;
function startFrames() {
  frames = [];
  recording = true;
  const tick = (at: number) => {
    if (!recording) return;
    frames.push(at);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
function stopFrames(): FrameStats {
  recording = false;
  const intervals = frames.slice(1).map((at, i) => at - frames[i]!);
  return { frames: frames.length, durationMs: (frames.at(-1) ?? 0) - (frames[0] ?? 0), intervals };
}

/**
 * The same move written without the board (no React, no drag): writeDealMove on the app's database,
 * and the floor under it, one Dexie put of a deal-sized record per transaction.
 */
async function probe(name: string, count: number): Promise<ProbeResult> {
  const floor: number[] = [];
  const raw = new Dexie(`${name}-floor`);
  raw.version(1).stores({ docs: 'id' });
  await raw.open();
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await raw.table('docs').put({ id: `d${i % 10}`, title: 'x'.repeat(300), at: Date.now() });
    floor.push(performance.now() - started);
  }
  raw.close();
  const own = db ?? (await openDatabase({ name, storage: appStorage() }));
  const clock = await openDeviceClock(own);
  const journal = await openSyncJournal(own);
  const ws: Workspace = { db: own, clock, journal, user: USER };
  const pipeline = (await own.pipelines.findOne().exec())!.toJSON() as Pipeline;
  const deals = await own.deals.find({ selector: { status: 'OPEN' }, limit: count }).exec();
  const app: number[] = [];
  for (const doc of deals) {
    const deal = doc.toJSON() as Deal;
    const stages = pipeline.stages.filter((s) => !s.retired);
    const target = stages[(stages.findIndex((s) => s.id === deal.stageId) + 1) % stages.length]!;
    const move = moveDealToStage(deal, pipeline, target.id, new Date().toISOString(), USER.id, deal.rank);
    if (!move.ok || !move.value) continue;
    const started = performance.now();
    await writeDealMove(ws, deal.id, move.value);
    app.push(performance.now() - started);
  }
  return { floor, app };
}

function cardAt(x: number, y: number): string | null {
  return document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-deal-id]')?.dataset.dealId ?? null;
}

function isHeld(id: string): boolean {
  return document.querySelector(`.board [data-deal-id="${id}"]`)?.getAttribute('aria-pressed') === 'true';
}

function boardState(): BoardState {
  const text = (node: Element | null | undefined) => node?.textContent?.trim() ?? '';
  return {
    columns: [...document.querySelectorAll('.board-column')].map((column) => ({
      stage: text(column.querySelector('.board-column-title')),
      count: text(column.querySelector('.board-column-count')) || text(column.querySelector('.board-column-figures')),
      scrollTop: column.querySelector('.board-column-cards')?.scrollTop ?? 0,
      firstCards: [...column.querySelectorAll<HTMLElement>('[data-deal-id]')].slice(0, 3).map((c) => c.dataset.dealId!),
    })),
    announcement: text(document.querySelector('[id^="DndLiveRegion"]')),
    held: document.querySelector<HTMLElement>('.board [aria-pressed="true"]')?.dataset.dealId ?? null,
    floating: document.querySelector('.deal-card.is-overlay') !== null,
    dropHandlers: performance.getEntriesByName('outpost:drop-handler').length,
    dropsPersisted: performance.getEntriesByName('outpost:drop-persisted').length,
    selection: String(getSelection() ?? '').trim(),
  };
}

window.pipelineBench = {
  seed,
  probe,
  mount,
  dropTrace,
  dropLatencies: () => performance.getEntriesByName('outpost:drop-persisted').map((e) => e.duration),
  startFrames,
  stopFrames,
  cardAt,
  isHeld,
  boardState,
} satisfies PipelineBench;
status('ready');
