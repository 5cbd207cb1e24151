import type { RxStorageInstance } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import type { CollectionName } from '@domain/collections';
import { importKeys, type ImportChoices } from '@domain/csv-import';
import { uuidv7 } from '@domain/ids';
import { createRecord } from '@domain/record-edits';
import { readImportContext } from '../../../renderer/db/import-context';
import { editContext } from '../../../renderer/db/workspace';
import { importBases } from '../../../renderer/features/import/import-defaults';
import { importPlanner } from '../../../renderer/features/import/run-import';
import { openTestWorkspace } from '../support/open-test-workspace';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

const FILE = [
  ['Eva', 'Lind', '  EVA@Initech.COM ', 'Initech, S.A.'],
  ['Max', 'Ruiz', 'max@new.example', 'www.globex.com/en'],
  ['Ida', 'Moreno', 'ida@new.example', 'The Hooli Inc.'],
  ['Lars', 'Berg', 'lars@new.example', 'Øresund Logistics Ltd.'],
];

const choices: ImportChoices = {
  mapping: ['firstName', 'lastName', 'email', 'company'],
  options: { dateOrder: 'MDY', currency: 'USD', locale: 'en' },
  duplicates: 'skip',
  createMissingCompanies: false,
};

async function store<C extends 'contacts' | 'companies'>(
  ws: TestWorkspace,
  collection: C,
  bodies: Partial<ReturnType<typeof importBases>[C]>[],
): Promise<string[]> {
  const docs = bodies.map((body) =>
    createRecord(collection, uuidv7(), { ...importBases(ws)[collection], ...body } as never, editContext(ws)),
  );
  const result = await ws.db[collection].bulkInsert(docs as never[]);
  expect(result.error).toEqual([]);
  return docs.map((doc) => doc.id);
}

/** Counts every stored document a read hands back, whoever reads. */
function countReads(ws: TestWorkspace, collections: CollectionName[]): { fetched: number } {
  const counter = { fetched: 0 };
  for (const name of collections) {
    const instance = ws.db[name].storageInstance as unknown as RxStorageInstance<unknown, unknown, unknown>;
    const query = instance.query.bind(instance);
    const byIds = instance.findDocumentsById.bind(instance);
    instance.query = async (prepared) => {
      const result = await query(prepared);
      counter.fetched += result.documents.length;
      return result;
    };
    instance.findDocumentsById = async (ids, withDeleted) => {
      const found = await byIds(ids, withDeleted);
      counter.fetched += found.length;
      return found;
    };
  }
  return counter;
}

async function largerWorkspace() {
  workspace = await openTestWorkspace(['contacts', 'companies', 'leads']);
  const ws = workspace;
  const [initech, globex, hooli, oresund] = await store(ws, 'companies', [
    { name: 'Initech' },
    { name: 'Globex Corporation', domain: 'globex.com' },
    { name: 'Hooli' },
    { name: 'Øresund Logistics' },
  ]);
  const fillers = await store(
    ws,
    'companies',
    Array.from({ length: 40 }, (_, n) => ({ name: `Zeta ${n}`, domain: `zeta${n}.example` })),
  );
  const [eva] = await store(ws, 'contacts', [
    { firstName: 'Eva', lastName: 'Lind', email: 'eva@initech.com', companyId: initech! },
  ]);
  await store(
    ws,
    'contacts',
    Array.from({ length: 200 }, (_, n) => ({
      firstName: 'Filler',
      lastName: `${n}`,
      email: `filler${n}@example.com`,
      companyId: fillers[n % fillers.length]!,
    })),
  );
  return { ws, ids: { initech, globex, hooli, oresund, eva } };
}

describe('the context an import reads', () => {
  it('reads only the records a small file can match, not the whole workspace', async () => {
    const { ws } = await largerWorkspace();
    const reads = countReads(ws, ['contacts', 'companies', 'leads']);
    await readImportContext(ws, 'contacts', importKeys('contacts', choices.mapping, FILE));
    // Eva (by email) and the four companies the file names: none of the 240 others.
    expect(reads.fetched).toBe(5);
  });

  it('still finds the duplicate by email in any case, and companies by normalized name and by domain', async () => {
    const { ws, ids } = await largerWorkspace();
    const planner = await importPlanner(ws, 'contacts', choices, FILE, FILE.length, { lostReason: (i) => i.label });
    const plans = FILE.map((cells, i) => planner.planRow(cells, i + 2));
    expect(plans[0]).toMatchObject({ action: 'skip', id: ids.eva });
    expect(plans[1]).toMatchObject({ action: 'create', body: { companyId: ids.globex } });
    expect(plans[2]).toMatchObject({ action: 'create', body: { companyId: ids.hooli } });
    expect(plans[3]).toMatchObject({ action: 'create', body: { companyId: ids.oresund } });
  });
});
