import type { Deal } from '@domain/schemas/deal';
import type { BoardData } from './use-board-deals';

/**
 * Whether the columns' queries show a move the board made optimistically, so that the board can
 * let go of its own copy of the moved deal (`pending` in PipelineBoard): the deal is in its new
 * column at its new rank — or, closed or moved to another pipeline, on the board no more — and in
 * no other column. Each column is a query of its own and they are not updated at once: while the
 * column the card left still holds it, letting go would draw the card in both columns, and
 * dnd-kit, which knows a card by its id, would then forget the card that stays (it could not be
 * picked up again until it was drawn anew).
 */
export function pendingMoveShown(deal: Deal, data: BoardData, pipelineId: string): boolean {
  const onBoard = deal.status === 'OPEN' && deal.pipelineId === pipelineId;
  for (const [stageId, column] of data) {
    if (onBoard && stageId === deal.stageId) continue;
    if (column.deals.some((d) => d.id === deal.id)) return false;
  }
  if (!onBoard) return true;
  return data.get(deal.stageId)?.deals.some((d) => d.id === deal.id && d.rank === deal.rank) ?? false;
}
