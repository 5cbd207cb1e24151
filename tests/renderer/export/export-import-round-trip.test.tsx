import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCsv, suggestMapping, type ImportChoices } from '@domain/csv-import';
import { defaultPipeline, defaultSettings } from '@domain/default-records';
import type { OutpostBridge } from '@domain/desktop-bridge';
import { uuidv7 } from '@domain/ids';
import { VIEW_FIELDS } from '@domain/record-views/view-fields';
import type { ViewState } from '@domain/record-views/view-state';
import { exportRecordsToCsv } from '../../../renderer/db/export-records-to-csv';
import { insertRecord } from '../../../renderer/db/record-writes';
import { runImport } from '../../../renderer/features/import/run-import';
import { initI18n } from '../../../renderer/i18n/i18n';
import { exportColumnsOf } from '../../../renderer/ui/record-table/export-columns';
import { tableFields, type TableSection } from '../../../renderer/ui/record-table/table-field';
import { contactBody, dealBody, leadBody } from '../../support/record-bodies';
import { openTestWorkspace } from '../support/open-test-workspace';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
const opened: TestWorkspace[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((ws) => ws.close()));
});

// The desktop bridge, as preload exposes it: main writes the file the export hands it.
const saveCsvFile = vi.fn<OutpostBridge['saveCsvFile']>(async () => 'saved');
(window as unknown as { outpost: Partial<OutpostBridge> }).outpost = { saveCsvFile };

const PIPELINE = defaultPipeline();
const stageId = (name: string) => PIPELINE.stages.find((s) => s.name === name)!.id;
/** A teammate's account on the team's server: every workspace of the team receives it. */
const BRUNO = { id: uuidv7(), name: 'Bruno Díaz', email: 'bruno@outpost.example' };

/** A workspace of the team: its pipeline, settings and users, as the server hands them to a new device. */
async function teamWorkspace() {
  // Two workspaces at once: only what export and import read, within RxDB's open collection budget.
  const ws = await openTestWorkspace(['companies', 'contacts', 'leads', 'deals', 'pipelines', 'settings', 'users']);
  opened.push(ws);
  const { id, ...pipeline } = PIPELINE;
  await insertRecord(ws, 'pipelines', pipeline, id);
  for (const { id: settingId, ...setting } of defaultSettings()) await insertRecord(ws, 'settings', setting, settingId);
  const account = { role: 'ACCOUNT_EXECUTIVE' as const, teamId: ws.user.teamId, active: true, locale: 'en' as const };
  await insertRecord(ws, 'users', { ...account, name: BRUNO.name, email: BRUNO.email, avatarHue: 120 }, BRUNO.id);
  return ws;
}

/** The section's list with every column it can show, exported as the Export button does. */
async function exportEvery(ws: TestWorkspace, section: TableSection): Promise<string> {
  const t = (await initI18n('en')).t;
  const view: ViewState = {
    filters: [],
    sort: [],
    columns: VIEW_FIELDS[section].filter((f) => f.column).map((f) => ({ field: f.id, width: 120 })),
    density: 'comfortable',
  };
  saveCsvFile.mockClear();
  const columns = exportColumnsOf(t, section, view, tableFields(t, section));
  await exportRecordsToCsv(ws, section, { selector: {}, sort: [{ id: 'asc' }] }, columns, {
    fileName: `${section}.csv`,
    currencyHeader: t('csv.fields.currency'),
  });
  return saveCsvFile.mock.calls[0]![1];
}

/** The file imported as the wizard would, with the columns it maps by itself. */
async function importInto(ws: TestWorkspace, section: 'companies' | 'contacts' | 'leads' | 'deals', text: string) {
  const table = parseCsv(text);
  const choices: ImportChoices = {
    mapping: suggestMapping(table.headers, section),
    options: { dateOrder: 'ISO', currency: 'USD', locale: 'en' },
    duplicates: 'skip',
    createMissingCompanies: false,
  };
  const labels = { lostReason: (item: { label: string }) => item.label };
  return runImport(ws, section, table, choices, labels, () => {}, new AbortController().signal);
}

const live = async <C extends 'companies' | 'contacts' | 'leads' | 'deals'>(ws: TestWorkspace, collection: C) =>
  (await ws.db[collection].find({ selector: { deletedAt: null } }).exec()).map(
    (d) => d.toJSON() as unknown as Record<string, unknown>,
  );

describe('a file exported from a list imports again', () => {
  it('into an empty workspace of the team, every company, contact, owner, pipeline, stage and lost reason found again', async () => {
    // Every record is a teammate's: the file gives each back to its owner, not to the importer.
    const source = await teamWorkspace();
    const owned = { ownerId: BRUNO.id, teamId: source.user.teamId };
    const acme = await insertRecord(source, 'companies', {
      ...owned,
      name: 'Acme Andina',
      domain: 'acme-andina.example',
      industry: 'Logistics',
      size: '',
      phone: '',
      website: '',
      address: {},
      tags: [],
      notes: '',
    });
    const eva = await insertRecord(
      source,
      'contacts',
      contactBody({
        ...owned,
        firstName: 'Eva',
        lastName: 'Lind',
        email: 'eva@acme-andina.example',
        companyId: acme.id,
      }),
    );
    await insertRecord(source, 'leads', leadBody({ ...owned, email: 'lucia@andes.example' }));
    await insertRecord(
      source,
      'deals',
      dealBody({ ...owned, title: 'Fleet tracking', contactId: eva.id, companyId: acme.id, stageId: stageId('Demo') }),
    );
    await insertRecord(
      source,
      'deals',
      dealBody({
        ...owned,
        title: 'Cold storage',
        contactId: eva.id,
        companyId: acme.id,
        stageId: stageId('Proposal'),
        status: 'LOST',
        lostReason: 'price',
        closedAt: '2026-11-20T10:00:00.000Z',
      }),
    );

    const files = {
      companies: await exportEvery(source, 'companies'),
      contacts: await exportEvery(source, 'contacts'),
      leads: await exportEvery(source, 'leads'),
      deals: await exportEvery(source, 'deals'),
    };
    const target = await teamWorkspace();
    for (const section of ['companies', 'contacts', 'leads', 'deals'] as const) {
      const report = await importInto(target, section, files[section]);
      expect(report.rejected, `${section}: ${files[section]}`).toEqual([]);
      expect(report.imported, section).toBe(section === 'deals' ? 2 : 1);
    }

    const [company] = await live(target, 'companies');
    const [contact] = await live(target, 'contacts');
    const [lead] = await live(target, 'leads');
    expect(company).toMatchObject({ name: 'Acme Andina', ownerId: BRUNO.id });
    expect(contact).toMatchObject({ email: 'eva@acme-andina.example', companyId: company!.id, ownerId: BRUNO.id });
    expect(lead).toMatchObject({ email: 'lucia@andes.example', ownerId: BRUNO.id });
    const deals = await live(target, 'deals');
    expect(deals.find((d) => d.title === 'Fleet tracking')).toMatchObject({
      contactId: contact!.id,
      companyId: company!.id,
      ownerId: BRUNO.id,
      pipelineId: PIPELINE.id,
      stageId: stageId('Demo'),
      status: 'OPEN',
    });
    expect(deals.find((d) => d.title === 'Cold storage')).toMatchObject({
      contactId: contact!.id,
      ownerId: BRUNO.id,
      stageId: stageId('Proposal'),
      status: 'LOST',
      lostReason: 'price',
    });
  });
});
