import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../domain/collections';
import { defaultMergeChoices, planMerge } from '../../domain/record-merge';
import type { Contact } from '../../domain/schemas/contact';
import { readMergeRelated, undoMerge, writeMerge } from '../../renderer/db/merge-writes';
import { readRecord } from '../../renderer/db/record-reads';
import { SYNC_LOCAL_DOCS, type RejectedChange } from '../../renderer/db/sync/sync-journal';
import { insertRecord, updateRecord } from '../../renderer/db/record-writes';
import { convertLead, newConversionIds } from '../../renderer/features/leads/convert-lead';
import { leadBody } from '../support/protocol-client';
import { PIPELINE, callBody, contactBody, dealBody } from '../support/record-bodies';
import { createTestDevice, type TestDevice } from '../support/sync-device';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * A merge and a conversion are ordinary local edits of several records: pushed through the real
 * server, accepted by its write checks, and pulled by another device into the same end state.
 */

let server: TestServer;
const devices: TestDevice[] = [];

async function device(name: string, collections: CollectionName[]) {
  const d = await createTestDevice({ serverUrl: server.url, collections, name });
  devices.push(d);
  return d;
}

/** The writes the server refused on this device, as the journal keeps them for the user. */
async function refused(d: TestDevice): Promise<readonly RejectedChange[]> {
  return (await d.db.getLocal<{ items: RejectedChange[] }>(SYNC_LOCAL_DOCS.rejections))?.toJSON().data.items ?? [];
}

async function inSync(...all: TestDevice[]) {
  for (let round = 0; round < 2; round++) for (const d of all) await d.engine.awaitInSync();
}

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await Promise.all(devices.splice(0).map((d) => d.close()));
});
afterAll(async () => {
  await server.close();
});

const MERGE_COLLECTIONS: CollectionName[] = ['contacts', 'leads', 'deals', 'activities'];

describe('merging two contacts through the sync server', () => {
  it('converges on a second device: one contact left, every related record pointing at it, the other restorable', async () => {
    const a = await device('alpha', MERGE_COLLECTIONS);
    const b = await device('bravo', MERGE_COLLECTIONS);
    const keep = await insertRecord(a.ws, 'contacts', contactBody({ email: 'lucia@andes.example', phone: '' }));
    const twin = await insertRecord(
      a.ws,
      'contacts',
      contactBody({ email: 'lucia.fernandez@andes.example', phone: '+57 601 555 0199' }),
    );
    const deal = await insertRecord(a.ws, 'deals', dealBody({ contactId: twin.id }));
    const call = await insertRecord(a.ws, 'activities', callBody(deal.id, { contactId: twin.id }));
    const lead = await insertRecord(a.ws, 'leads', leadBody({ contactId: twin.id }));
    await inSync(a, b);

    const related = await readMergeRelated(a.ws, 'contacts', twin.id);
    const choices = { ...defaultMergeChoices('contacts', keep, twin), email: 'merged' as const };
    const plan = planMerge('contacts', keep, twin, choices, related);
    await writeMerge(a.ws, plan);
    await inSync(a, b, a);

    const survivorOnB = (await readRecord(b.ws, 'contacts', keep.id)) as Contact;
    expect(survivorOnB.email).toBe('lucia.fernandez@andes.example');
    expect(survivorOnB.phone).toBe('+57 601 555 0199');
    expect((await readRecord(b.ws, 'contacts', twin.id))?.deletedAt).not.toBeNull();
    expect((await readRecord(b.ws, 'deals', deal.id))?.contactId).toBe(keep.id);
    expect((await readRecord(b.ws, 'activities', call.id))?.contactId).toBe(keep.id);
    expect((await readRecord(b.ws, 'leads', lead.id))?.contactId).toBe(keep.id);
    expect(await refused(a)).toEqual([]);

    // One Undo takes the whole merge back, on every device.
    await undoMerge(a.ws, plan);
    await inSync(a, b, a);
    expect((await readRecord(b.ws, 'contacts', twin.id))?.deletedAt).toBeNull();
    expect((await readRecord(b.ws, 'deals', deal.id))?.contactId).toBe(twin.id);
    expect((await readRecord(b.ws, 'contacts', keep.id))?.email).toBe('lucia@andes.example');
  });

  it('settles a related record another device changed offline before the merge the same way everywhere', async () => {
    const a = await device('alpha', MERGE_COLLECTIONS);
    const b = await device('bravo', MERGE_COLLECTIONS);
    const keep = await insertRecord(a.ws, 'contacts', contactBody());
    const twin = await insertRecord(a.ws, 'contacts', contactBody({ email: 'twin@andes.example' }));
    const third = await insertRecord(a.ws, 'contacts', contactBody({ email: 'third@andes.example' }));
    const deal = await insertRecord(a.ws, 'deals', dealBody({ contactId: twin.id }));
    const other = await insertRecord(a.ws, 'deals', dealBody({ contactId: twin.id, title: 'Second deal' }));
    await inSync(a, b);

    await b.setOnline(false);
    await updateRecord(b.ws, 'deals', other.id, { contactId: third.id });
    await new Promise((r) => setTimeout(r, 5));
    const plan = planMerge('contacts', keep, twin, {}, await readMergeRelated(a.ws, 'contacts', twin.id));
    await writeMerge(a.ws, plan);
    await a.engine.awaitInSync();
    await b.setOnline(true);
    await inSync(a, b, a);

    // The merge is the later edit of the second deal's contact: it wins on both devices.
    for (const d of [a, b]) {
      expect((await readRecord(d.ws, 'deals', deal.id))?.contactId).toBe(keep.id);
      expect((await readRecord(d.ws, 'deals', other.id))?.contactId).toBe(keep.id);
    }
  });
});

describe('converting a lead through the sync server', () => {
  it('carries the lead’s activities to the new deal, and the server accepts every write', async () => {
    const a = await device('alpha', [
      'pipelines',
      'companies',
      'contacts',
      'leads',
      'deals',
      'activities',
      'stage_changes',
    ]);
    const { id: pipelineId, ...pipeline } = PIPELINE;
    await insertRecord(a.ws, 'pipelines', pipeline, pipelineId);
    const lead = await insertRecord(
      a.ws,
      'leads',
      leadBody({ status: 'QUALIFIED', qualifiedAt: '2026-11-01T10:00:00.000Z' }),
    );
    const call = await insertRecord(a.ws, 'activities', callBody('', { leadId: lead.id }));
    await a.engine.awaitInSync();

    const actor = { id: a.ws.user.id, role: a.ws.user.role, teamId: '', teamMemberIds: [a.ws.user.id] };
    const pipelineDoc = (await readRecord(a.ws, 'pipelines', pipelineId))!;
    const ids = newConversionIds();
    const result = await convertLead(a.ws, actor, lead, {
      pipeline: pipelineDoc,
      stageId: pipelineDoc.stages[0]!.id,
      title: 'Pacífica Foods — Cold chain',
      value: { amount: 4_500_000, currency: 'USD' },
      expectedCloseDate: '2026-12-31',
      existingContact: null,
      company: { kind: 'create', name: 'Pacífica Foods' },
      ids,
    });
    expect(result.ok).toBe(true);
    await inSync(a);

    expect(await refused(a)).toEqual([]);
    const stored = await server.store.getRecords('activities', [call.id]);
    expect(stored.get(call.id)?.body).toMatchObject({ dealId: ids.deal, leadId: lead.id });
    const company = await server.store.getRecords('companies', [ids.company]);
    expect(company.get(ids.company)?.body).toMatchObject({ name: 'Pacífica Foods' });
  });
});
