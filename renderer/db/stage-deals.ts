import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import type { RxDocument } from 'rxdb';
import type { Deal } from '@domain/schemas/deal';
import type { OutpostDatabase } from './database';
import type { Workspace } from './workspace';

/** A stage's open deals in board order: the (pipelineId, status, stageId, rank) index. */
const openDealsQuery = (pipelineId: string, stageId: string) => ({
  selector: { pipelineId, status: 'OPEN' as const, stageId, deletedAt: null },
  sort: [{ rank: 'asc' as const }],
});

/** The rank of the first card of a stage's column, or null when the column is empty. */
export async function topRankOfStage(ws: Workspace, pipelineId: string, stageId: string): Promise<string | null> {
  const top = await ws.db.deals
    .findOne({ selector: { pipelineId, status: 'OPEN', stageId }, sort: [{ rank: 'asc' }] })
    .exec();
  return top?.rank ?? null;
}

/** A stage's open deals, in the order its column shows them. */
export async function openDealsOfStage(ws: Workspace, pipelineId: string, stageId: string): Promise<Deal[]> {
  const docs = await ws.db.deals.find(openDealsQuery(pipelineId, stageId)).exec();
  return docs.map((doc) => doc.toJSON() as Deal);
}

/**
 * A stage's open deals, live, in column order; the first `limit` only when given. Each deal is its
 * stored data itself (toJSON(true)): the same object until the deal changes, so unchanged cards
 * keep their identity and skip re-rendering.
 */
export function watchOpenDealsOfStage(
  db: OutpostDatabase,
  pipelineId: string,
  stageId: string,
  limit?: number,
): Observable<Deal[]> {
  const query = openDealsQuery(pipelineId, stageId);
  return db.deals
    .find(limit === undefined ? query : { ...query, limit })
    .$.pipe(map((docs) => (docs as RxDocument<Deal>[]).map((d) => d.toJSON(true) as unknown as Deal)));
}
