import type { CollectionDocs, CollectionName } from '@domain/collections';
import { uuidv7 } from '@domain/ids';
import { convertLeadToDeal, type CompanyDecision } from '@domain/lead-conversion';
import type { Money } from '@domain/money';
import { rankBetween } from '@domain/ranks';
import type { RecordBody } from '@domain/record-edits';
import type { Contact } from '@domain/schemas/contact';
import type { Deal } from '@domain/schemas/deal';
import type { Lead } from '@domain/schemas/lead';
import type { Pipeline } from '@domain/schemas/pipeline';
import type { Result } from '@domain/errors';
import { insertRecord, updateRecord } from '../../db/record-writes';
import type { Workspace } from '../../db/workspace';

/** What the user chose in the conversion dialog. */
export interface ConversionChoices {
  pipeline: Pipeline;
  stageId: string;
  title: string;
  value: Money;
  expectedCloseDate: string;
  /** The contact the lead already points to, when this device has it. */
  existingContact: Contact | null;
  company: CompanyDecision;
  ids: ConversionIds;
}

export interface ConversionIds {
  deal: string;
  contact: string;
  stageChange: string;
  company: string;
}

/**
 * Ids for one conversion, made when the dialog opens and kept across attempts: a retry after an
 * interrupted conversion finds the records the first attempt wrote instead of making twins.
 */
export function newConversionIds(): ConversionIds {
  return { deal: uuidv7(), contact: uuidv7(), stageChange: uuidv7(), company: uuidv7() };
}

/**
 * Convert a qualified lead: the domain plans the records and checks them, this writes them —
 * company, contact, deal, its first stage change, and the lead last, so an interruption leaves the
 * lead QUALIFIED (visible, retryable) rather than pointing nowhere.
 */
export async function convertLead(ws: Workspace, lead: Lead, choices: ConversionChoices): Promise<Result<Deal>> {
  const at = new Date().toISOString();
  const top = await ws.db.deals
    .findOne({
      selector: { pipelineId: choices.pipeline.id, status: 'OPEN', stageId: choices.stageId },
      sort: [{ rank: 'asc' }],
    })
    .exec();
  const plan = convertLeadToDeal(lead, {
    pipeline: choices.pipeline,
    stageId: choices.stageId,
    title: choices.title,
    value: choices.value,
    expectedCloseDate: choices.expectedCloseDate,
    ownerId: ws.user.id,
    teamId: ws.user.teamId,
    ...(choices.existingContact ? { existingContact: choices.existingContact } : {}),
    company: choices.company,
    ids: choices.ids,
    // New deals go to the top of their column, as on the board.
    rank: rankBetween(null, top?.rank ?? null),
    at,
    by: ws.user.id,
  });
  if (!plan.ok) return plan;
  const { newCompany, newContact, deal, stageChange, leadPatch } = plan.value;
  if (newCompany) await insertOnce(ws, 'companies', newCompany);
  if (newContact) await insertOnce(ws, 'contacts', newContact);
  const saved = await insertOnce(ws, 'deals', deal);
  await insertOnce(ws, 'stage_changes', stageChange);
  await updateRecord(ws, 'leads', lead.id, leadPatch);
  return { ok: true, value: saved };
}

/** Insert a planned record, or take the one an earlier attempt of the same conversion wrote. */
async function insertOnce<C extends CollectionName>(
  ws: Workspace,
  collection: C,
  planned: { id: string } & RecordBody<C>,
): Promise<CollectionDocs[C]> {
  const { id, ...body } = planned;
  const existing = await ws.db[collection].findOne(id).exec();
  if (existing) return existing.toJSON() as unknown as CollectionDocs[C];
  return insertRecord(ws, collection, body as unknown as RecordBody<C>, id);
}
