import {
  dealCreatedChange,
  markDealLost,
  markDealWon,
  moveDealToStage,
  reopenDeal,
  type DealMove,
  type StageChangeBody,
} from '@domain/deal-lifecycle';
import type { Result } from '@domain/errors';
import { activeStages } from '@domain/pipeline-rules';
import { createRecord, editRecord } from '@domain/record-edits';
import type { Deal } from '@domain/schemas/deal';
import type { StageChange } from '@domain/schemas/stage-change';
import { toIso } from '@domain/time';
import { MINUTE, unwrap, type DemoContext } from './demo-context';
import type { DemoDealPlans } from './demo-deal-plans';
import type { DemoLeads } from './demo-leads';
import type { DemoTeam } from './demo-team';
import type { Language } from './vocabulary';

export interface BuiltDeal {
  deal: Deal;
  changes: StageChange[];
}

/** Deal j as a record, with the stage changes that brought it where it is. */
export function createDemoDeals(world: DemoContext, team: DemoTeam, plans: DemoDealPlans, leads: DemoLeads) {
  const { ctx, eventTimes } = world;
  const { manager } = team;
  const { dealsFromLeads, dealPlan, dealSetup, stageChangeId } = plans;
  const { conversion } = leads;

  function deal(j: number): BuiltDeal & { lang: Language } {
    const conv = j < dealsFromLeads ? conversion(j) : null;
    const setup = conv?.setup ?? dealSetup(j);
    const { plan, owner } = setup;
    const stages = activeStages(plan.pipeline);
    const times = eventTimes(plan.events.map((e) => e.daysAgo));
    const changes: StageChange[] = [];
    const record = (body: StageChangeBody & { id?: string }, ms: number, by: string) => {
      const { id, ...rest } = body;
      changes.push(createRecord('stage_changes', id ?? stageChangeId(ms, j, changes.length), rest, ctx(ms, by)));
    };

    let current: Deal;
    const first = plan.events[0]! as { stage: number };
    if (conv) {
      const { id, ...body } = conv.plan.deal;
      current = createRecord('deals', id, { ...body, titleKey: '' }, ctx(times[0]!, conv.qualified.ownerId));
      record(conv.plan.stageChange, times[0]!, conv.qualified.ownerId);
      // The account executive fills in what the SDR did not know.
      const details = {
        lines: setup.lines,
        probability: setup.probability,
        tags: setup.tags.length ? setup.tags : current.tags,
      };
      current = editRecord('deals', current, details, ctx(times[0]! + MINUTE, owner.id)) ?? current;
    } else {
      current = createRecord(
        'deals',
        setup.id,
        {
          title: setup.title,
          titleKey: '',
          pipelineId: plan.pipeline.id,
          stageId: stages[first.stage]!.id,
          stageEnteredAt: toIso(times[0]!),
          rank: setup.rank,
          value: setup.value,
          probability: setup.probability,
          expectedCloseDate: setup.expectedCloseDate,
          status: 'OPEN',
          lostReason: '',
          closedAt: null,
          contactId: setup.parts.contact.id,
          companyId: setup.parts.company?.id ?? '',
          leadId: '',
          lines: setup.lines,
          tags: setup.tags,
          notes: setup.notes,
          ownerId: owner.id,
          teamId: owner.teamId,
        },
        ctx(times[0]!, owner.id),
      );
      record(dealCreatedChange(current, toIso(times[0]!), owner.id), times[0]!, owner.id);
    }

    plan.events.slice(1).forEach((event, n) => {
      const ms = times[n + 1]!;
      const at = toIso(ms);
      let move: Result<DealMove | null>;
      switch (event.kind) {
        case 'move':
          move = moveDealToStage(current, plan.pipeline, stages[event.stage]!.id, at, owner.id);
          break;
        case 'won':
          move = markDealWon(current, at, owner.id);
          break;
        case 'lost':
          move = markDealLost(current, plan.lostReason, at, owner.id);
          break;
        case 'reopen':
          move = reopenDeal(current, at, manager.id);
          break;
        default:
          throw new Error(`unexpected deal event ${event.kind}`);
      }
      const step = unwrap(move, `deal ${j} ${event.kind}`);
      if (!step) return;
      current =
        editRecord('deals', current, step.patch, ctx(ms, event.kind === 'reopen' ? manager.id : owner.id)) ?? current;
      if (step.change) record(step.change, ms, event.kind === 'reopen' ? manager.id : owner.id);
    });
    return { deal: current, changes, lang: setup.lang };
  }

  /** How many stage changes deal j writes, without building it. */
  const stageChangeCount = (j: number) => dealPlan(j).events.length;

  return { deal, stageChangeCount };
}

export type DemoDeals = ReturnType<typeof createDemoDeals>;
