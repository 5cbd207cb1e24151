import type { CollectionName } from './collections';
import { DERIVED_FIELDS, SYSTEM_FIELDS } from './record-edits';

/**
 * Fields whose value follows a state machine or a structure (stage, status, close date, board
 * position, role…): changing one alone would break the rules that tie it to the others, so a lost
 * edit of such a field is restored by redoing the action on the record, not by writing the value.
 */
const GOVERNED: { readonly [C in CollectionName]?: ReadonlySet<string> } = {
  deals: new Set(['pipelineId', 'stageId', 'stageEnteredAt', 'rank', 'status', 'closedAt', 'lostReason', 'leadId']),
  leads: new Set(['status', 'qualifiedAt', 'convertedDealId', 'convertedAt', 'disqualifyReason', 'contactId']),
  activities: new Set(['completedAt', 'dealId', 'leadId', 'contactId', 'companyId', 'scriptAnswers']),
  pipelines: new Set(['stages']),
  users: new Set(['role', 'teamId', 'active', 'email']),
  settings: new Set(['items']),
  saved_views: new Set(['userId', 'sharedWithTeamId']),
};

/**
 * Whether "Use mine" in the conflict log may write a user's lost value of `field` back as a new
 * edit: plain fields only (names, notes, amounts, tags, dates the user typed), never system,
 * derived or governed ones, and never on append-only history.
 */
export function canRestoreLostValue(collection: CollectionName, field: string): boolean {
  if (collection === 'stage_changes') return false;
  if (SYSTEM_FIELDS.has(field) || DERIVED_FIELDS.has(field) || field === 'deletedAt') return false;
  return !GOVERNED[collection]?.has(field);
}
