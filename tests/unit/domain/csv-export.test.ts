import { describe, expect, it } from 'vitest';
import { recordsToCsv, type ExportLookups } from '@domain/csv-export';
import { parseCsv } from '@domain/csv-import';
import { makeContact, makeDeal, salesPipeline, STAGE, testId, USER_A } from './fixtures';

const lookups: ExportLookups = {
  companyName: (id) => (id === testId(0xc001) ? 'Distribuidora Núñez' : undefined),
  contactName: (id) => (id === testId(0xc101) ? 'María José Núñez' : undefined),
  contactEmail: (id) => (id === testId(0xc101) ? 'mariajose@example.mx' : undefined),
  userName: (id) => (id === USER_A ? 'Ana Admin' : undefined),
  userEmail: (id) => (id === USER_A ? 'ana@example.com' : undefined),
  pipelineName: (id) => (id === salesPipeline().id ? 'Sales' : undefined),
  stageName: (id) => salesPipeline().stages.find((s) => s.id === id)?.name,
};

describe('CSV export', () => {
  it('starts with a UTF-8 BOM and ends rows with CRLF, so Excel reads accents and lines', () => {
    const csv = recordsToCsv({
      collection: 'contacts',
      columns: [{ field: 'lastName', header: 'Last name' }],
      records: [makeContact()],
      lookups,
      currencyHeader: 'Currency',
    });
    expect(csv).toBe('\ufeffLast name\r\nNúñez');
  });

  it('writes companies, contacts and owners by name instead of their ids', () => {
    const csv = recordsToCsv({
      collection: 'deals',
      columns: [
        { field: 'companyId', header: 'Company' },
        { field: 'contactId', header: 'Contact' },
        { field: 'ownerId', header: 'Owner' },
      ],
      records: [makeDeal(), makeDeal({ companyId: '', contactId: testId(0x999) })],
      lookups,
      currencyHeader: 'Currency',
    });
    expect(parseCsv(csv).rows).toEqual([
      ['Distribuidora Núñez', 'María José Núñez', 'Ana Admin'],
      ['', '', 'Ana Admin'],
    ]);
  });

  it('writes a contact and an owner by email in an email column, for an import to find them, and a stage by its name', () => {
    const csv = recordsToCsv({
      collection: 'deals',
      columns: [
        { field: 'contactId', header: 'Contact' },
        { field: 'contactId', header: 'Contact email', by: 'email' },
        { field: 'ownerId', header: 'Owner' },
        { field: 'ownerId', header: 'Owner email', by: 'email' },
        { field: 'pipelineId', header: 'Pipeline' },
        { field: 'stageId', header: 'Stage' },
      ],
      records: [makeDeal({ stageId: STAGE.demo }), makeDeal({ contactId: '' })],
      lookups,
      currencyHeader: 'Currency',
    });
    expect(parseCsv(csv).rows).toEqual([
      ['María José Núñez', 'mariajose@example.mx', 'Ana Admin', 'ana@example.com', 'Sales', 'Demo'],
      ['', '', 'Ana Admin', 'ana@example.com', 'Sales', 'Qualified'],
    ]);
  });

  it('writes money as a plain decimal followed by its currency, and dates as ISO', () => {
    const csv = recordsToCsv({
      collection: 'deals',
      columns: [
        { field: 'title', header: 'Title' },
        { field: 'value', header: 'Value' },
        { field: 'expectedCloseDate', header: 'Close date' },
        { field: 'probability', header: 'Probability' },
      ],
      records: [
        makeDeal({ value: { amount: 123_456_78, currency: 'USD' }, probability: 40 }),
        makeDeal({ value: { amount: 1500, currency: 'JPY' }, expectedCloseDate: '' }),
      ],
      lookups,
      currencyHeader: 'Currency',
    });
    const table = parseCsv(csv);
    expect(table.headers).toEqual(['Title', 'Value', 'Currency', 'Close date', 'Probability']);
    expect(table.rows).toEqual([
      ['Summit Foods — Annual subscription', '123456.78', 'USD', '2026-04-15', '40'],
      ['Summit Foods — Annual subscription', '1500', 'JPY', '', ''],
    ]);
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    const csv = recordsToCsv({
      collection: 'contacts',
      columns: [
        { field: 'firstName', header: 'First' },
        { field: 'lastName', header: 'Last' },
        { field: 'title', header: 'Title' },
        { field: 'notes', header: 'Notes' },
        { field: 'phone', header: 'Phone' },
        { field: 'tags', header: '=Tags' },
      ],
      records: [
        makeContact({
          firstName: '=HYPERLINK("http://evil.example","x")',
          lastName: '@SUM(A1)',
          title: '+1',
          notes: '\tcmd',
          phone: '-2',
          tags: ['-vip', 'b'],
        }),
        makeContact({ firstName: 'a=b', lastName: 'Núñez', title: '', notes: '\rx', phone: '', tags: [] }),
      ],
      lookups,
      currencyHeader: 'Currency',
    });
    const table = parseCsv(csv);
    expect(table.headers[5]).toBe("'=Tags");
    expect(table.rows).toEqual([
      ['\'=HYPERLINK("http://evil.example","x")', "'@SUM(A1)", "'+1", "'\tcmd", "'-2", "'-vip, b"],
      ['a=b', 'Núñez', '', "'\rx", '', ''],
    ]);
  });

  it('writes a semicolon file with decimal commas for spreadsheets in comma-decimal locales', () => {
    const csv = recordsToCsv({
      collection: 'deals',
      columns: [
        { field: 'title', header: 'Título' },
        { field: 'value', header: 'Valor' },
      ],
      records: [makeDeal({ title: 'Uno; dos', value: { amount: -1_234_50, currency: 'EUR' } })],
      lookups,
      currencyHeader: 'Moneda',
      separator: ';',
    });
    expect(csv).toBe('\ufeffTítulo;Valor;Moneda\r\n"Uno; dos";-1234,50;EUR');
  });
});
