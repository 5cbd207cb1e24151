import Dexie from 'dexie';
import type { PullResponse } from '../../../../domain/sync-protocol';
import type { FloorOptions, FloorResult } from './protocol';

/**
 * The floor of a first sync: every collection's pull pages fetched raw from the same server, as the
 * same user, and each written with one Dexie bulkPut into a table keyed by id only (no secondary
 * index, no RxDB document shape). The next page is fetched while the previous one is written.
 * Given the app's store specs, the same with the app's indexes and records shaped as RxDB stores
 * them: what the indexes cost by themselves.
 */
async function floor(options: FloorOptions): Promise<FloorResult> {
  const headers = { Authorization: `Bearer ${options.accessToken}` };
  const db = new Dexie(options.name);
  db.version(1).stores(Object.fromEntries(options.collections.map((c) => [c, options.stores?.[c] ?? 'id'])));
  const lwt = Date.now();
  // As RxDB's Dexie storage stores a record: its booleans indexed as '0'/'1', its meta fields.
  const shape = options.stores
    ? (doc: Record<string, unknown>) => ({
        ...doc,
        _deleted: doc._deleted ? '1' : '0',
        _rev: '1-bench',
        _attachments: {},
        _meta: { lwt },
      })
    : null;
  await db.open();
  const counts: Record<string, number> = {};
  const refused: Record<string, number> = {};
  let docs = 0;
  let pages = 0;
  let fetchMs = 0;
  let writeMs = 0;
  let writing: Promise<void> = Promise.resolve();
  const started = performance.now();
  for (const collection of options.collections) {
    const table = db.table(collection);
    counts[collection] = 0;
    let checkpoint = 0;
    for (;;) {
      const fetchStarted = performance.now();
      const response = await fetch(`/sync/${collection}/pull?checkpoint=${checkpoint}&limit=${options.limit}`, {
        headers,
      });
      if (response.status === 403 || response.status === 404) {
        refused[collection] = response.status;
        break;
      }
      if (!response.ok) throw new Error(`${collection}: pull answered ${response.status}`);
      const page = (await response.json()) as PullResponse;
      fetchMs += performance.now() - fetchStarted;
      checkpoint = page.checkpoint.seq;
      const batch = shape
        ? page.documents.map((doc) => shape(doc as unknown as Record<string, unknown>))
        : page.documents;
      await writing;
      if (batch.length) {
        pages++;
        writing = (async () => {
          const writeStarted = performance.now();
          await table.bulkPut(batch);
          writeMs += performance.now() - writeStarted;
          docs += batch.length;
          counts[collection] = (counts[collection] ?? 0) + batch.length;
          document.getElementById('status')!.textContent = `floor: ${docs}`;
        })();
      }
      if (batch.length < options.limit) break;
    }
  }
  await writing;
  const totalMs = performance.now() - started;
  db.close();
  return { totalMs, docs, counts, refused, pages, fetchMs, writeMs };
}

window.firstRunFloor = { floor };
document.getElementById('status')!.textContent = 'ready';
