import { describe, expect, it } from 'vitest';
import { DuplicateIndex } from '@domain/duplicates';
import {
  ImportPlanner,
  ImportRanks,
  importBases,
  parseCsv,
  suggestMapping,
  type ImportChoices,
  type ImportLookups,
  type RowPlan,
} from '@domain/csv-import';
import { isRank, rankBetween } from '@domain/ranks';
import { createRecordValidator } from '@domain/record-validation/record-validator';
import type { Actor } from '@domain/permissions';
import { dealContext, renewalsPipeline } from './deal-import-fixtures';
import { BASE_MS, ctxAt, salesPipeline, STAGE, TEAM, testId, USER_A, USER_B } from './fixtures';

const validator = createRecordValidator();
const ANA = testId(0xa0);
const ACME = testId(0xc1);
const lookups: ImportLookups = {
  companyIdByNameKey: (key) => (key === 'acme' ? ACME : undefined),
  companyIdByDomain: (domain) => (domain === 'acme.com' ? ACME : undefined),
  contactIdByEmail: (key) => (key === 'ana@example.com' ? ANA : undefined),
};
const bases = importBases({ ownerId: USER_A, teamId: TEAM });
const NOW = ctxAt(1).now;

/** Plans every row of `csv` as deals, with the headers mapped as the wizard suggests. */
function importDeals(
  csv: string,
  choices: Partial<ImportChoices> & { locale?: string; currency?: string } = {},
  context: { actor?: Partial<Actor>; topRank?: (pipelineId: string, stageId: string) => string | null } = {},
  index = new DuplicateIndex(),
) {
  const table = parseCsv(csv);
  let n = 0;
  const planner = new ImportPlanner({
    collection: 'deals',
    choices: {
      mapping: suggestMapping(table.headers, 'deals'),
      options: { dateOrder: 'ISO', currency: choices.currency ?? 'USD', locale: choices.locale ?? 'en' },
      duplicates: 'skip',
      createMissingCompanies: false,
      ...choices,
    },
    base: bases.deals,
    companyBase: bases.companies,
    lookups,
    duplicateIndex: index,
    validator,
    ctx: () => ctxAt(1),
    writeLookups: {
      pipeline: (id) => [salesPipeline(), renewalsPipeline()].find((p) => p.id === id),
      nowMs: BASE_MS + 60_000,
      pipelineMayBePending: false,
    },
    newId: () => testId(0x800 + n++),
    deals: dealContext({ ...context, rows: table.rows.length }),
  });
  return table.rows.map((cells, i) => planner.planRow(cells, i + 2));
}

const created = (plan: RowPlan<'deals'> | undefined) => {
  if (plan?.action !== 'create') throw new Error(`expected a create, got ${JSON.stringify(plan)}`);
  return plan.body;
};

describe('importing deals', () => {
  it('maps the pipeline, stage, status, lost reason and owner columns of an export', () => {
    expect(
      suggestMapping(
        ['Deal - Title', 'Deal - Pipeline', 'Deal - Stage', 'Deal - Status', 'Deal - Lost reason', 'Deal - Owner'],
        'deals',
      ),
    ).toEqual(['title', 'pipeline', 'stage', 'status', 'lostReason', 'owner']);
    expect(suggestMapping(['Nombre del negocio', 'Embudo', 'Etapa', 'Estado', 'Propietario'], 'deals')).toEqual([
      'title',
      'pipeline',
      'stage',
      'status',
      'owner',
    ]);
  });

  it('puts a deal that names no pipeline or stage in the default pipeline’s first active stage, owned by the importer', () => {
    const body = created(importDeals('Deal name\nAcme renewal\n')[0]);
    expect(body).toMatchObject({
      pipelineId: salesPipeline().id,
      // The Sales pipeline's first stage is retired: the first active one is Lead In.
      stageId: STAGE.leadIn,
      stageEnteredAt: NOW,
      status: 'OPEN',
      closedAt: null,
      ownerId: USER_A,
      teamId: TEAM,
      value: { amount: 0, currency: 'USD' },
    });
  });

  it('finds the pipeline and stage by name without case or accents, and refuses a stage the pipeline does not have', () => {
    const plans = importDeals(
      'Deal name,Pipeline,Stage\nA,renewals,RENEGOTIATING\nB,,proposal\nC,Sales,Due\nD,Sales,Discovery (old)\nE,Upsell,Due\n',
    );
    expect(created(plans[0])).toMatchObject({ pipelineId: renewalsPipeline().id, stageId: testId(0x5102) });
    expect(created(plans[1])).toMatchObject({ pipelineId: salesPipeline().id, stageId: STAGE.proposal });
    expect(plans[2]).toEqual({
      action: 'reject',
      line: 4,
      errors: [{ field: 'stage', problem: 'stageNotFound', detail: 'Due' }],
    });
    // A retired stage takes no new deals, imported or not.
    expect(plans[3]).toMatchObject({ action: 'reject', errors: [{ field: 'stage', problem: 'stageNotFound' }] });
    expect(plans[4]).toMatchObject({
      action: 'reject',
      errors: [{ field: 'pipeline', problem: 'pipelineNotFound', detail: 'Upsell' }],
    });
  });

  it('reads values into minor units by the currency’s exponent, as people type them', () => {
    const comma = importDeals('Deal name,Value,Currency\nA,"12,500.00",\nB,"12,500",JPY\nC,"1,5",JPY\nD,99.999,KWD\n');
    expect(created(comma[0]).value).toEqual({ amount: 1_250_000, currency: 'USD' });
    expect(created(comma[1]).value).toEqual({ amount: 12_500, currency: 'JPY' });
    expect(comma[2]).toMatchObject({ action: 'reject', errors: [{ field: 'value', problem: 'invalidMoney' }] });
    expect(created(comma[3]).value).toEqual({ amount: 99_999, currency: 'KWD' });
    const semicolon = importDeals('Nombre del negocio;Valor\nA;12.500,00\nB;12.500,00 €\n', {
      locale: 'es',
      currency: 'EUR',
    });
    expect(created(semicolon[0]).value).toEqual({ amount: 1_250_000, currency: 'EUR' });
    expect(created(semicolon[1]).value).toEqual({ amount: 1_250_000, currency: 'EUR' });
  });

  it('closes a won or lost deal now, and asks a lost one for a reason from the configured list', () => {
    const plans = importDeals(
      'Deal name,Status,Lost reason\nA,Won,Price\nB,perdido,precio\nC,Lost,\nD,Closed Lost,Timing\nE,maybe,\n',
    );
    expect(created(plans[0])).toMatchObject({ status: 'WON', closedAt: NOW, lostReason: '' });
    expect(created(plans[1])).toMatchObject({ status: 'LOST', closedAt: NOW, lostReason: 'price' });
    expect(plans[2]).toMatchObject({ action: 'reject', errors: [{ field: 'lostReason', problem: 'required' }] });
    expect(plans[3]).toMatchObject({
      action: 'reject',
      errors: [{ field: 'lostReason', problem: 'lostReasonNotFound', detail: 'Timing' }],
    });
    expect(plans[4]).toMatchObject({
      action: 'reject',
      errors: [{ field: 'status', problem: 'invalidStatus', detail: 'maybe' }],
    });
  });

  it('gives the deal to the user the owner column names, and refuses one who is unknown, inactive or not the importer’s to assign', () => {
    const csv = 'Deal name,Owner\nA,BEN@outpost.test\nB,nobody@outpost.test\nC,gone@outpost.test\nD,dan@outpost.test\n';
    const manager = importDeals(csv);
    expect(created(manager[0])).toMatchObject({ ownerId: USER_B, teamId: TEAM });
    expect(manager[1]).toMatchObject({ action: 'reject', errors: [{ field: 'owner', problem: 'ownerNotFound' }] });
    expect(manager[2]).toMatchObject({ action: 'reject', errors: [{ field: 'owner', problem: 'ownerNotFound' }] });
    expect(created(manager[3])).toMatchObject({ ownerId: testId(0xd4) });
    // A supervisor manages their own team only; an account executive only their own deals.
    const supervisor = importDeals(csv, {}, { actor: { role: 'SUPERVISOR' } });
    expect(created(supervisor[0]).ownerId).toBe(USER_B);
    expect(supervisor[3]).toEqual({
      action: 'reject',
      line: 5,
      errors: [{ field: 'owner', problem: 'ownerNotAllowed' }],
    });
    const rep = importDeals(csv, {}, { actor: { role: 'ACCOUNT_EXECUTIVE' } });
    expect(rep[0]).toMatchObject({ action: 'reject', errors: [{ field: 'owner', problem: 'ownerNotAllowed' }] });
  });

  it('refuses a closed deal from an importer whose role may not close deals', () => {
    const plans = importDeals('Deal name,Status\nA,Open\nB,Won\n', {}, { actor: { role: 'SDR' } });
    expect(plans[0]).toMatchObject({ action: 'create' });
    expect(plans[1]).toEqual({
      action: 'reject',
      line: 3,
      errors: [{ field: 'status', problem: 'closeNotAllowed', detail: 'WON' }],
    });
  });

  it('skips a row whose title repeats a deal of the same contact or company, and updates only the deal’s own fields', () => {
    const index = new DuplicateIndex();
    const csv =
      'Deal name,Contact email,Company,Stage,Value\nAcme renewal,ana@example.com,,Lead In,100\nACME Renewal,ana@example.com,,Demo,200\nAcme renewal,,Acme,Demo,300\nAcme renewal,,,Demo,400\n';
    const skip = importDeals(csv, {}, {}, index);
    expect(skip.map((p) => p.action)).toEqual(['create', 'skip', 'create', 'create']);
    const first = created(skip[0]);
    const update = importDeals(
      'Deal name,Contact email,Stage,Value,Status\nacme renewal,ana@example.com,Demo,250,Won\n',
      { duplicates: 'update' },
      {},
      index,
    );
    // Stage and status are board moves, which write their stage change there: a file never makes one.
    expect(update[0]).toEqual({
      action: 'update',
      line: 2,
      id: skip[0]!.action === 'create' ? skip[0]!.id : '',
      changes: { title: 'acme renewal', contactId: ANA, value: { amount: 25_000, currency: 'USD' } },
      companies: [],
    });
    expect(first.stageId).toBe(STAGE.leadIn);
  });
});

describe('import ranks', () => {
  it('puts the imported deals above the column’s first card, in file order', () => {
    const plans = importDeals('Deal name,Stage\nA,Demo\nB,Qualified\nC,Demo\n', {}, { topRank: () => 'i' });
    const [a, b, c] = plans.map(created);
    expect(a!.rank < c!.rank).toBe(true);
    for (const deal of [a!, b!, c!]) {
      expect(isRank(deal.rank)).toBe(true);
      expect(deal.rank < 'i').toBe(true);
    }
  });

  it('keeps keys short and ordered for a large file, where chaining keys one after another grows them', () => {
    const rows = 20_000;
    const ranks = new ImportRanks(() => '0k', rows);
    const keys = Array.from({ length: rows }, (_, i) => ranks.rankFor('p', 's', i));
    for (let i = 1; i < rows; i++) expect(keys[i - 1]! < keys[i]!).toBe(true);
    expect(keys.every((k) => isRank(k) && k < '0k')).toBe(true);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(6);
    // What the import avoids: each new key between the last one and the top card is one longer every few rows.
    let chained: string | null = null;
    for (let i = 0; i < 200; i++) chained = rankBetween(chained, '0k');
    expect(chained!.length).toBeGreaterThan(20);
  });

  it('gives each column its own prefix, so columns filled by other imports stay in order', () => {
    const tops: Record<string, string | null> = { 'p/a': '05', 'p/b': null };
    const ranks = new ImportRanks((p, s) => tops[`${p}/${s}`] ?? null, 3);
    expect(ranks.rankFor('p', 'a', 0) < '05').toBe(true);
    expect(ranks.rankFor('p', 'b', 2) > ranks.rankFor('p', 'b', 1)).toBe(true);
  });
});
