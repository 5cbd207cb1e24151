import { describe, expect, it } from 'vitest';
import { planBulkEdit, skippedByReason } from '@domain/bulk-edits';
import type { Actor } from '@domain/permissions';
import { makeContact, makeDeal, makeLead, salesPipeline, STAGE, TEAM, testId, USER_A, USER_B } from './fixtures';

const AT = '2026-03-05T10:00:00.000Z';
const sdr: Actor = { id: USER_A, role: 'SDR', teamId: TEAM, teamMemberIds: [USER_A, USER_B] };
const ae: Actor = { id: USER_A, role: 'ACCOUNT_EXECUTIVE', teamId: TEAM, teamMemberIds: [USER_A, USER_B] };
const supervisor: Actor = { id: testId(0x5c), role: 'SUPERVISOR', teamId: TEAM, teamMemberIds: [USER_A, USER_B] };

const lead = (n: number, overrides: Parameters<typeof makeLead>[0] = {}) =>
  makeLead({ id: testId(0x1000 + n), ...overrides });
const deal = (n: number, overrides: Parameters<typeof makeDeal>[0] = {}) =>
  makeDeal({ id: testId(0x2000 + n), ...overrides });

describe('planBulkEdit', () => {
  it('assigns the leads the SDR may reassign and says which others were refused by permission', () => {
    const mine = lead(1);
    const queued = lead(2, { ownerId: '' });
    const colleagues = lead(3, { ownerId: USER_B });
    const plan = planBulkEdit(
      'leads',
      [mine, queued, colleagues],
      { kind: 'assignOwner', ownerId: USER_A },
      { actor: sdr, at: AT },
    );
    expect(plan.edits).toEqual([{ id: queued.id, patch: { ownerId: USER_A }, previous: { ownerId: '' } }]);
    expect(plan.skipped).toEqual([
      { id: mine.id, reason: 'unchanged' },
      { id: colleagues.id, reason: 'permission.denied' },
    ]);
  });

  it('refuses to hand a lead to someone the actor could not create it for', () => {
    const plan = planBulkEdit('leads', [lead(1)], { kind: 'assignOwner', ownerId: USER_B }, { actor: sdr, at: AT });
    expect(plan.edits).toEqual([]);
    expect(plan.skipped).toEqual([{ id: lead(1).id, reason: 'permission.denied' }]);
  });

  it('qualifies only the leads whose status may move there, keeping the previous status for undo', () => {
    const contacted = lead(1, { status: 'CONTACTED' });
    const fresh = lead(2, { status: 'NEW' });
    const plan = planBulkEdit(
      'leads',
      [contacted, fresh],
      { kind: 'leadStatus', to: 'QUALIFIED' },
      { actor: sdr, at: AT },
    );
    expect(plan.edits).toEqual([
      {
        id: contacted.id,
        patch: { status: 'QUALIFIED', disqualifyReason: '', qualifiedAt: AT },
        previous: { status: 'CONTACTED', disqualifyReason: '', qualifiedAt: null },
      },
    ]);
    expect(plan.skipped).toEqual([{ id: fresh.id, reason: 'lead.transitionForbidden' }]);
  });

  it('disqualifies with the reason given, and refuses every lead when no reason is given', () => {
    const leads = [lead(1), lead(2, { status: 'CONTACTED' })];
    const withReason = planBulkEdit(
      'leads',
      leads,
      { kind: 'leadStatus', to: 'DISQUALIFIED', reason: '  No budget ' },
      { actor: sdr, at: AT },
    );
    expect(withReason.edits.map((e) => e.patch)).toEqual([
      { status: 'DISQUALIFIED', disqualifyReason: 'No budget', qualifiedAt: null },
      { status: 'DISQUALIFIED', disqualifyReason: 'No budget', qualifiedAt: null },
    ]);
    const without = planBulkEdit('leads', leads, { kind: 'leadStatus', to: 'DISQUALIFIED' }, { actor: sdr, at: AT });
    expect(without.edits).toEqual([]);
    expect(without.skipped.map((s) => s.reason)).toEqual([
      'lead.disqualifyReasonRequired',
      'lead.disqualifyReasonRequired',
    ]);
  });

  it('moves open deals to a stage with their stage history, and leaves closed deals and retired stages out', () => {
    const pipelines = new Map([[salesPipeline().id, salesPipeline()]]);
    const open = deal(1);
    const won = deal(2, { status: 'WON', closedAt: AT });
    const ctx = { actor: supervisor, at: AT, pipelines };
    const plan = planBulkEdit('deals', [open, won], { kind: 'dealStage', stageId: STAGE.demo }, ctx);
    expect(plan.edits).toHaveLength(1);
    expect(plan.edits[0]).toMatchObject({
      id: open.id,
      patch: { stageId: STAGE.demo, stageEnteredAt: AT },
      previous: { stageId: STAGE.qualified, stageEnteredAt: open.stageEnteredAt },
      stageChange: { dealId: open.id, fromStageId: STAGE.qualified, toStageId: STAGE.demo, by: supervisor.id },
    });
    expect(plan.skipped).toEqual([{ id: won.id, reason: 'deal.stageOfClosedDeal' }]);
    const retired = planBulkEdit('deals', [open], { kind: 'dealStage', stageId: STAGE.retired }, ctx);
    expect(retired.skipped).toEqual([{ id: open.id, reason: 'deal.retiredStage' }]);
  });

  it('closes deals as lost only with a reason and only where the actor may close them', () => {
    const own = deal(1);
    const colleagues = deal(2, { ownerId: USER_B });
    const plan = planBulkEdit(
      'deals',
      [own, colleagues],
      { kind: 'dealStatus', to: 'LOST', reason: 'Went dark' },
      { actor: ae, at: AT },
    );
    expect(plan.edits.map((e) => [e.id, e.patch])).toEqual([
      [own.id, { status: 'LOST', closedAt: AT, lostReason: 'Went dark' }],
    ]);
    expect(plan.edits[0]!.stageChange).toMatchObject({ fromStatus: 'OPEN', toStatus: 'LOST' });
    expect(plan.skipped).toEqual([{ id: colleagues.id, reason: 'permission.denied' }]);
    const noReason = planBulkEdit('deals', [own], { kind: 'dealStatus', to: 'LOST' }, { actor: ae, at: AT });
    expect(noReason.skipped).toEqual([{ id: own.id, reason: 'deal.lostReasonRequired' }]);
  });

  it('adds a tag once, whatever its case, and removes it from the records that have it', () => {
    const tagged = makeContact({ id: testId(0x3001), tags: ['VIP'] });
    const plain = makeContact({ id: testId(0x3002), tags: ['smb'] });
    const ctx = { actor: supervisor, at: AT };
    const added = planBulkEdit('contacts', [tagged, plain], { kind: 'addTag', tag: ' vip ' }, ctx);
    expect(added.edits).toEqual([{ id: plain.id, patch: { tags: ['smb', 'vip'] }, previous: { tags: ['smb'] } }]);
    expect(added.skipped).toEqual([{ id: tagged.id, reason: 'unchanged' }]);
    const removed = planBulkEdit('contacts', [tagged, plain], { kind: 'removeTag', tag: 'vip' }, ctx);
    expect(removed.edits).toEqual([{ id: tagged.id, patch: { tags: [] }, previous: { tags: ['VIP'] } }]);
    expect(removed.skipped).toEqual([{ id: plain.id, reason: 'unchanged' }]);
  });

  it('deletes (to the bin) only what the actor may delete: an SDR their own leads, not the queue', () => {
    const mine = lead(1);
    const queued = lead(2, { ownerId: '' });
    const plan = planBulkEdit('leads', [mine, queued], { kind: 'delete' }, { actor: sdr, at: AT });
    expect(plan.edits).toEqual([{ id: mine.id, patch: { deletedAt: AT }, previous: { deletedAt: null } }]);
    expect(plan.skipped).toEqual([{ id: queued.id, reason: 'permission.denied' }]);
  });

  it('refuses a change the collection does not take (a lead status on deals)', () => {
    const plan = planBulkEdit(
      'deals',
      [deal(1)],
      { kind: 'leadStatus', to: 'QUALIFIED' },
      { actor: supervisor, at: AT },
    );
    expect(plan.skipped).toEqual([{ id: deal(1).id, reason: 'unsupported' }]);
  });
});

describe('skippedByReason', () => {
  it('counts the skipped records per reason, most frequent first', () => {
    expect(
      skippedByReason([
        { id: 'a', reason: 'unchanged' },
        { id: 'b', reason: 'permission.denied' },
        { id: 'c', reason: 'permission.denied' },
      ]),
    ).toEqual([
      { reason: 'permission.denied', count: 2 },
      { reason: 'unchanged', count: 1 },
    ]);
  });
});
