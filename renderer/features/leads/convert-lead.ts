import { uuidv7 } from '@domain/ids';
import { convertLeadToDeal } from '@domain/lead-conversion';
import { money } from '@domain/money';
import { firstStage } from '@domain/pipeline-rules';
import { rankBetween } from '@domain/ranks';
import type { Lead } from '@domain/schemas/lead';
import type { Pipeline } from '@domain/schemas/pipeline';
import type { Result } from '@domain/errors';
import type { Deal } from '@domain/schemas/deal';
import { insertRecord, updateRecord } from '../../db/record-writes';
import type { Workspace } from '../../db/workspace';

/**
 * Convert a qualified lead: the domain plans the records, this writes them. The lead is written
 * last, so an interruption leaves it QUALIFIED (visible, retryable) rather than pointing nowhere.
 */
export async function convertLead(ws: Workspace, lead: Lead, pipeline: Pipeline): Promise<Result<Deal>> {
  const at = new Date().toISOString();
  const top = await ws.db.deals
    .findOne({
      selector: { pipelineId: pipeline.id, status: 'OPEN', stageId: firstStage(pipeline)?.id ?? '' },
      sort: [{ rank: 'asc' }],
    })
    .exec();
  const plan = convertLeadToDeal(lead, {
    pipeline,
    title: '',
    value: lead.estimatedValue ?? money(0, pipeline.currency),
    expectedCloseDate: '',
    ownerId: ws.user.id,
    teamId: ws.user.teamId,
    companyId: '',
    ids: { deal: uuidv7(), contact: uuidv7(), stageChange: uuidv7() },
    rank: rankBetween(null, top?.rank ?? null),
    at,
    by: ws.user.id,
  });
  if (!plan.ok) return plan;
  const { newContact, deal, stageChange, leadPatch } = plan.value;
  if (newContact) {
    const { id, ...body } = newContact;
    await insertRecord(ws, 'contacts', body as never, id);
  }
  const { id: dealId, ...dealBody } = deal;
  const saved = await insertRecord(ws, 'deals', dealBody as never, dealId);
  const { id: changeId, ...changeBody } = stageChange;
  await insertRecord(ws, 'stage_changes', changeBody, changeId);
  await updateRecord(ws, 'leads', lead.id, leadPatch);
  return { ok: true, value: saved };
}
