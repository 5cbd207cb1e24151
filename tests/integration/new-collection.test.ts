import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionGrant } from '../../domain/auth-protocol';
import type * as Registry from '../../domain/collections';
import type { CollectionName } from '../../domain/collections';
import { HybridClock } from '../../domain/hlc';
import { uuidv7 } from '../../domain/ids';
import { createRecord, editRecord } from '../../domain/record-edits';
import { removalStub } from '../../domain/removal-stub';
import { canRestoreLostValue } from '../../domain/restorable-fields';
import type { PushResponse, PushRow } from '../../domain/sync-protocol';
import { createRecordValidator } from '@domain/record-validation/record-validator';
import type { Invoice } from '../support/invoice-collection';
import {
  TEST_PASSWORD,
  addUser,
  httpCall,
  pullEverythingAs,
  pushAs,
  setupOwner,
  signIn,
  startTeamServer,
  type TeamServer,
} from '../support/team-auth';
import { SERVER_TARGETS, type ServerTarget } from './server-targets';

/**
 * Adding a collection is one file (its definition) and one line in the registry
 * (docs/adr/0023-collection-definitions.md). This registers a collection the app does not have —
 * invoices, tests/support/invoice-collection.ts — exactly so, and checks that the real server
 * validates, migrates, judges, stores and filters it from that definition alone.
 */
vi.mock('../../domain/collections', async (importOriginal) => {
  const real = await importOriginal<typeof Registry>();
  const { invoices } = await import('../support/invoice-collection');
  // The one line: the registry's list with the new definition.
  const definitions = [...real.COLLECTION_DEFINITIONS, invoices];
  return { ...real, ...real.registryOf(definitions), COLLECTION_DEFINITIONS: definitions };
});

/** The name the app's types do not know: the collection exists only in this test's registry. */
const INVOICES = 'invoices' as CollectionName;

type WireInvoice = Invoice & { _deleted: boolean };

for (const target of SERVER_TARGETS) describeNewCollection(target);

function describeNewCollection(target: ServerTarget) {
  describe(`a collection registered by its definition alone — ${target.name}`, () => {
    let server: TeamServer;
    let manager: SessionGrant;
    let ana: SessionGrant;
    let bruno: SessionGrant;
    const clock = new HybridClock('invoices');
    const stamp = (userId: string) => ({ userId, hlc: clock.now(), now: new Date().toISOString() });

    const newInvoice = (by: SessionGrant, fields: Partial<Invoice> = {}): WireInvoice => {
      const body = {
        accountManagerId: by.user.id,
        teamId: by.user.teamId,
        number: 'INV-0042',
        total: { amount: 125_000, currency: 'USD' },
        dueAt: '2026-09-30T00:00:00.000Z',
        ...fields,
      };
      const doc = createRecord(INVOICES, uuidv7(), body as never, stamp(by.user.id)) as unknown as Invoice;
      return { ...doc, _deleted: false };
    };
    const pushInvoices = async (by: SessionGrant, rows: PushRow[], schemaVersion?: number) => {
      const query = schemaVersion === undefined ? '' : `?schemaVersion=${schemaVersion}`;
      const answer =
        schemaVersion === undefined
          ? await pushAs(server.url, by.accessToken, INVOICES, rows)
          : await httpCall<PushResponse>(`${server.url}/sync/invoices/push${query}`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${by.accessToken}` },
              body: JSON.stringify({ rows }),
            });
      expect(answer.status, answer.text).toBe(200);
      return answer.body;
    };
    const created = (doc: object): PushRow => ({ newDocumentState: doc as never, assumedMasterState: null });
    const stored = async (id: string) => (await server.store.getRecords(INVOICES, [id])).get(id);
    const pulledIds = async (who: SessionGrant) =>
      (await pullEverythingAs(server.url, who.accessToken, INVOICES)).documents.map((d) => d.id);

    beforeAll(async () => {
      server = await startTeamServer({ dbUrl: await target.newDbUrl() });
      manager = await setupOwner(server.url, {
        name: 'Marta Manager',
        email: 'manager@outpost.test',
        password: TEST_PASSWORD,
        teamName: 'Team A',
      });
      for (const [name, email] of [
        ['Ana Exec', 'ana@outpost.test'],
        ['Bruno Exec', 'bruno@outpost.test'],
      ] as const) {
        await addUser(server.url, manager.accessToken, {
          name,
          email,
          role: 'ACCOUNT_EXECUTIVE',
          teamId: manager.user.teamId,
          password: TEST_PASSWORD,
        });
      }
      ana = await signIn(server.url, 'ana@outpost.test');
      bruno = await signIn(server.url, 'bruno@outpost.test');
    });
    afterAll(async () => {
      await server?.close();
    });

    it('refuses invoices its schema refuses: a fractional total, an unknown field', async () => {
      const fractional = newInvoice(ana, { total: { amount: 12.5, currency: 'USD' } });
      const unknownField = { ...newInvoice(ana), discount: 5 };
      const answer = await pushInvoices(ana, [created(fractional), created(unknownField)]);
      expect(answer.rejected.map((r) => [r.id, r.code])).toEqual([
        [fractional.id, 'schema.invalid'],
        [unknownField.id, 'schema.invalid'],
      ]);
      expect(await stored(fractional.id)).toBeUndefined();
      expect(await stored(unknownField.id)).toBeUndefined();
    });

    it('stores an invoice under the owner and team its definition names; only its owner and the manager pull it', async () => {
      const invoice = newInvoice(ana);
      expect(invoice.numberKey, 'derived by the definition on create').toBe('inv-0042');
      expect(await pushInvoices(ana, [created(invoice)])).toEqual({ conflicts: [], rejected: [] });

      expect(await stored(invoice.id)).toMatchObject({ ownerId: ana.user.id, teamId: ana.user.teamId });
      expect(await pulledIds(ana)).toContain(invoice.id);
      expect(await pulledIds(manager)).toContain(invoice.id);
      expect(await pulledIds(bruno)).not.toContain(invoice.id);
    });

    it("judges writes by the invoice's own rules: an issued number stays, a due date is a real one", async () => {
      const invoice = newInvoice(ana);
      await pushInvoices(ana, [created(invoice)]);
      const renumbered = {
        ...editRecord(INVOICES, invoice as never, { number: 'INV-9999' } as never, stamp(ana.user.id))!,
        _deleted: false,
      };
      const farDue = newInvoice(ana, { dueAt: '9999-12-31T00:00:00.000Z' });
      const answer = await pushInvoices(ana, [
        { newDocumentState: renumbered as never, assumedMasterState: invoice as never },
        created(farDue),
      ]);
      expect(answer.rejected.map((r) => [r.id, r.code, r.params?.field])).toEqual([
        [invoice.id, 'record.immutableField', 'number'],
        [farDue.id, 'record.dateOutOfRange', 'dueAt'],
      ]);
    });

    it('archives invoices instead of removing them, as its definition says', async () => {
      const invoice = newInvoice(ana);
      await pushInvoices(ana, [created(invoice)]);
      const removed = { ...invoice, _deleted: true };
      const answer = await pushInvoices(ana, [
        { newDocumentState: removed as never, assumedMasterState: invoice as never },
      ]);
      expect(answer.rejected.map((r) => r.code)).toEqual(['record.hardDeleteForbidden']);
      expect(await stored(invoice.id)).toMatchObject({ deleted: false });
    });

    it('migrates an invoice from a device still on version 0 before judging and storing it', async () => {
      const { number, ...current } = newInvoice(ana, { number: 'INV-0100' });
      const v0 = { ...current, invoiceNo: number };
      expect(await pushInvoices(ana, [created(v0)], 0)).toEqual({ conflicts: [], rejected: [] });
      const body = (await stored(v0.id))!.body;
      expect(body).toMatchObject({ number: 'INV-0100' });
      expect(body).not.toHaveProperty('invoiceNo');
    });

    it('sends removals of invoices as stubs its schema accepts, and keeps its governed number out of "Use mine"', () => {
      const stub = removalStub(INVOICES, uuidv7(), clock.now());
      expect(createRecordValidator().validate(INVOICES, stub)).toBeNull();
      expect(canRestoreLostValue(INVOICES, 'total')).toBe(true);
      expect(canRestoreLostValue(INVOICES, 'number')).toBe(false);
      expect(canRestoreLostValue(INVOICES, 'numberKey')).toBe(false);
    });
  });
}
