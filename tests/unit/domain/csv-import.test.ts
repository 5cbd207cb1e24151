import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DuplicateIndex } from '@domain/duplicates';
import {
  decideDuplicate,
  indexImported,
  parseCsv,
  parseDateCell,
  parseMoneyCell,
  rejectedRowsCsv,
  rowToRecord,
  suggestMapping,
  type ImportLookups,
} from '@domain/csv-import';
import type { RecordBody } from '@domain/record-edits';
import { createRecordValidator } from '@domain/record-validation/record-validator';
import { BASE_MS, ctxAt, TEAM, testId, USER_A } from './fixtures';

const validator = createRecordValidator();
const options = { dateOrder: 'DMY' as const, currency: 'EUR', locale: 'es' };
const writeLookups = { pipeline: () => undefined, nowMs: BASE_MS + 60_000, pipelineMayBePending: true };
const ACME = testId(0xc1);
const GLOBEX = testId(0xc2);
const lookups: ImportLookups = {
  companyIdByNameKey: (key) => (key === 'acme' ? ACME : undefined),
  companyIdByDomain: (domain) => (domain === 'globex.io' ? GLOBEX : undefined),
  contactIdByEmail: () => undefined,
};
const contactBase: RecordBody<'contacts'> = {
  ownerId: USER_A,
  teamId: TEAM,
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  mobile: '',
  title: '',
  companyId: '',
  address: {},
  source: 'import',
  tags: [],
  notes: '',
};

function importContacts(text: string) {
  const table = parseCsv(text);
  const mapping = suggestMapping(table.headers, 'contacts');
  const outcomes = table.rows.map((cells, i) =>
    rowToRecord({
      collection: 'contacts',
      cells,
      mapping,
      base: contactBase,
      options,
      lookups,
      validator,
      ctx: ctxAt(1),
      writeLookups,
      id: testId(100 + i),
    }),
  );
  return { table, mapping, outcomes };
}

describe('CSV import', () => {
  it('reads a HubSpot export with a BOM, maps its headers and links contacts to companies by name or domain', () => {
    const { table, mapping, outcomes } = importContacts(
      readFileSync('tests/fixtures/csv/hubspot-contacts.csv', 'utf8'),
    );
    expect(table.headers[0]).toBe('First Name');
    expect(mapping).toEqual(['firstName', 'lastName', 'email', 'phone', 'company', 'title', null]);
    expect(outcomes[0]).toMatchObject({
      ok: true,
      body: { firstName: 'Ana', email: 'ana.perez@example.com', companyId: ACME },
    });
    expect(outcomes[2]).toMatchObject({ ok: true, body: { companyId: GLOBEX, title: 'Head of\r\nSales' } });
  });

  it('refuses a bad row with its line number and the reason, and reports it as CSV to fix and import again', () => {
    const { table, outcomes } = importContacts(readFileSync('tests/fixtures/csv/hubspot-contacts.csv', 'utf8'));
    const rejected = outcomes.flatMap((o, i) =>
      o.ok
        ? []
        : [
            {
              line: i + 2,
              cells: table.rows[i]!,
              errors: o.errors.map((e) => ({ field: e.field, reason: e.problem })),
            },
          ],
    );
    expect(rejected).toEqual([{ line: 3, cells: table.rows[1], errors: [{ field: 'email', reason: 'invalidEmail' }] }]);
    const text = rejectedRowsCsv(table, rejected, 'Line', 'Errors');
    expect(text.startsWith('\ufeffFirst Name,')).toBe(true);
    const report = parseCsv(text);
    expect(report.headers.slice(-2)).toEqual(['Line', 'Errors']);
    expect(report.rows).toEqual([[...table.rows[1]!, '3', 'email: invalidEmail']]);
  });

  it('reads a semicolon-separated file with Spanish headers', () => {
    const { mapping, outcomes } = importContacts(
      'Nombre;Apellidos;Correo electrónico;Teléfono;Empresa;Etiquetas\nLuis;García;LUIS@EJEMPLO.ES;600 123 456;acme;vip, feria\n',
    );
    expect(mapping).toEqual(['firstName', 'lastName', 'email', 'phone', 'company', 'tags']);
    expect(outcomes[0]).toMatchObject({
      ok: true,
      body: { email: 'luis@ejemplo.es', companyId: ACME, tags: ['vip', 'feria'] },
    });
  });

  it('maps the email our export writes beside an owner’s or contact’s name, in either language and either order', () => {
    expect(suggestMapping(['Deal name', 'Contact', 'Contact email', 'Owner', 'Owner email'], 'deals')).toEqual([
      'title',
      null,
      'contact',
      null,
      'owner',
    ]);
    expect(
      suggestMapping(['Correo del responsable', 'Responsable', 'Correo del contacto', 'Contacto'], 'deals'),
    ).toEqual(['owner', null, 'contact', null]);
    expect(suggestMapping(['Email - Other', 'Email'], 'contacts')).toEqual([null, 'email']);
  });

  it('reads a cell our export kept from running as a formula as the value it holds', () => {
    const { outcomes } = importContacts("Email,Phone,Company\nx@y.com,'+52 55 1234 5678,'=acme\n");
    expect(outcomes[0]).toMatchObject({ ok: true, body: { phone: '+52 55 1234 5678', companyId: ACME } });
  });

  it('says which company it could not find instead of importing the contact without one', () => {
    const { outcomes } = importContacts('Email,Company\nx@y.com,Initech\n');
    expect(outcomes[0]).toEqual({
      ok: false,
      errors: [{ field: 'company', problem: 'companyNotFound', detail: 'Initech' }],
    });
  });

  it('refuses what the server would refuse: a field longer than its schema allows', () => {
    const { outcomes } = importContacts(`First Name,Email\n${'a'.repeat(101)},a@b.co\n`);
    expect(outcomes[0]).toMatchObject({ ok: false, errors: [{ field: 'firstName', problem: 'invalid' }] });
  });

  it('reads dates in the order the person chose and refuses impossible ones', () => {
    expect(parseDateCell('04/03/2026', 'DMY')).toEqual({ ok: true, value: '2026-03-04' });
    expect(parseDateCell('04/03/2026', 'MDY')).toEqual({ ok: true, value: '2026-04-03' });
    expect(parseDateCell('2026-03-04', 'ISO')).toEqual({ ok: true, value: '2026-03-04' });
    expect(parseDateCell('31/02/2026', 'DMY')).toEqual({ ok: false, problem: 'invalidDate' });
  });

  it('reads amounts into minor units in the currency the cell names, or the import default', () => {
    expect(parseMoneyCell('1.234,50 €', options)).toEqual({ ok: true, value: { amount: 123450, currency: 'EUR' } });
    expect(parseMoneyCell('USD 99.90', { ...options, locale: 'en' })).toEqual({
      ok: true,
      value: { amount: 9990, currency: 'USD' },
    });
    expect(parseMoneyCell('1500', { ...options, currency: 'JPY' })).toEqual({
      ok: true,
      value: { amount: 1500, currency: 'JPY' },
    });
    expect(parseMoneyCell('lots', options)).toEqual({ ok: false, problem: 'invalidMoney' });
  });

  it('skips or updates a row whose email is already there, and catches a file that lists the same person twice', () => {
    const index = new DuplicateIndex();
    const ana = { ...contactBase, email: 'ana@example.com' };
    expect(decideDuplicate('contacts', ana, index, 'skip')).toEqual({ action: 'create' });
    indexImported('contacts', testId(1), ana, index);
    const again = { ...contactBase, email: 'ANA@example.com' };
    expect(decideDuplicate('contacts', again, index, 'skip')).toEqual({ action: 'skip', id: testId(1) });
    expect(decideDuplicate('contacts', again, index, 'update')).toEqual({ action: 'update', id: testId(1) });
    expect(decideDuplicate('contacts', again, index, 'create')).toEqual({ action: 'create' });
  });
});
