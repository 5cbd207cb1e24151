import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { firstValueFrom, filter } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OutpostDatabase } from '../../../renderer/db/database';
import { localDocument$ } from '../../../renderer/db/local-document';

let counter = 0;
let db: OutpostDatabase | null = null;
const open = async () => {
  counter++;
  db = await openDatabase({
    name: `local-document-${counter}`,
    storage: getRxStorageMemory() as never,
    multiInstance: false,
    collections: [],
  });
  return db;
};
afterEach(async () => {
  await db?.close();
  db = null;
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('watching a local document', () => {
  it('tells the document now, after each change of it, and null once it is removed', async () => {
    const db = await open();
    await db.upsertLocal('prefs', { theme: 'dark' });
    const seen: unknown[] = [];
    const sub = localDocument$<{ theme: string }>(db, 'prefs').subscribe((doc) =>
      seen.push(doc ? doc.toJSON().data.theme : null),
    );
    await settle();
    await db.upsertLocal('prefs', { theme: 'light' });
    await settle();
    await (await db.getLocal('prefs'))!.remove();
    await settle();
    sub.unsubscribe();
    expect(seen).toEqual(['dark', 'light', null]);
  });

  it('tells null for a document not written yet, then the document once it is', async () => {
    const db = await open();
    const seen: unknown[] = [];
    const sub = localDocument$<{ items: string[] }>(db, 'journal').subscribe((doc) =>
      seen.push(doc ? doc.toJSON().data.items : null),
    );
    await settle();
    await db.upsertLocal('journal', { items: ['a'] });
    await firstValueFrom(localDocument$(db, 'journal').pipe(filter(Boolean)));
    await settle();
    sub.unsubscribe();
    expect(seen).toEqual([null, ['a']]);
  });

  it('says nothing when another local document changes', async () => {
    const db = await open();
    await db.upsertLocal('prefs', { theme: 'dark' });
    let told = 0;
    const sub = localDocument$(db, 'prefs').subscribe(() => told++);
    await settle();
    await db.upsertLocal('lastViews', { leads: 'leads.open' });
    await db.upsertLocal('recent-records', { records: [] });
    await settle();
    sub.unsubscribe();
    expect(told).toBe(1);
  });
});
