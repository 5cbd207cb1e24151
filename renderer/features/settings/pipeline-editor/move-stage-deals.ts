import { moveDealToStage } from '@domain/deal-lifecycle';
import { rankBetween, spreadRanks } from '@domain/ranks';
import type { Pipeline } from '@domain/schemas/pipeline';
import type { Workspace } from '../../../db/workspace';
import { writeDealMove } from '../../../db/deal-move-writes';
import { openDealsOfStage } from '../../../db/stage-deals';

const CHUNK = 25;

/**
 * Before a stage retires, its open deals move to another stage: each through moveDealToStage, so
 * every one gets its stage-change record, keeping their order at the end of the target column.
 */
export async function moveOpenDealsOfStage(
  ws: Workspace,
  pipeline: Pipeline,
  fromStageId: string,
  toStageId: string,
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  const [moving, staying] = await Promise.all([
    openDealsOfStage(ws, pipeline.id, fromStageId),
    openDealsOfStage(ws, pipeline.id, toStageId),
  ]);
  const last = staying.at(-1)?.rank ?? null;
  // One short key after the column's last card, then evenly spread keys under it: every moved
  // card sorts after the last one and the keys stay short however many there are.
  const prefix = rankBetween(last, null);
  const ranks = spreadRanks(moving.length).map((r) => prefix + r);
  const at = new Date().toISOString();
  let done = 0;
  onProgress(0, moving.length);
  for (let i = 0; i < moving.length; i += CHUNK) {
    await Promise.all(
      moving.slice(i, i + CHUNK).map(async (deal, j) => {
        const move = moveDealToStage(deal, pipeline, toStageId, at, ws.user.id, ranks[i + j]);
        if (move.ok && move.value) await writeDealMove(ws, deal.id, move.value);
      }),
    );
    done = Math.min(moving.length, i + CHUNK);
    onProgress(done, moving.length);
  }
  return moving.length;
}
