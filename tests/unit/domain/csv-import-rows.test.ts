import { describe, expect, it } from 'vitest';
import { DuplicateIndex } from '@domain/duplicates';
import {
  ImportPlanner,
  importBases,
  parseCsv,
  rowToRecord,
  suggestMapping,
  type ImportableCollection,
  type ImportLookups,
  type ImportChoices,
} from '@domain/csv-import';
import type { RecordBody } from '@domain/record-edits';
import { createRecordValidator } from '@domain/record-validation/record-validator';
import { dealContext } from './deal-import-fixtures';
import { BASE_MS, ctxAt, TEAM, testId, USER_A } from './fixtures';

const validator = createRecordValidator();
const options = { dateOrder: 'DMY' as const, currency: 'EUR', locale: 'es' };
const writeLookups = { pipeline: () => undefined, nowMs: BASE_MS + 60_000, pipelineMayBePending: true };
const ACME = testId(0xc1);
const ANA = testId(0xa0);
const lookups: ImportLookups = {
  companyIdByNameKey: (key) => (key === 'acme' ? ACME : undefined),
  companyIdByDomain: () => undefined,
  contactIdByEmail: (key) => (key === 'ana@example.com' ? ANA : undefined),
};
const bases: { [C in ImportableCollection]: RecordBody<C> } = importBases({ ownerId: USER_A, teamId: TEAM });

function importRows<C extends ImportableCollection>(collection: C, text: string) {
  const table = parseCsv(text);
  const mapping = suggestMapping(table.headers, collection);
  const outcomes = table.rows.map((cells, i) =>
    rowToRecord({
      collection,
      cells,
      mapping,
      base: bases[collection],
      options,
      lookups,
      validator,
      ctx: ctxAt(1),
      writeLookups,
      id: testId(100 + i),
      rowIndex: i,
      deals: dealContext(),
    }),
  );
  return { table, mapping, outcomes };
}

describe('CSV import rows', () => {
  it('keeps a quoted separator, quote and line break inside one cell', () => {
    const { table, outcomes } = importRows(
      'contacts',
      'First Name,Last Name,Email,Notes\n"Ana, María",Pérez,ana.p@example.com,"Said ""call me""\nafter 5"\n',
    );
    expect(table.rows).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({
      ok: true,
      body: { firstName: 'Ana, María', notes: 'Said "call me"\nafter 5' },
    });
  });

  it('reads a semicolon file whose amounts use a decimal comma', () => {
    const { mapping, outcomes } = importRows(
      'leads',
      'Nombre;Apellidos;Empresa;Valor estimado\r\nLuis;García;Frutas Sur;"1.234,50"\r\n',
    );
    expect(mapping).toEqual(['firstName', 'lastName', 'companyName', 'estimatedValue']);
    expect(outcomes[0]).toMatchObject({
      ok: true,
      body: { companyName: 'Frutas Sur', estimatedValue: { amount: 123450, currency: 'EUR' } },
    });
  });

  it('imports a lead row with its company as plain text and its estimated value in minor units', () => {
    const { outcomes } = importRows(
      'leads',
      'First Name,Last Name,Email,Company,Lead Source,Estimated Value,Currency\nJordan,Miller,JM@Summit.com,Summit Foods,web-form,12000,USD\n',
    );
    expect(outcomes[0]).toMatchObject({
      ok: true,
      body: {
        email: 'jm@summit.com',
        companyName: 'Summit Foods',
        source: 'web-form',
        estimatedValue: { amount: 1_200_000, currency: 'USD' },
        status: 'NEW',
      },
    });
  });

  it('links a deal row to its contact by email and reads its amount, currency, probability and close date', () => {
    const { mapping, outcomes } = importRows(
      'deals',
      'Deal name,Amount,Currency,Probability (%),Close Date,Contact Email,Company\nAcme renewal,"4.500,00",usd,40%,15/04/2026,ANA@example.com,Acme\n',
    );
    expect(mapping).toEqual(['title', 'value', 'currency', 'probability', 'expectedCloseDate', 'contact', 'company']);
    expect(outcomes[0]).toEqual({
      ok: true,
      body: expect.objectContaining({
        title: 'Acme renewal',
        value: { amount: 450_000, currency: 'USD' },
        probability: 40,
        expectedCloseDate: '2026-04-15',
        contactId: ANA,
        companyId: ACME,
      }),
      filled: ['title', 'value', 'probability', 'expectedCloseDate', 'contactId', 'companyId'],
    });
  });

  it('refuses a deal whose contact email is unknown, whose probability is over 100 or whose date is impossible', () => {
    const { outcomes } = importRows(
      'deals',
      'Deal name,Probability,Close Date,Contact Email\nA,40,31/02/2026,ana@example.com\nB,40,01/03/2026,nobody@example.com\nC,140,01/03/2026,\n',
    );
    expect(outcomes[0]).toEqual({
      ok: false,
      errors: [{ field: 'expectedCloseDate', problem: 'invalidDate', detail: '31/02/2026' }],
    });
    expect(outcomes[1]).toEqual({
      ok: false,
      errors: [{ field: 'contact', problem: 'contactNotFound', detail: 'nobody@example.com' }],
    });
    expect(outcomes[2]).toMatchObject({ ok: false, errors: [{ field: 'probability', problem: 'invalid' }] });
  });

  it('says which required field is missing: a deal without a title, a company without a name, a contact without any name or email', () => {
    expect(importRows('deals', 'Deal name,Amount\n,100\n').outcomes[0]).toEqual({
      ok: false,
      errors: [{ field: 'title', problem: 'required' }],
    });
    expect(importRows('companies', 'Company Name,Website\n ,https://acme.com\n').outcomes[0]).toEqual({
      ok: false,
      errors: [{ field: 'name', problem: 'required' }],
    });
    expect(importRows('contacts', 'First Name,Email,Phone\n,,555 0100\n').outcomes[0]).toEqual({
      ok: false,
      errors: [{ field: 'lastName', problem: 'required' }],
    });
  });

  it('maps a Pipedrive people export', () => {
    const headers =
      'Person - Name,Person - First name,Person - Last name,Person - Email - Work,Person - Phone - Work,Person - Phone - Mobile,Person - Organization,Person - Labels';
    expect(suggestMapping(parseCsv(`${headers}\n`).headers, 'contacts')).toEqual([
      null,
      'firstName',
      'lastName',
      'email',
      'phone',
      'mobile',
      'company',
      'tags',
    ]);
    expect(
      suggestMapping(
        ['Deal - Title', 'Deal - Value', 'Deal - Currency', 'Deal - Expected close date', 'Deal - Organization'],
        'deals',
      ),
    ).toEqual(['title', 'value', 'currency', 'expectedCloseDate', 'company']);
  });

  it('maps Salesforce contact, lead and opportunity reports', () => {
    expect(
      suggestMapping(
        ['First Name', 'Last Name', 'Title', 'Account Name', 'Email', 'Phone', 'Mobile', 'Lead Source', 'Mailing City'],
        'contacts',
      ),
    ).toEqual(['firstName', 'lastName', 'title', 'company', 'email', 'phone', 'mobile', 'source', null]);
    expect(
      suggestMapping(['First Name', 'Last Name', 'Company', 'Email', 'Lead Source', 'Annual Revenue'], 'leads'),
    ).toEqual(['firstName', 'lastName', 'companyName', 'email', 'source', 'estimatedValue']);
    expect(
      suggestMapping(
        ['Opportunity Name', 'Account Name', 'Amount', 'Amount Currency', 'Close Date', 'Probability (%)', 'Stage'],
        'deals',
      ),
    ).toEqual(['title', 'company', 'value', 'currency', 'expectedCloseDate', 'probability', 'stage']);
  });
});

describe('import planner', () => {
  const choices: ImportChoices = {
    mapping: ['firstName', 'email', 'company'],
    options,
    duplicates: 'skip',
    createMissingCompanies: true,
  };
  function planner(overrides: Partial<ImportChoices> = {}) {
    let n = 0;
    return new ImportPlanner({
      collection: 'contacts',
      choices: { ...choices, ...overrides },
      base: bases.contacts,
      companyBase: bases.companies,
      lookups,
      duplicateIndex: new DuplicateIndex(),
      validator,
      ctx: () => ctxAt(1),
      writeLookups,
      newId: () => testId(0x500 + n++),
    });
  }

  it('creates a company the file names but the workspace lacks, once for all the rows that name it', () => {
    const plan = planner();
    const first = plan.planRow(['Eva', 'eva@initech.com', 'Initech'], 2);
    const second = plan.planRow(['Max', 'max@initech.com', 'INITECH'], 3);
    expect(first).toMatchObject({ action: 'create', companies: [{ body: { name: 'Initech', domain: '' } }] });
    if (first.action !== 'create' || second.action !== 'create') throw new Error('expected creates');
    expect(first.body.companyId).toBe(first.companies[0]!.id);
    expect(second).toMatchObject({ companies: [], body: { companyId: first.companies[0]!.id } });
  });

  it('takes a company cell that is a web domain as the new company’s domain', () => {
    expect(planner().planRow(['Eva', 'eva@initech.com', 'www.initech.com'], 2)).toMatchObject({
      action: 'create',
      companies: [{ body: { name: 'www.initech.com', domain: 'initech.com' } }],
    });
  });

  it('refuses the row instead when creating missing companies is turned off', () => {
    expect(planner({ createMissingCompanies: false }).planRow(['Eva', 'eva@initech.com', 'Initech'], 2)).toEqual({
      action: 'reject',
      line: 2,
      errors: [{ field: 'company', problem: 'companyNotFound', detail: 'Initech' }],
    });
  });

  it('creates no company for a row it refuses for another reason', () => {
    const plan = planner();
    expect(plan.planRow(['Eva', 'not-an-email', 'Initech'], 2)).toMatchObject({ action: 'reject' });
    expect(plan.planRow(['Max', 'max@initech.com', 'Initech'], 3)).toMatchObject({
      action: 'create',
      companies: [{ body: { name: 'Initech' } }],
    });
  });

  it('updates only the fields the file fills when a row repeats an earlier one and the choice is update', () => {
    const plan = planner({ duplicates: 'update', mapping: ['firstName', 'email', 'company', 'title'] });
    const created = plan.planRow(['Eva', 'eva@acme.com', 'Acme', 'CTO'], 2);
    expect(plan.planRow(['Eve', 'EVA@acme.com', '', ''], 3)).toEqual({
      action: 'update',
      line: 3,
      id: created.action === 'create' ? created.id : '',
      changes: { firstName: 'Eve', email: 'eva@acme.com' },
      companies: [],
    });
  });
});
