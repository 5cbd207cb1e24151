import { money, scaleMoney, type Money } from '@domain/money';
import { activeStages } from '@domain/pipeline-rules';
import type { DealLine, DealStatus } from '@domain/schemas/deal';
import type { Pipeline } from '@domain/schemas/pipeline';
import { addDays, toIsoDate, type IsoDate } from '@domain/time';
import { CONTACT_SPAN, type ContactParts, type DemoContacts } from './demo-contacts';
import { DAY, type DemoContext } from './demo-context';
import { ID_KIND } from './demo-ids';
import { currencyFor, fromUsdCents, tagsFrom } from './demo-people-places';
import type { DemoTeam, DemoUser } from './demo-team';
import { permuteIndex } from './random';
import {
  B2C_OFFERS,
  COUNTRY_LANGUAGE,
  DEAL_OFFERS,
  PRODUCTS,
  RECORD_NOTES,
  RENEWAL_TITLE,
  type Country,
  type Language,
} from './vocabulary';

/** Lead i is converted into deal i / CONVERSION_STRIDE when i is a multiple of it. */
export const CONVERSION_STRIDE = 6;
/** Deal outcomes in proportion: 13 open, 4 won and 3 lost in every 20 deals. */
export const DEAL_STATUS_CYCLE: readonly DealStatus[] = [
  ...Array<DealStatus>(13).fill('OPEN'),
  ...Array<DealStatus>(4).fill('WON'),
  ...Array<DealStatus>(3).fill('LOST'),
];

export type DealEvent =
  | { kind: 'create'; daysAgo: number; stage: number }
  | { kind: 'move'; daysAgo: number; stage: number }
  | { kind: 'won' | 'lost' | 'reopen'; daysAgo: number };

export interface DealPlan {
  status: DealStatus;
  pipeline: Pipeline;
  /** The lead this deal was converted from, or -1. */
  leadIndex: number;
  contactIndex: number;
  events: DealEvent[];
  lostReason: string;
}

export interface DealSetup {
  plan: DealPlan;
  parts: ContactParts;
  /** The language the deal is worked in: its company's, or the buyer's for B2C. */
  lang: Language;
  id: string;
  createdMs: number;
  owner: DemoUser;
  title: string;
  /** What the deal is about, after the counterparty in its title: its lead's interest. */
  offer: string;
  value: Money;
  lines: DealLine[];
  probability: number | null;
  expectedCloseDate: IsoDate;
  rank: string;
  tags: string[];
  notes: string;
}

/**
 * Each deal's plan (its history as numbers) and setup (everything its lead also needs to know),
 * recomputed on demand from the deal's index.
 */
export function createDemoDealPlans(world: DemoContext, team: DemoTeam, contacts: DemoContacts) {
  const { seed, counts, today, streamOf, idOf, ago, existingAt, eventTimes } = world;
  const { manager, ae, lostReasons, salesPipeline, renewalsPipeline } = team;
  const { contactParts } = contacts;

  const dealsFromLeads = Math.min(counts.deals, Math.ceil(counts.leads / CONVERSION_STRIDE));

  /** Deal j's history as numbers only: cheap enough to recompute whenever it is needed. */
  function dealPlan(j: number): DealPlan {
    const r = streamOf(ID_KIND.deals, j, 1);
    const leadIndex = j < dealsFromLeads ? j * CONVERSION_STRIDE : -1;
    const status = DEAL_STATUS_CYCLE[permuteIndex(j, counts.deals, seed ^ 0xd1) % DEAL_STATUS_CYCLE.length]!;
    const pipeline =
      leadIndex < 0 && permuteIndex(j, counts.deals, seed ^ 0xd2) % 5 === 0 ? renewalsPipeline : salesPipeline;
    const stages = activeStages(pipeline);
    const last = stages.length - 1;
    const final =
      status === 'OPEN'
        ? Math.min(
            last,
            r.weighted([
              [0, 30],
              [1, 25],
              [2, 20],
              [3, 15],
              [4, 10],
            ] as const),
          )
        : status === 'WON'
          ? r.chance(0.8)
            ? last
            : Math.max(0, last - 1)
          : r.int(0, last);
    const start = leadIndex >= 0 || r.chance(0.85) ? 0 : Math.min(1, final);
    const path: number[] = [];
    for (let at = start; at < final;) {
      at += r.chance(0.15) && at + 2 <= final ? 2 : 1;
      path.push(at);
    }
    if (path.length >= 2 && r.chance(0.1)) {
      // Sometimes a deal slips back a stage before moving on again.
      const i = r.int(0, path.length - 2);
      path.splice(i + 1, 0, path[i]! - 1, path[i]!);
    }
    const rottingOf = (stage: number) => stages[stage]!.rottingDays || 21;
    const reopenedWin = status === 'WON' && r.chance(0.12);
    const reopenedOpen = status === 'OPEN' && r.chance(0.04);

    // Walk back from the end: how long the deal sat in each stage.
    const tail: ('won' | 'lost' | 'reopen')[] =
      status === 'WON'
        ? reopenedWin
          ? ['lost', 'reopen', 'won']
          : ['won']
        : status === 'LOST'
          ? ['lost']
          : reopenedOpen
            ? ['lost', 'reopen']
            : [];
    // Open deals have sat in their stage for up to 1.3× its rotting threshold: about a quarter rot.
    let daysAgo = status === 'OPEN' ? 1 + r.between(0, 1.3 * rottingOf(final)) : r.between(2, 380);
    const events: DealEvent[] = [];
    for (let i = tail.length - 1; i >= 0; i--) {
      events.unshift({ kind: tail[i]!, daysAgo });
      daysAgo += r.between(1, 20);
    }
    if (tail.length) daysAgo += status === 'OPEN' ? 0 : r.between(0, 10);
    const stops = [start, ...path];
    for (let i = stops.length - 1; i >= 0; i--) {
      events.unshift({ kind: i === 0 ? 'create' : 'move', daysAgo, stage: stops[i]! });
      if (i > 0) daysAgo += r.between(1, rottingOf(stops[i - 1]!) + 3);
    }
    const createdDaysAgo = events[0]!.daysAgo;
    const contactsThen = existingAt(createdDaysAgo, counts.contacts, CONTACT_SPAN);
    return {
      status,
      pipeline,
      leadIndex,
      contactIndex: r.int(0, Math.max(0, contactsThen - 1)),
      events,
      lostReason: r.pick(lostReasons),
    };
  }

  /** Everything about deal j that its lead also needs to know, derived once per call. */
  function dealSetup(j: number): DealSetup {
    const plan = dealPlan(j);
    const r = streamOf(ID_KIND.deals, j, 2);
    const parts = contactParts(plan.contactIndex);
    const createdMs = eventTimes(plan.events.map((e) => e.daysAgo))[0]!;
    const lang = parts.company ? COUNTRY_LANGUAGE[parts.company.address.country as Country] : parts.lang;
    const owner = r.chance(0.1) ? manager : ae(lang);
    const currency = currencyFor(parts.country, r);
    const stages = activeStages(plan.pipeline);
    const renewal = plan.pipeline.id === renewalsPipeline.id;
    let lines: DealLine[] = [];
    let value: Money;
    if (!renewal && parts.company && r.chance(0.45)) {
      const first = r.int(0, PRODUCTS.length - 1);
      const chosen = Array.from({ length: r.int(1, 3) }, (_, n) => PRODUCTS[(first + n * 3) % PRODUCTS.length]!);
      lines = chosen.map((product, n) => ({
        id: idOf(createdMs, ID_KIND.deal_lines, j * 8 + n),
        sku: product.sku,
        name: product.name[lang],
        quantity: product.sku.startsWith('SUB') || product.sku === 'HW-KIT' ? r.int(5, 120) : r.int(1, 3),
        unitPrice: money(fromUsdCents(product.usdCents, currency), currency),
        discountBp: r.weighted([
          [0, 60],
          [500, 20],
          [1000, 15],
          [1500, 5],
        ] as const),
      }));
      value = lines.reduce(
        (sum, line) =>
          money(
            sum.amount +
              scaleMoney(money(line.quantity * line.unitPrice.amount, currency), (10_000 - line.discountBp) / 10_000)
                .amount,
            currency,
          ),
        money(0, currency),
      );
    } else {
      const dollars = parts.company ? (renewal ? r.int(80, 800) : r.int(50, 1500)) * 100 : r.int(3, 30) * 100;
      value = money(fromUsdCents(dollars * 100, currency), currency);
    }
    const who = parts.company?.name ?? `${parts.contact.firstName} ${parts.contact.lastName}`;
    const lastEvent = plan.events[plan.events.length - 1]!;
    const finalStage = [...plan.events].reverse().find((e) => 'stage' in e) as { stage: number };
    const year = Number(today.slice(0, 4)) + (r.chance(0.7) ? 0 : 1);
    const offer = renewal
      ? `${RENEWAL_TITLE[lang]} ${year}`
      : r.pick(parts.company ? DEAL_OFFERS[lang] : B2C_OFFERS[lang]);
    const title = `${who} — ${offer}`;
    const expectedCloseDate =
      plan.status === 'OPEN'
        ? addDays(today, [60, 45, 30, 20, 10][finalStage.stage]! + r.int(-20, 15))
        : toIsoDate(ago(lastEvent.daysAgo) + r.int(-10, 20) * DAY);
    const stageProbability = stages[finalStage.stage]!.probability;
    return {
      plan,
      parts,
      id: idOf(createdMs, ID_KIND.deals, j),
      createdMs,
      owner,
      title: title.slice(0, 200),
      offer,
      value,
      lines,
      probability: r.chance(0.15) ? Math.max(0, Math.min(100, stageProbability + r.int(-15, 15))) : null,
      expectedCloseDate,
      rank: rankFor(j),
      tags: tagsFrom(r, 0.3),
      notes: r.chance(0.3) ? r.pick(RECORD_NOTES[lang]) : '',
      lang,
    };
  }

  /** A distinct rank per deal (a bijection into 5 base-36 digits), so any two cards have room between. */
  function rankFor(j: number): string {
    return (
      permuteIndex(j, 36 ** 5, seed ^ 0x7a4b)
        .toString(36)
        .padStart(5, '0') + 'i'
    );
  }

  const stageChangeId = (ms: number, j: number, n: number) => idOf(ms, ID_KIND.stage_changes, j * 16 + n);

  return { dealsFromLeads, dealPlan, dealSetup, stageChangeId };
}

export type DemoDealPlans = ReturnType<typeof createDemoDealPlans>;
