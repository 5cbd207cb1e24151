import type { Command } from '../../commands/command';

/** What an open deal's drawer offers its commands (DealStatusBar). */
export interface DealSurface {
  step(by: 1 | -1): void;
  close(status: 'WON' | 'LOST'): void;
}

function onOpenDeal(id: string, title: Command['title'], keys: string[], act: (deal: DealSurface) => void): Command {
  return {
    id,
    title,
    scope: 'drawer',
    keys,
    when: (ctx) => ctx.surface<DealSurface>('deal') !== undefined,
    run: (ctx) => {
      const deal = ctx.surface<DealSurface>('deal');
      if (deal) act(deal);
    },
  };
}

/** The board's deal keys work on the deal open in the drawer too. */
export const DEAL_COMMANDS: readonly Command[] = [
  onOpenDeal('deal.nextStage', 'commands.nextStage', [']'], (d) => d.step(1)),
  onOpenDeal('deal.previousStage', 'commands.previousStage', ['['], (d) => d.step(-1)),
  onOpenDeal('deal.won', 'commands.markWon', ['w'], (d) => d.close('WON')),
  onOpenDeal('deal.lost', 'commands.markLost', ['x'], (d) => d.close('LOST')),
];
