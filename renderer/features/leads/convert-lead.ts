import { uuidv7 } from '@domain/ids';
import { activitiesToCarry, convertLeadToDeal, type CompanyDecision } from '@domain/lead-conversion';
import { can, type Actor } from '@domain/permissions';
import type { Money } from '@domain/money';
import { rankBetween } from '@domain/ranks';
import type { Contact } from '@domain/schemas/contact';
import type { Deal } from '@domain/schemas/deal';
import type { Lead } from '@domain/schemas/lead';
import type { Pipeline } from '@domain/schemas/pipeline';
import type { Result } from '@domain/errors';
import { insertRecordOnce, updateRecord } from '../../db/record-writes';
import { readReferencingRecords } from '../../db/referencing-records';
import { topRankOfStage } from '../../db/stage-deals';
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
 * company, contact, deal, its first stage change, the lead's activities, and the lead last, so an interruption leaves the
 * lead QUALIFIED (visible, retryable) rather than pointing nowhere.
 */
export async function convertLead(
  ws: Workspace,
  actor: Actor,
  lead: Lead,
  choices: ConversionChoices,
): Promise<Result<Deal>> {
  const at = new Date().toISOString();
  const top = await topRankOfStage(ws, choices.pipeline.id, choices.stageId);
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
    rank: rankBetween(null, top),
    at,
    by: ws.user.id,
  });
  if (!plan.ok) return plan;
  const { newCompany, newContact, deal, stageChange, leadPatch } = plan.value;
  if (newCompany) await insertRecordOnce(ws, 'companies', newCompany);
  if (newContact) await insertRecordOnce(ws, 'contacts', newContact);
  const saved = await insertRecordOnce(ws, 'deals', deal);
  await insertRecordOnce(ws, 'stage_changes', stageChange);
  // The calls that qualified the lead go with its deal; one the user may not edit stays with the lead.
  const activities = await readReferencingRecords(ws, 'activities', 'leadId', lead.id);
  for (const { id, patch } of activitiesToCarry(lead, activities, deal.id)) {
    const activity = activities.find((a) => a.id === id)!;
    if (can(actor, 'update', 'activities', activity)) await updateRecord(ws, 'activities', id, patch);
  }
  await updateRecord(ws, 'leads', lead.id, leadPatch);
  return { ok: true, value: saved };
}
