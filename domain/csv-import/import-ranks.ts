import { rankBetween, spreadRanks } from '../ranks';

/**
 * Board ranks for the deals of one import. Imported deals go to the top of their column, as a new
 * deal does, in the order of the file. Each column gets one prefix, a key before its first card
 * (rankBetween, once), and the row with index i of the file takes that prefix followed by the i-th
 * of spreadRanks(rows): every key has the same length, so ten thousand rows make keys a few
 * characters long instead of the ever-longer keys that chaining rankBetween row after row makes.
 */
export class ImportRanks {
  private readonly spread: string[];
  private readonly prefixes = new Map<string, string>();

  /**
   * `topRank` is the rank of the first card of a column (null when it is empty); `rows` the data
   * rows of the file, so every row has its own key whatever stage it lands in.
   */
  constructor(
    private readonly topRank: (pipelineId: string, stageId: string) => string | null,
    rows: number,
  ) {
    this.spread = spreadRanks(Math.max(rows, 1));
  }

  /** The rank of the file's row `index` (0 for the first data row) in the given column. */
  rankFor(pipelineId: string, stageId: string, index: number): string {
    const column = `${pipelineId}/${stageId}`;
    let prefix = this.prefixes.get(column);
    if (prefix === undefined) {
      // A key below the top card that is no prefix of it: anything appended stays below it too.
      const top = this.topRank(pipelineId, stageId);
      prefix = top === null ? '' : rankBetween(null, top);
      this.prefixes.set(column, prefix);
    }
    const key = this.spread[Math.min(Math.max(index, 0), this.spread.length - 1)]!;
    return prefix + key;
  }
}
