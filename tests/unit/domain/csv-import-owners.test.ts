import { describe, expect, it } from 'vitest';
import { DuplicateIndex } from '@domain/duplicates';
import {
  ImportPlanner,
  importBases,
  parseCsv,
  suggestMapping,
  type ImportableCollection,
  type ImportLookups,
  type RowPlan,
} from '@domain/csv-import';
import type { Actor } from '@domain/permissions';
import { createRecordValidator } from '@domain/record-validation/record-validator';
import { dealContext, OTHER_TEAM, USER_ELSEWHERE } from './deal-import-fixtures';
import { BASE_MS, ctxAt, TEAM, testId, USER_A, USER_B } from './fixtures';

const validator = createRecordValidator();
const lookups: ImportLookups = {
  companyIdByNameKey: () => undefined,
  companyIdByDomain: () => undefined,
  contactIdByEmail: () => undefined,
};
const bases = importBases({ ownerId: USER_A, teamId: TEAM });

/** Plans every row of `csv` into `collection`, mapped as the wizard suggests, by `actor` (a Sales Manager unless said). */
function plan<C extends Exclude<ImportableCollection, 'deals'>>(
  collection: C,
  csv: string,
  options: { actor?: Partial<Actor>; duplicates?: 'skip' | 'update' | 'create'; index?: DuplicateIndex } = {},
): RowPlan<C>[] {
  const table = parseCsv(csv);
  let n = 0;
  const { userByEmail, actor } = dealContext({ ...(options.actor && { actor: options.actor }) });
  const userByName = (key: string) => (key === 'ben ortiz' ? userByEmail('ben@outpost.test') : undefined);
  const planner = new ImportPlanner({
    collection,
    choices: {
      mapping: suggestMapping(table.headers, collection),
      options: { dateOrder: 'ISO', currency: 'USD', locale: 'en' },
      duplicates: options.duplicates ?? 'create',
      createMissingCompanies: false,
    },
    base: bases[collection],
    companyBase: bases.companies,
    lookups,
    duplicateIndex: options.index ?? new DuplicateIndex(),
    validator,
    ctx: () => ctxAt(1),
    writeLookups: { pipeline: () => undefined, nowMs: BASE_MS + 60_000, pipelineMayBePending: true },
    newId: () => testId(0x900 + n++),
    owners: { userByEmail, userByName, actor },
  });
  return table.rows.map((cells, i) => planner.planRow(cells, i + 2));
}

const created = <C extends ImportableCollection>(p: RowPlan<C> | undefined) => {
  if (p?.action !== 'create') throw new Error(`expected a create, got ${JSON.stringify(p)}`);
  return p.body as { ownerId: string; teamId: string };
};

describe('an import’s owner column', () => {
  it('gives each contact, company and lead to the user it names by email, in that user’s team', () => {
    const contacts = plan('contacts', 'First name,Last name,Owner email\nEva,Lind,BEN@outpost.test\nIan,Roe,\n');
    expect(created(contacts[0])).toMatchObject({ ownerId: USER_B, teamId: TEAM });
    // A row that names nobody is the importer's, as before.
    expect(created(contacts[1])).toMatchObject({ ownerId: USER_A, teamId: TEAM });
    const companies = plan('companies', 'Company name,Company owner\nAcme,dan@outpost.test\n');
    expect(created(companies[0])).toMatchObject({ ownerId: USER_ELSEWHERE, teamId: OTHER_TEAM });
    const leads = plan('leads', 'Last name,Lead Owner\nRoe,ben@outpost.test\n');
    expect(created(leads[0])).toMatchObject({ ownerId: USER_B });
  });

  it('finds an owner another CRM exported by name, without case or accents', () => {
    // HubSpot's contact export: "Contact owner" holds the owner's name.
    const plans = plan('contacts', 'First Name,Last Name,Contact owner\nEva,Lind,BEN ÓRTIZ\nIan,Roe,Jane Doe\n');
    expect(created(plans[0])).toMatchObject({ ownerId: USER_B, teamId: TEAM });
    expect(plans[1]).toMatchObject({
      action: 'reject',
      errors: [{ field: 'owner', problem: 'ownerNotFound', detail: 'Jane Doe' }],
    });
  });

  it('refuses an owner who is unknown or inactive, naming the address', () => {
    const plans = plan('contacts', 'Last name,Owner\nRoe,nobody@outpost.test\nLind,gone@outpost.test\n');
    expect(plans[0]).toEqual({
      action: 'reject',
      line: 2,
      errors: [{ field: 'owner', problem: 'ownerNotFound', detail: 'nobody@outpost.test' }],
    });
    expect(plans[1]).toMatchObject({ action: 'reject', errors: [{ field: 'owner', problem: 'ownerNotFound' }] });
  });

  it('refuses an owner the importer may not give records to, as the server would', () => {
    const csv = 'Last name,Owner\nRoe,ben@outpost.test\nLind,ana@outpost.test\nKo,dan@outpost.test\n';
    // An account executive creates contacts of their own only.
    const rep = plan('contacts', csv, { actor: { role: 'ACCOUNT_EXECUTIVE' } });
    expect(rep[0]).toEqual({ action: 'reject', line: 2, errors: [{ field: 'owner', problem: 'ownerNotAllowed' }] });
    expect(created(rep[1]).ownerId).toBe(USER_A);
    // A supervisor gives records to their own team, not to another.
    const supervisor = plan('contacts', csv, { actor: { role: 'SUPERVISOR' } });
    expect(created(supervisor[0]).ownerId).toBe(USER_B);
    expect(supervisor[2]).toMatchObject({ action: 'reject', errors: [{ field: 'owner', problem: 'ownerNotAllowed' }] });
  });

  it('leaves who owns a record already there as it is when the file updates it', () => {
    const index = new DuplicateIndex();
    const first = plan('contacts', 'Last name,Email,Owner\nLind,eva@acme.example,ben@outpost.test\n', { index });
    expect(created(first[0]).ownerId).toBe(USER_B);
    const again = plan('contacts', 'Last name,Email,Title,Owner\nLind,eva@acme.example,CTO,ana@outpost.test\n', {
      index,
      duplicates: 'update',
    });
    expect(again[0]).toMatchObject({ action: 'update', changes: { title: 'CTO' } });
    expect((again[0] as { changes: object }).changes).not.toHaveProperty('ownerId');
    expect((again[0] as { changes: object }).changes).not.toHaveProperty('teamId');
  });
});
