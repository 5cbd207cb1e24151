import type { Command, CommandContext } from '../../commands/command';
import type { AssignSurface } from '../../shell/record-commands';
import { useUi } from '../../shell/ui-store';

/** What the mounted board offers its commands (use-board-surface). */
export interface BoardSurface {
  /** The deal whose card `target` is, when the board may act on it: not while a card is being dragged. */
  cardAt(target: Element | null): string | null;
  walk(dealId: string, direction: 'up' | 'down' | 'left' | 'right'): void;
  step(dealId: string, step: 1 | -1): void;
  close(dealId: string, status: 'WON' | 'LOST'): void;
  open(dealId: string): void;
  /** Picks the card up for a keyboard drag (dnd-kit's keyboard sensor). */
  grab(dealId: string): void;
}

function focusedDeal(ctx: CommandContext): { board: BoardSurface; id: string } | null {
  const board = ctx.surface<BoardSurface>('board');
  const id = board?.cardAt(ctx.target) ?? null;
  return board && id ? { board, id } : null;
}

function onCard(id: string, title: Command['title'], keys: string[], act: (b: BoardSurface, dealId: string) => void) {
  return {
    id,
    title,
    scope: 'board',
    keys,
    when: (ctx) => focusedDeal(ctx) !== null,
    run: (ctx) => {
      const found = focusedDeal(ctx);
      if (found) act(found.board, found.id);
    },
  } satisfies Command;
}

/** What the pipeline page offers when there is more than one pipeline to switch between (PipelinePage). */
export interface PipelineSwitchSurface {
  next(): void;
}

/** The board's keys, each acting on the focused card. */
export const BOARD_COMMANDS: readonly Command[] = [
  onCard('board.down', 'commands.boardDown', ['j', 'ArrowDown'], (b, id) => b.walk(id, 'down')),
  onCard('board.up', 'commands.boardUp', ['k', 'ArrowUp'], (b, id) => b.walk(id, 'up')),
  onCard('board.left', 'commands.boardLeft', ['h', 'ArrowLeft'], (b, id) => b.walk(id, 'left')),
  onCard('board.right', 'commands.boardRight', ['l', 'ArrowRight'], (b, id) => b.walk(id, 'right')),
  onCard('board.nextStage', 'commands.nextStage', [']'], (b, id) => b.step(id, 1)),
  onCard('board.previousStage', 'commands.previousStage', ['['], (b, id) => b.step(id, -1)),
  onCard('board.won', 'commands.markWon', ['w'], (b, id) => b.close(id, 'WON')),
  onCard('board.lost', 'commands.markLost', ['x'], (b, id) => b.close(id, 'LOST')),
  onCard('board.grab', 'commands.boardGrab', ['Space'], (b, id) => b.grab(id)),
  onCard('board.open', 'commands.boardOpen', ['Enter'], (b, id) => b.open(id)),
  {
    id: 'board.assignToMe',
    title: 'commands.assignToMe',
    scope: 'board',
    keys: [],
    // With a record open in the drawer, "Assign to me" is the drawer's (record.assignToMe).
    when: (ctx) =>
      focusedDeal(ctx) !== null &&
      useUi.getState().drawer === null &&
      ctx.surface<AssignSurface>('assign') !== undefined,
    run: (ctx) => {
      const found = focusedDeal(ctx);
      if (found) ctx.surface<AssignSurface>('assign')?.('deals', found.id);
    },
  },
];

/** The board's other pipeline, by name from the palette. */
export const SWITCH_PIPELINE: Command = {
  id: 'pipeline.next',
  title: 'commands.nextPipeline',
  scope: 'global',
  keys: [],
  when: (ctx) => ctx.section === 'pipeline' && ctx.surface<PipelineSwitchSurface>('pipelines') !== undefined,
  run: (ctx) => ctx.surface<PipelineSwitchSurface>('pipelines')?.next(),
};
