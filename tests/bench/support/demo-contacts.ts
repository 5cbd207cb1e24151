import { demoBatches } from '../../../demo-data';
import type { Contact } from '../../../domain/schemas/contact';
import type { PushRow, SyncDocument } from '../../../domain/sync-protocol';
import { openStore } from '../../../sync-server/store/open-store';
import type { RecordWrite } from '../../../sync-server/store/store';

/**
 * A fixed "today" in the past, so that the data is the same on every run and no record carries a
 * clock ahead of the server's (the push route refuses those).
 */
export const BENCH_DEMO_TODAY = '2025-06-01';

/** The contacts of the large demo workspace, in order; generation stops after the last one. */
function* contactStream(): Generator<Contact, void, undefined> {
  let started = false;
  for (const batch of demoBatches({ size: 'large', today: BENCH_DEMO_TODAY, batchSize: 1000 })) {
    if (batch.collection !== 'contacts') {
      if (started) return;
      continue;
    }
    started = true;
    yield* batch.records;
  }
}

/**
 * Contacts `offset` to `offset + count` of the large demo workspace (realistic, deterministic,
 * about 720 bytes of JSON each; it has 100,000).
 */
export function demoContacts(count: number, offset = 0): Contact[] {
  const contacts: Contact[] = [];
  let index = 0;
  for (const contact of contactStream()) {
    if (contacts.length === count) break;
    if (index++ >= offset) contacts.push(contact);
  }
  if (contacts.length < count) throw new Error(`the demo workspace has fewer than ${count + offset} contacts`);
  return contacts;
}

/** The first `count` contacts in batches, without holding them all at once. */
export function* demoContactBatches(count: number, batchSize: number): Generator<Contact[], void, undefined> {
  let batch: Contact[] = [];
  let taken = 0;
  for (const contact of contactStream()) {
    if (taken === count) break;
    batch.push(contact);
    taken++;
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
  if (taken < count) throw new Error(`the demo workspace has fewer than ${count} contacts`);
}

/** A new record as a device pushes it: no assumed master state. */
export function pushRow(contact: Contact): PushRow<'contacts'> {
  return { newDocumentState: { ...contact, _deleted: false } as SyncDocument<'contacts'>, assumedMasterState: null };
}

/** The store write the push route would make for a new contact (server-owned columns beside the body). */
export function recordWrite(contact: Contact): RecordWrite {
  return {
    collection: 'contacts',
    id: contact.id,
    hlc: contact.hlc,
    deleted: false,
    ownerId: contact.ownerId,
    teamId: contact.teamId,
    body: contact as unknown as Record<string, unknown>,
  };
}

/** A server store (`sqlite:…` or `postgres://…`) filled directly with the first `docs` contacts (putRecords, 1,000 a transaction): loading is not measured. */
export async function preloadContacts(dbUrl: string, docs: number): Promise<void> {
  const store = await openStore(dbUrl);
  try {
    for (const batch of demoContactBatches(docs, 1000)) {
      await store.transaction((tx) => tx.putRecords(batch.map(recordWrite)));
    }
    if ((await store.currentSeq()) !== docs) throw new Error('preload: the store does not hold every contact');
  } finally {
    await store.close();
  }
}
