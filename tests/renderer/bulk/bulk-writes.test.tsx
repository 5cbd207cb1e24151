import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { planBulkEdit } from '@domain/bulk-edits';
import type { Actor } from '@domain/permissions';
import type { Lead } from '@domain/schemas/lead';
import { applyBulkPlan, BULK_BATCH_SIZE, readBulkRecords, undoBulkRun } from '../../../renderer/db/bulk-writes';
import { insertRecord, updateRecord } from '../../../renderer/db/record-writes';
import { leadBody } from '../../support/record-bodies';
import { openTestWorkspace } from '../support/open-test-workspace';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

const OTHER = '01900000-0000-7000-8000-0000000000b2';

async function leads(count: number) {
  workspace = await openTestWorkspace(['leads', 'stage_changes']);
  const ws = workspace;
  const made: Lead[] = [];
  for (let n = 0; n < count; n++)
    made.push(
      await insertRecord(
        ws,
        'leads',
        leadBody({ firstName: `Lead ${n}`, ownerId: ws.user.id, teamId: ws.user.teamId }),
      ),
    );
  const actor: Actor = { id: ws.user.id, role: 'SALES_MANAGER', teamId: ws.user.teamId, teamMemberIds: [ws.user.id] };
  return { ws, made, actor };
}

describe('bulk writes', () => {
  it('writes every batch of a large run, says how far it got, and one undo puts every record back', async () => {
    const { ws, made, actor } = await leads(BULK_BATCH_SIZE + 20);
    const plan = planBulkEdit(
      'leads',
      made,
      { kind: 'assignOwner', ownerId: OTHER },
      { actor, at: new Date().toISOString() },
    );
    const progress: number[] = [];
    const run = await applyBulkPlan(ws, 'leads', plan, (p) => progress.push(p.done));
    expect(progress).toEqual([BULK_BATCH_SIZE, BULK_BATCH_SIZE + 20]);
    expect(run.edits).toHaveLength(made.length);
    const after = await readBulkRecords(
      ws,
      'leads',
      made.map((l) => l.id),
    );
    expect(after.every((l) => l.ownerId === OTHER)).toBe(true);

    expect(await undoBulkRun(ws, run)).toBe(made.length);
    const back = await readBulkRecords(
      ws,
      'leads',
      made.map((l) => l.id),
    );
    expect(back.every((l) => l.ownerId === ws.user.id)).toBe(true);
  });

  it('keeps an edit made meanwhile to another field, and to the same field, through the run and its undo', async () => {
    const { ws, made, actor } = await leads(3);
    const [first, second] = made as [Lead, Lead, Lead];
    const plan = planBulkEdit(
      'leads',
      made,
      { kind: 'addTag', tag: 'priority' },
      { actor, at: new Date().toISOString() },
    );
    // Someone edits a lead between the plan and the write: their field stays theirs.
    await updateRecord(ws, 'leads', first.id, { notes: 'Called back' });
    const run = await applyBulkPlan(ws, 'leads', plan);
    expect((await readBulkRecords(ws, 'leads', [first.id]))[0]).toMatchObject({
      notes: 'Called back',
      tags: ['priority'],
    });

    // After the run, someone changes the tags of one lead: undo leaves that lead's tags alone.
    await updateRecord(ws, 'leads', second.id, { tags: ['priority', 'vip'] });
    await undoBulkRun(ws, run);
    const [a, b, c] = await readBulkRecords(
      ws,
      'leads',
      made.map((l) => l.id),
    );
    expect(a).toMatchObject({ notes: 'Called back', tags: [] });
    expect(b!.tags).toEqual(['priority', 'vip']);
    expect(c!.tags).toEqual([]);
  });

  it('notes every written record as waiting to be pushed, with the clock each changed field had', async () => {
    const { ws, made, actor } = await leads(2);
    for (const lead of made) ws.journal.notePushed('leads', lead.id, lead.hlc);
    expect(await firstValueFrom(ws.journal.pendingCount$)).toBe(0);
    const plan = planBulkEdit('leads', made, { kind: 'delete' }, { actor, at: new Date().toISOString() });
    await applyBulkPlan(ws, 'leads', plan);
    const deleted = await readBulkRecords(
      ws,
      'leads',
      made.map((l) => l.id),
    );
    expect(deleted.every((l) => l.deletedAt !== null)).toBe(true);
    expect(await firstValueFrom(ws.journal.pendingCount$)).toBe(2);
    expect(ws.journal.editBase('leads', made[0]!.id, 'deletedAt')).toBe('');
  });
});
