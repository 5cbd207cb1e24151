import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionGrant } from '../../domain/auth-protocol';
import type { CollectionName } from '../../domain/collections';
import { uuidv7 } from '../../domain/ids';
import type { Deal } from '../../domain/schemas/deal';
import type { Lead } from '../../domain/schemas/lead';
import type { PushRejection, PushRow, SyncDocument } from '../../domain/sync-protocol';
import { callBody, dealBody } from '../support/record-bodies';
import { changed, created, leadBody, push, RecordFactory, type PushAnswer } from '../support/protocol-client';
import {
  addUser,
  pushAs,
  setupOwner,
  signIn,
  startTeamServer,
  TEST_PASSWORD,
  type TeamServer,
} from '../support/team-auth';
import { startTestServer, type TestServer } from '../support/test-server';
import { SERVER_TARGETS, type ServerTarget } from './server-targets';

/**
 * Documents of the right shape that no honest device writes: field clocks from the far future or
 * for fields that do not exist, dates in the year 9999, invariants broken. Each such row is refused
 * alone, with a code the device can show, and nothing of it is stored; the rows around it are.
 */

const FAR_FUTURE_CLOCK = '999999999999999-00000-evil';
const YEAR_9999 = '9999-12-31T00:00:00.000Z';

type Doc = SyncDocument & Record<string, unknown>;

for (const target of SERVER_TARGETS) {
  describeRefusedRows(target);
  describeReferencesByRole(target);
}

function describeRefusedRows(target: ServerTarget) {
  describe(`push rows the write rules refuse — ${target.name}`, () => {
    let server: TestServer;
    const device = new RecordFactory('honest');

    beforeAll(async () => {
      // Creates of most collections are judged on a decoder thread, as the CLI runs: both paths count.
      server = await startTestServer({ dbUrl: await target.newDbUrl(), decoderThreads: 1 });
    });
    afterAll(async () => {
      await server?.close();
    });

    const newDoc = (collection: CollectionName): Doc => {
      if (collection === 'leads') return device.create('leads', leadBody()) as Doc;
      if (collection === 'activities') return device.create('activities', callBody(uuidv7())) as Doc;
      return device.create('deals', dealBody()) as Doc;
    };

    /**
     * Pushes `bad` between two honest new records of its collection: exactly `bad` is refused, with
     * `code` (and `field` when given), and only the honest rows are stored.
     */
    async function expectRefusedAlone(
      collection: CollectionName,
      bad: Doc,
      code: string,
      field?: string,
      assumed: SyncDocument | null = null,
    ): Promise<PushRejection> {
      const before = assumed ? (await server.store.getRecords(collection, [bad.id])).get(bad.id) : undefined;
      const honest = [newDoc(collection), newDoc(collection)];
      const rows: PushRow[] = [
        created(honest[0]!),
        { newDocumentState: bad, assumedMasterState: assumed },
        created(honest[1]!),
      ];
      const answer: PushAnswer = await push(server.url, collection, rows);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.conflicts).toEqual([]);
      expect(answer.body.rejected.map((r) => ({ id: r.id, code: r.code, field: r.params?.field }))).toEqual([
        { id: bad.id, code, field },
      ]);
      const rejection = answer.body.rejected[0]!;
      expect(rejection.message.length).toBeGreaterThan(0);
      const stored = await server.store.getRecords(collection, [bad.id, ...honest.map((d) => d.id)]);
      expect(stored.get(bad.id)).toEqual(before);
      for (const doc of honest) expect(stored.get(doc.id)?.hlc, 'the honest rows are written').toBe(doc.hlc);
      return rejection;
    }

    describe('field clocks and lost edits', () => {
      it('refuses a field clock in the year 33658, which would freeze the field on every device', async () => {
        const deal = newDoc('deals');
        await expectRefusedAlone(
          'deals',
          { ...deal, clocks: { title: FAR_FUTURE_CLOCK } },
          'record.invalidFieldClock',
          'title',
        );
      });

      it('refuses a field clock that is not a clock', async () => {
        const deal = newDoc('deals');
        await expectRefusedAlone(
          'deals',
          { ...deal, clocks: { title: 'garbage' } },
          'record.invalidFieldClock',
          'title',
        );
      });

      it('refuses a field clock later than the record’s hlc', async () => {
        const deal = newDoc('deals');
        const later = `${deal.hlc.slice(0, 22)}zzzz`;
        await expectRefusedAlone('deals', { ...deal, clocks: { notes: later } }, 'record.invalidFieldClock', 'notes');
      });

      it('refuses a clock for a field the collection does not have, or one no edit stamps', async () => {
        for (const field of ['nope', 'titleKey', 'hlc']) {
          const deal = newDoc('deals');
          await expectRefusedAlone(
            'deals',
            { ...deal, clocks: { [field]: deal.hlc } },
            'record.clockOfUnknownField',
            field,
          );
        }
      });

      it('refuses lost edits from the future or of fields that do not exist', async () => {
        const lead = newDoc('leads');
        await expectRefusedAlone(
          'leads',
          { ...lead, lostEdits: [{ field: 'firstName', clock: FAR_FUTURE_CLOCK }] },
          'record.invalidLostEdit',
          'firstName',
        );
        const other = newDoc('leads');
        await expectRefusedAlone(
          'leads',
          { ...other, lostEdits: [{ field: 'nope', clock: other.hlc }] },
          'record.invalidLostEdit',
          'nope',
        );
      });

      it('refuses an edit that forges a clock, handing the device back the stored version', async () => {
        const deal = device.create('deals', dealBody({ title: 'Clocked' }));
        await push(server.url, 'deals', [created(deal)]);
        const edit = device.edit('deals', deal, { notes: 'called back' }) as Doc;
        const forged = { ...edit, clocks: { ...edit.clocks, title: FAR_FUTURE_CLOCK } };
        const rejection = await expectRefusedAlone('deals', forged, 'record.invalidFieldClock', 'title', deal);
        expect(rejection.master).toMatchObject({ id: deal.id, hlc: deal.hlc, clocks: {} });
        // The honest version of that edit is accepted.
        const answer = await push(server.url, 'deals', [changed(edit, deal)]);
        expect(answer.body.rejected).toEqual([]);
      });
    });

    describe('values and dates', () => {
      it('refuses a negative deal value and a negative lead estimate', async () => {
        const deal = newDoc('deals');
        await expectRefusedAlone('deals', { ...deal, value: { amount: -1, currency: 'USD' } }, 'deal.negativeValue');
        const lead = newDoc('leads');
        await expectRefusedAlone(
          'leads',
          { ...lead, estimatedValue: { amount: -4_500_000, currency: 'USD' } },
          'lead.negativeEstimate',
        );
      });

      it('refuses dates in the year 9999: a close date, a due date, a creation time', async () => {
        const deal = newDoc('deals');
        const refused = await expectRefusedAlone(
          'deals',
          { ...deal, expectedCloseDate: '9999-12-31' },
          'record.dateOutOfRange',
          'expectedCloseDate',
        );
        expect(refused.params).toMatchObject({ min: '1970-01-01' });
        const call = newDoc('activities');
        await expectRefusedAlone('activities', { ...call, dueAt: YEAR_9999 }, 'record.dateOutOfRange', 'dueAt');
        const lead = newDoc('leads');
        await expectRefusedAlone('leads', { ...lead, createdAt: YEAR_9999 }, 'record.timeOutOfRange', 'createdAt');
        const closed = newDoc('deals');
        await expectRefusedAlone(
          'deals',
          { ...closed, status: 'WON', closedAt: YEAR_9999 } as Doc,
          'record.timeOutOfRange',
          'closedAt',
        );
      });
    });

    describe('invariants', () => {
      it('refuses an open deal with a close time', async () => {
        const deal = newDoc('deals');
        await expectRefusedAlone('deals', { ...deal, closedAt: deal.createdAt }, 'deal.closedAtOfOpenDeal');
      });

      it('refuses a deal in a stage its pipeline does not have', async () => {
        const deal = newDoc('deals');
        await expectRefusedAlone('deals', { ...deal, stageId: uuidv7() }, 'deal.unknownStage');
      });

      it('refuses a lead that links a converted deal or a conversion time without being converted', async () => {
        const linked = newDoc('leads');
        await expectRefusedAlone('leads', { ...linked, convertedDealId: uuidv7() }, 'lead.notConverted');
        const timed = newDoc('leads');
        await expectRefusedAlone('leads', { ...timed, convertedAt: timed.createdAt }, 'lead.notConverted');
      });

      it('refuses a converted lead without its deal or conversion time', async () => {
        const lead = newDoc('leads') as unknown as Lead & Doc;
        const converted = {
          ...lead,
          status: 'CONVERTED',
          qualifiedAt: lead.createdAt,
          contactId: uuidv7(),
          convertedDealId: uuidv7(),
          convertedAt: null,
        };
        await expectRefusedAlone('leads', converted as Doc, 'lead.conversionIncomplete');
      });

      it('accepts a converted lead whose deal has not reached the server: it may be in a push of its own', async () => {
        const lead = newDoc('leads');
        const converted = {
          ...lead,
          status: 'CONVERTED',
          qualifiedAt: lead.createdAt,
          contactId: uuidv7(),
          convertedDealId: uuidv7(),
          convertedAt: lead.createdAt,
        };
        const answer = await push(server.url, 'leads', [created(converted as SyncDocument)]);
        expect(answer.body).toEqual({ conflicts: [], rejected: [] });
      });

      it('accepts a deal whose contact and company have not reached the server', async () => {
        const deal = device.create('deals', dealBody({ contactId: uuidv7(), companyId: uuidv7() }));
        const answer = await push(server.url, 'deals', [created(deal)]);
        expect(answer.body).toEqual({ conflicts: [], rejected: [] });
      });
    });
  });
}

/**
 * A pipeline is made only by someone who may manage pipelines. Their device may hold one the
 * server has not received (made offline, in a push of its own); everyone else only has the
 * pipelines the server sent them, so a deal of theirs on an unknown pipeline is refused.
 */
function describeReferencesByRole(target: ServerTarget) {
  describe(`a deal's pipeline must exist unless its writer may have made it — ${target.name}`, () => {
    let server: TeamServer;
    let manager: SessionGrant;
    let executive: SessionGrant;
    const device = new RecordFactory('roles');

    beforeAll(async () => {
      server = await startTeamServer({ dbUrl: await target.newDbUrl() });
      manager = await setupOwner(server.url, {
        name: 'Marta Manager',
        email: 'manager@outpost.test',
        password: TEST_PASSWORD,
        teamName: 'Team A',
      });
      const teamId = manager.user.teamId;
      await addUser(server.url, manager.accessToken, {
        name: 'Ana Exec',
        email: 'ae@outpost.test',
        role: 'ACCOUNT_EXECUTIVE',
        teamId,
        password: TEST_PASSWORD,
      });
      executive = await signIn(server.url, 'ae@outpost.test');
    });
    afterAll(async () => {
      await server?.close();
    });

    const dealOf = (grant: SessionGrant, overrides: Partial<Deal> = {}) =>
      device.create(
        'deals',
        dealBody({ ownerId: grant.user.id, teamId: grant.user.teamId, pipelineId: uuidv7(), ...overrides }),
      );

    it('refuses an account executive’s deal on a pipeline that does not exist, and stores their others', async () => {
      const nowhere = dealOf(executive);
      const honest = dealOf(executive, { pipelineId: dealBody().pipelineId });
      const answer = await pushAs(server.url, executive.accessToken, 'deals', [created(nowhere), created(honest)]);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.rejected.map((r) => [r.id, r.code])).toEqual([[nowhere.id, 'deal.unknownPipeline']]);
      const stored = await server.store.getRecords('deals', [nowhere.id, honest.id]);
      expect([...stored.keys()]).toEqual([honest.id]);
    });

    it('accepts the Sales Manager’s deal on a pipeline the server has not received yet', async () => {
      const pending = dealOf(manager);
      const answer = await pushAs(server.url, manager.accessToken, 'deals', [created(pending)]);
      expect(answer.body).toEqual({ conflicts: [], rejected: [] });
    });
  });
}
