import { searchKey } from '../derived-fields';
import type { DuplicateKey } from '../duplicates';
import { authorizeWrite, type Actor } from '../permissions';
import { activeStages } from '../pipeline-rules';
import type { RecordBody } from '../record-edits';
import type { Deal, DealStatus } from '../schemas/deal';
import type { Pipeline } from '../schemas/pipeline';
import { resolveOwnerCell, type ImportOwners } from './import-owner';
import type { ImportRanks } from './import-ranks';

/** An active lost reason of the workspace: its stored key and every name a file may use for it. */
export interface ImportLostReason {
  key: string;
  /** The label as configured, and its translation when the list still holds the built-in label. */
  names: readonly string[];
}

/** What a deal row is resolved against besides companies and contacts. */
export interface DealImportContext extends ImportOwners {
  /** The workspace's pipelines that are not deleted. */
  pipelines: readonly Pipeline[];
  lostReasons: readonly ImportLostReason[];
  ranks: ImportRanks;
}

/** Why a deal's cell is refused; the wizard translates the code. */
export type DealProblem =
  | 'pipelineNotFound'
  | 'stageNotFound'
  | 'invalidStatus'
  | 'ownerNotFound'
  | 'ownerNotAllowed'
  | 'closeNotAllowed'
  | 'lostReasonNotFound';

/** The cells of a deal row that name things instead of holding values, trimmed ('' when absent). */
export interface DealCells {
  pipeline: string;
  stage: string;
  status: string;
  owner: string;
  lostReason: string;
}

export const NO_DEAL_CELLS: DealCells = { pipeline: '', stage: '', status: '', owner: '', lostReason: '' };

/**
 * Status words of our export, Spanish, and the closed stages other CRMs export ("Closed Won" in
 * Salesforce, "closedwon" in HubSpot), compared after searchKey() without spaces.
 */
const STATUS_WORDS: Readonly<Record<string, DealStatus>> = {
  open: 'OPEN',
  abierto: 'OPEN',
  abierta: 'OPEN',
  won: 'WON',
  closedwon: 'WON',
  ganado: 'WON',
  ganada: 'WON',
  lost: 'LOST',
  closedlost: 'LOST',
  perdido: 'LOST',
  perdida: 'LOST',
};

/** "Won", "closed won", "PERDIDO" → the status; '' when the cell is empty, null when unknown. */
export function parseDealStatus(cell: string): DealStatus | '' | null {
  const key = searchKey(cell).replace(/[^a-z]/g, '');
  if (!key) return '';
  return STATUS_WORDS[key] ?? null;
}

const nameKey = (name: string) => searchKey(name).replace(/\s+/g, ' ').trim();

/** The pipeline new deals go to: the one marked default, else the first in the switcher. */
export function pipelineForNewDeals(pipelines: readonly Pipeline[]): Pipeline | undefined {
  const sorted = [...pipelines].sort((a, b) => a.position - b.position);
  return sorted.find((p) => p.isDefault) ?? sorted[0];
}

export interface DealError {
  field: keyof DealCells;
  problem: DealProblem | 'required';
  detail?: string;
}

/**
 * Fills a deal body's pipeline, stage, status, owner and rank from what the row names, or says why
 * it cannot. Without a pipeline cell the deal goes to the default pipeline, without a stage cell to
 * the pipeline's first active stage; names are compared without case or accents. The owner is the
 * importer unless the row names a user by email. A WON or LOST deal is closed at `now`; a LOST one
 * needs one of the workspace's lost reasons.
 */
export function resolveDealCells(
  body: RecordBody<'deals'>,
  cells: DealCells,
  context: DealImportContext,
  now: string,
  rowIndex: number,
): DealError[] {
  const errors: DealError[] = [];
  const pipeline = cells.pipeline
    ? context.pipelines.find((p) => nameKey(p.name) === nameKey(cells.pipeline))
    : pipelineForNewDeals(context.pipelines);
  if (!pipeline) errors.push({ field: 'pipeline', problem: 'pipelineNotFound', detail: cells.pipeline });
  const stages = pipeline ? activeStages(pipeline) : [];
  const stage = cells.stage ? stages.find((s) => nameKey(s.name) === nameKey(cells.stage)) : stages[0];
  if (pipeline && !stage) errors.push({ field: 'stage', problem: 'stageNotFound', detail: cells.stage });

  const status = parseDealStatus(cells.status);
  if (status === null) errors.push({ field: 'status', problem: 'invalidStatus', detail: cells.status });
  else if (status) body.status = status;

  if (cells.owner) {
    const owner = resolveOwnerCell(cells.owner, context);
    if (!owner.ok) errors.push({ field: 'owner', problem: owner.problem, detail: cells.owner });
    else {
      body.ownerId = owner.ownerId;
      body.teamId = owner.teamId;
    }
  }

  body.lostReason = '';
  if (body.status === 'LOST') {
    const wanted = nameKey(cells.lostReason);
    const reason = context.lostReasons.find(
      (r) => r.key === cells.lostReason || r.names.some((n) => nameKey(n) === wanted),
    );
    if (!cells.lostReason) errors.push({ field: 'lostReason', problem: 'required' });
    else if (!reason) errors.push({ field: 'lostReason', problem: 'lostReasonNotFound', detail: cells.lostReason });
    else body.lostReason = reason.key;
  }
  body.closedAt = body.status === 'OPEN' ? null : now;
  body.stageEnteredAt = now;
  if (pipeline && stage) {
    body.pipelineId = pipeline.id;
    body.stageId = stage.id;
    body.rank = context.ranks.rankFor(pipeline.id, stage.id, rowIndex);
  }
  return errors;
}

/**
 * Whether the importer may create this deal as it stands: owned by that user (an account executive
 * creates only their own deals) and, when WON or LOST, closed by them. The same table the server
 * judges the push with (domain/permissions.ts).
 */
export function dealPermissionErrors(deal: Deal, actor: Actor): DealError[] {
  return authorizeWrite(actor, 'deals', null, deal).map((e) =>
    e.params?.action === 'close'
      ? { field: 'status', problem: 'closeNotAllowed', detail: deal.status }
      : { field: 'owner', problem: 'ownerNotAllowed' },
  );
}

/**
 * The facts by which an imported deal repeats one already there: the same title (without case or
 * accents) for the same contact, or for the same company. A title alone ("Renewal") names no one
 * deal, so a deal with neither contact nor company is never taken for another.
 */
export function dealDuplicateKeys(deal: Pick<Deal, 'title' | 'contactId' | 'companyId'>): DuplicateKey[] {
  const title = nameKey(deal.title);
  if (!title) return [];
  const keys: DuplicateKey[] = [];
  if (deal.contactId) keys.push({ reason: 'name', value: `deal:${title}|contact:${deal.contactId}` });
  if (deal.companyId) keys.push({ reason: 'name', value: `deal:${title}|company:${deal.companyId}` });
  return keys;
}

/**
 * Fields an import never changes on a deal already there: where it stands on the board and who owns
 * it. A move writes its stage change and a reassignment needs its own permission, so both are made
 * on the board or in the drawer, never by a file.
 */
export const DEAL_FIELDS_KEPT_ON_UPDATE: ReadonlySet<string> = new Set([
  'pipelineId',
  'stageId',
  'stageEnteredAt',
  'rank',
  'status',
  'closedAt',
  'lostReason',
  'ownerId',
  'teamId',
]);
