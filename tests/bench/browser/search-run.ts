import { parseSearchQuery } from '../../../domain/search-text';
import type { PullResponse } from '../../../domain/sync-protocol';
import { openDatabase, type OutpostDatabase } from '../../../renderer/db/database';
import { searchIndexFor } from '../../../renderer/db/search-index-for';
import { listPages } from '../../../renderer/db/search-row-pages';
import { getRxStorageWorker } from '../../../renderer/db/storage/worker-storage';
import type { SearchRunOptions, SearchRunResult } from './protocol';

/**
 * The browser half of the list-search part: contacts loaded into the app's database, then the
 * contacts' search index built on a database just opened (as on the first search after a start),
 * against reading the same records through the same storage in the same pages and doing nothing
 * with them. Then one search per keystroke, against a naive scan of the same records.
 */
export async function searchRun(
  options: SearchRunOptions,
  fetchPage: (checkpoint: number, limit: number) => Promise<PullResponse>,
  status: (text: string) => void,
): Promise<SearchRunResult> {
  await load(options, fetchPage, status);

  const naive: string[] = [];
  const readBefore = await withDatabase(options.name, (db) =>
    timed(() => readAll(db, (doc) => naive.push(naiveText(doc)))),
  );
  const build = await withDatabase(options.name, (db) => timed(() => buildIndex(db)));
  // Again under the probe, which competes for the thread: its figures are kept apart from the times.
  const readProbed = await withDatabase(options.name, (db) => timed(() => readAll(db, () => {}), true));
  const buildProbed = await withDatabase(options.name, (db) => timed(() => buildIndex(db), true));

  const db = await openDatabase({ name: options.name, storage: getRxStorageWorker() });
  const index = searchIndexFor(db, 'contacts');
  await buildIndex(db);
  status('typing');
  const keystrokeMs: number[] = [];
  const naiveKeystrokeMs: number[] = [];
  const matches: Record<string, number> = {};
  const naiveMatches: Record<string, number> = {};
  for (const query of options.queries) {
    for (let length = 1; length <= query.length; length++) {
      const typed = query.slice(0, length);
      let started = performance.now();
      const found = index.search(parseSearchQuery(typed));
      keystrokeMs.push(performance.now() - started);
      started = performance.now();
      const lower = typed.toLowerCase();
      let naiveFound = 0;
      for (const text of naive) if (text.includes(lower)) naiveFound++;
      naiveKeystrokeMs.push(performance.now() - started);
      if (length === query.length) {
        matches[query] = found.length;
        naiveMatches[query] = naiveFound;
      }
    }
  }
  await db.close();

  const readAfter = await withDatabase(options.name, (db) => timed(() => readAll(db, () => {})));
  if (naive.length !== options.expected) throw new Error(`read ${naive.length} contacts, expected ${options.expected}`);
  status('done');
  return {
    docs: naive.length,
    readMs: [readBefore.ms, readAfter.ms],
    buildMs: build.ms,
    readLongestBlockMs: readProbed.longestBlockMs,
    buildLongestBlockMs: buildProbed.longestBlockMs,
    keystrokeMs,
    naiveKeystrokeMs,
    matches,
    naiveMatches,
  };
}

/** A database just opened, as after a start of the app: nothing of it in memory yet. */
async function withDatabase<T>(name: string, use: (db: OutpostDatabase) => Promise<T>): Promise<T> {
  const db = await openDatabase({ name, storage: getRxStorageWorker() });
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}

/** The contacts' search index, from prepare() to ready. */
function buildIndex(db: OutpostDatabase): Promise<void> {
  const index = searchIndexFor(db, 'contacts');
  return new Promise<void>((resolve, reject) => {
    const check = () => {
      if (index.status === 'ready') resolve();
      if (index.status === 'failed') reject(new Error('the search index failed to build'));
    };
    index.subscribe(check);
    index.prepare();
    check();
  });
}

/** The contacts from the server, a bulkInsert per pull page (not measured). */
async function load(
  options: SearchRunOptions,
  fetchPage: (checkpoint: number, limit: number) => Promise<PullResponse>,
  status: (text: string) => void,
) {
  const db = await openDatabase({ name: options.name, storage: getRxStorageWorker() });
  let checkpoint = 0;
  let loaded = 0;
  for (;;) {
    const page = await fetchPage(checkpoint, 1000);
    if (page.documents.length) {
      const result = await db.contacts.bulkInsert(page.documents.map(({ _deleted: _, ...doc }) => doc) as never[]);
      if (result.error.length) throw new Error(`bulkInsert: ${result.error.length} errors`);
      loaded += page.documents.length;
      status(`loading: ${loaded}`);
    }
    checkpoint = page.checkpoint.seq;
    if (page.documents.length < 1000) break;
  }
  await db.close();
}

/** Every contact through the storage, in the index's pages and order, yielding between pages as it does. */
async function readAll(db: OutpostDatabase, each: (doc: Record<string, unknown>) => void) {
  for await (const documents of listPages(db.contacts, 'contacts')) for (const doc of documents) each(doc);
}

const naiveText = (doc: Record<string, unknown>) => `${doc.firstName} ${doc.lastName} ${doc.email}`.toLowerCase();

/**
 * Runs `work` and times it; with `probe`, measures instead the longest stretch the main thread ran
 * no other task: a MessageChannel probe posts itself continuously and records the largest gap.
 */
async function timed(work: () => Promise<unknown>, probe = false): Promise<{ ms: number; longestBlockMs: number }> {
  const channel = new MessageChannel();
  let last = performance.now();
  let longest = 0;
  let probing = probe;
  channel.port1.onmessage = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (probing) channel.port2.postMessage(null);
  };
  if (probe) channel.port2.postMessage(null);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  probing = false;
  channel.port1.close();
  return { ms, longestBlockMs: longest };
}
