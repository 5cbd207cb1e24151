import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutpostBridge } from '@domain/desktop-bridge';
import { parseCsv } from '@domain/csv-import';
import { exportRecordsToCsv } from '../../../renderer/db/export-records-to-csv';
import { readRecordPages } from '../../../renderer/db/record-pages';
import { insertRecord, softDeleteRecord, updateRecord } from '../../../renderer/db/record-writes';
import { openTestWorkspace } from '../support/open-test-workspace';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

// The desktop bridge, as preload exposes it: main shows the save dialog and writes the file.
const saveCsvFile = vi.fn<OutpostBridge['saveCsvFile']>(async () => 'saved');
(window as unknown as { outpost: Partial<OutpostBridge> }).outpost = { saveCsvFile };

async function withContacts(count: number) {
  workspace = await openTestWorkspace(['contacts', 'companies', 'users', 'pipelines']);
  const ws = workspace;
  const company = await insertRecord(ws, 'companies', {
    ownerId: ws.user.id,
    teamId: ws.user.teamId,
    name: '=Acme',
    domain: '',
    industry: '',
    size: '',
    phone: '',
    website: '',
    address: {},
    tags: [],
    notes: '',
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const contact = await insertRecord(ws, 'contacts', {
      ownerId: ws.user.id,
      teamId: ws.user.teamId,
      firstName: `P${String(i).padStart(4, '0')}`,
      lastName: 'Test',
      email: '',
      phone: '',
      mobile: '',
      title: '',
      companyId: company.id,
      address: {},
      source: '',
      tags: [],
      notes: '',
    });
    ids.push(contact.id);
  }
  return { ws, ids };
}

describe('exporting the records of a list', () => {
  it('reads every record of a query once, page after page in its order, leaving removed ones out', async () => {
    const { ws, ids } = await withContacts(25);
    await softDeleteRecord(ws, 'contacts', ids[3]!);
    const pages: string[][] = [];
    for await (const page of readRecordPages(ws, 'contacts', { selector: {}, sort: [{ firstName: 'desc' }] }, 10)) {
      pages.push(page.map((c) => c.firstName));
    }
    expect(pages.map((p) => p.length)).toEqual([10, 10, 4]);
    const names = pages.flat();
    expect(names).toEqual([...names].sort().reverse());
    expect(names).not.toContain('P0003');
  });

  it('reads every record once in order when many share the sort key, each page starting where the last ended', async () => {
    const { ws, ids } = await withContacts(24);
    // Three job titles, eight contacts each: most pages begin and end inside a run of one title.
    for (const [i, id] of ids.entries()) await updateRecord(ws, 'contacts', id, { title: 'ABC'[i % 3]! });
    const read: { id: string; title: string }[] = [];
    for await (const page of readRecordPages(ws, 'contacts', { selector: {}, sort: [{ title: 'asc' }] }, 5)) {
      read.push(...page.map(({ id, title }) => ({ id, title })));
    }
    const expected = ids
      .map((id, i) => ({ id, title: 'ABC'[i % 3]! }))
      .sort((a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1));
    expect(read).toEqual(expected);
  });

  it('hands the desktop the CSV to save: chosen columns, company names, formulas neutralised', async () => {
    const { ws } = await withContacts(2);
    await expect(
      exportRecordsToCsv(
        ws,
        'contacts',
        { selector: {}, sort: [{ firstName: 'asc' }] },
        [
          { field: 'firstName', header: 'First name' },
          { field: 'companyId', header: 'Company' },
        ],
        { fileName: 'contacts.csv', currencyHeader: 'Currency' },
      ),
    ).resolves.toBe(true);
    const [name, text] = saveCsvFile.mock.calls[0]!;
    expect(name).toBe('contacts.csv');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(parseCsv(text)).toEqual({
      headers: ['First name', 'Company'],
      rows: [
        ['P0000', "'=Acme"],
        ['P0001', "'=Acme"],
      ],
    });
  });
});
