import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, type CollectionDocs, type CollectionName } from '@domain/collections';
import { daysRotting } from '@domain/deal-lifecycle';
import { DEFAULT_PIPELINE_ID, SETTING_IDS, defaultPipeline } from '@domain/default-records';
import {
  DEMO_LATAM_TEAM_ID,
  DEMO_RENEWALS_PIPELINE_ID,
  DEMO_SIZES,
  MAX_DEMO_BATCH,
  createDemoWorld,
  createRandom,
  demoBatches,
  demoRecordCount,
  demoUuidv7,
  generateDemoData,
  permuteIndex,
  type DemoBatchOptions,
  type DemoCollections,
} from '@demo-data';
import { parseHlc } from '@domain/hlc';
import { uuidv7Time } from '@domain/ids';
import { defaultDealTitle } from '@domain/lead-conversion';
import { findStage } from '@domain/pipeline-rules';
import { isRank } from '@domain/ranks';
import { LEAD_STATUSES } from '@domain/schemas/lead';
import type { Pipeline } from '@domain/schemas/pipeline';
import { addDays, daysBetween } from '@domain/time';
import { checkRecordWrite, type WriteLookups } from '@domain/write-rules';

const TODAY = '2026-03-02';
const TODAY_MS = Date.parse(`${TODAY}T00:00:00Z`);
const SMALL: DemoBatchOptions = { size: 'small', today: TODAY };
const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const small = generateDemoData(SMALL);

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validators = new Map<CollectionName, ValidateFunction>();
function schemaErrors(collection: CollectionName, records: readonly unknown[]): string[] {
  let validate = validators.get(collection);
  if (!validate) validators.set(collection, (validate = ajv.compile(COLLECTION_SCHEMAS[collection])));
  const errors: string[] = [];
  for (const record of records)
    if (!validate(record))
      errors.push(`${collection} ${(record as { id: string }).id}: ${ajv.errorsText(validate.errors)}`);
  return errors;
}

/** The write rules as the server applies them the day the demo is loaded, to someone who cannot make pipelines. */
const lookupsFor = (pipelines: Pipeline[]): WriteLookups => ({
  pipeline: (id) => pipelines.find((p) => p.id === id),
  nowMs: TODAY_MS,
  pipelineMayBePending: false,
});
const byId = <T extends { id: string }>(records: T[]) => new Map(records.map((r) => [r.id, r]));
/** Map.groupBy arrives in Node 21. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The first `limit` records of each collection of the large set (with references into all of it). */
function largeSample(limit: number): DemoCollections {
  return generateDemoData({ size: 'large', today: TODAY, limit });
}

describe('generateDemoData: the small set', () => {
  it('has the planned number of records in every collection', () => {
    expect(small.companies).toHaveLength(DEMO_SIZES.small.companies);
    expect(small.contacts).toHaveLength(DEMO_SIZES.small.contacts);
    expect(small.leads).toHaveLength(DEMO_SIZES.small.leads);
    expect(small.deals).toHaveLength(DEMO_SIZES.small.deals);
    expect(small.activities).toHaveLength(DEMO_SIZES.small.activities);
    expect(small.pipelines).toHaveLength(2);
    expect(small.settings).toHaveLength(5);
    expect(small.users).toHaveLength(6);
    expect(small.saved_views.length).toBeGreaterThan(0);
    expect(small.stage_changes.length).toBeGreaterThanOrEqual(small.deals.length);
    for (const name of COLLECTION_NAMES) expect(small[name].length, name).toBeGreaterThan(0);
  });

  it('validates every record against its collection schema', () => {
    for (const name of COLLECTION_NAMES) expect(schemaErrors(name, small[name])).toEqual([]);
  });

  it('gives every record a unique UUIDv7 id that encodes its creation time', () => {
    const all = COLLECTION_NAMES.flatMap((name) => small[name] as { id: string }[]);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    const timed: CollectionName[] = [
      'companies',
      'contacts',
      'leads',
      'deals',
      'activities',
      'stage_changes',
      'saved_views',
    ];
    for (const name of timed)
      for (const record of small[name]) {
        expect(record.id, name).toMatch(UUIDV7);
        expect(uuidv7Time(record.id), `${name} ${record.id}`).toBe(Date.parse(record.createdAt));
      }
  });

  it('stamps every record before the start of `today`, with clocks that match its edits', () => {
    for (const name of COLLECTION_NAMES)
      for (const record of small[name]) {
        expect(Date.parse(record.createdAt), name).toBeLessThan(TODAY_MS);
        expect(record.updatedAt >= record.createdAt, name).toBe(true);
        expect(parseHlc(record.hlc)?.wallMs, name).toBe(Date.parse(record.updatedAt));
        for (const clock of Object.values(record.clocks)) expect(clock <= record.hlc, name).toBe(true);
      }
  });

  it('uses the workspace’s well-known ids for settings and the default Sales pipeline', () => {
    expect(small.settings.map((s) => s.id).sort()).toEqual(Object.values(SETTING_IDS).sort());
    for (const s of small.settings) expect(s.id).toBe(SETTING_IDS[s.kind]);
    const sales = small.pipelines.find((p) => p.id === DEFAULT_PIPELINE_ID)!;
    const { id: _id, ...defaults } = defaultPipeline();
    expect(sales).toMatchObject(defaults);
    expect(sales.stages.map((s) => [s.name, s.probability])).toEqual([
      ['Lead in', 10],
      ['Qualified', 25],
      ['Demo', 50],
      ['Proposal', 70],
      ['Negotiation', 85],
    ]);
    expect(sales.stages.every((s) => s.rottingDays > 0)).toBe(true);
    const renewals = small.pipelines.find((p) => p.id === DEMO_RENEWALS_PIPELINE_ID)!;
    expect(renewals).toMatchObject({ name: 'Renewals', isDefault: false });
    expect(renewals.stages).toHaveLength(3);
  });

  it('has a Sales Manager, a Supervisor, two account executives and two SDRs in two teams', () => {
    expect(small.users.map((u) => u.role).sort()).toEqual([
      'ACCOUNT_EXECUTIVE',
      'ACCOUNT_EXECUTIVE',
      'SALES_MANAGER',
      'SDR',
      'SDR',
      'SUPERVISOR',
    ]);
    const teams = small.settings.find((s) => s.kind === 'teams')!.items.map((t) => t.key);
    expect(teams).toHaveLength(2);
    expect(teams).toContain(DEMO_LATAM_TEAM_ID);
    for (const u of small.users) expect(teams).toContain(u.teamId);
    expect(new Set(small.users.map((u) => u.locale))).toEqual(new Set(['en', 'es']));
  });

  it('keeps every reference pointing at a record that exists and was created before it', () => {
    const companies = byId(small.companies);
    const contacts = byId(small.contacts);
    const leads = byId(small.leads);
    const deals = byId(small.deals);
    const userIds = new Set(small.users.map((u) => u.id));
    const teamIds = new Set(small.settings.find((s) => s.kind === 'teams')!.items.map((t) => t.key));
    const before = (parent: { createdAt: string } | undefined, child: { createdAt: string }) =>
      !!parent && parent.createdAt <= child.createdAt;

    for (const c of small.contacts) if (c.companyId) expect(before(companies.get(c.companyId), c)).toBe(true);
    for (const d of small.deals) {
      expect(before(contacts.get(d.contactId), d)).toBe(true);
      expect(d.companyId).toBe(contacts.get(d.contactId)!.companyId);
      if (d.leadId) {
        const lead = leads.get(d.leadId)!;
        expect(lead).toMatchObject({
          status: 'CONVERTED',
          convertedDealId: d.id,
          contactId: d.contactId,
          convertedAt: d.createdAt,
        });
      }
    }
    for (const l of small.leads.filter((x) => x.status === 'CONVERTED'))
      expect(deals.get(l.convertedDealId)?.leadId).toBe(l.id);
    for (const a of small.activities) {
      if (a.dealId) expect(before(deals.get(a.dealId), a)).toBe(true);
      if (a.leadId) expect(before(leads.get(a.leadId), a)).toBe(true);
      if (a.contactId) expect(contacts.has(a.contactId)).toBe(true);
      if (a.companyId) expect(companies.has(a.companyId)).toBe(true);
    }
    for (const sc of small.stage_changes) expect(deals.has(sc.dealId)).toBe(true);
    for (const name of ['companies', 'contacts', 'leads', 'deals', 'activities', 'stage_changes'] as const)
      for (const r of small[name]) {
        expect(userIds.has(r.ownerId), `${name} owner`).toBe(true);
        expect(teamIds.has(r.teamId), `${name} team`).toBe(true);
      }
  });

  it('files about 15% of contacts under no company (people buying for themselves)', () => {
    const b2c = small.contacts.filter((c) => c.companyId === '').length / small.contacts.length;
    expect(b2c).toBeGreaterThan(0.08);
    expect(b2c).toBeLessThan(0.25);
  });

  it('derives business email addresses from the company’s domain', () => {
    const companies = byId(small.companies);
    for (const c of small.contacts)
      if (c.companyId) expect(c.email.endsWith(`@${companies.get(c.companyId)!.domain}`), c.email).toBe(true);
  });

  it('mixes English and Spanish names, cities and phone formats', () => {
    const names = small.contacts.map((c) => `${c.firstName} ${c.lastName}`).join(' ');
    expect(names).toMatch(/[áéíóúñÁÉÍÓÚÑ]/);
    const countries = new Set(small.companies.map((c) => c.address.country));
    expect(countries.has('US')).toBe(true);
    expect([...countries].some((c) => ['MX', 'ES', 'CO', 'CL', 'AR', 'PE'].includes(c!))).toBe(true);
    const phones = small.companies.map((c) => c.phone);
    expect(phones.some((p) => p.startsWith('+1 ('))).toBe(true);
    expect(phones.some((p) => p.startsWith('+52 ') || p.startsWith('+34 ') || p.startsWith('+57 '))).toBe(true);
  });

  it('has leads in every status, with reasons and conversion links where required', () => {
    expect(new Set(small.leads.map((l) => l.status))).toEqual(new Set(LEAD_STATUSES));
    const disqualifyKeys = small.settings.find((s) => s.kind === 'disqualify-reasons')!.items.map((i) => i.key);
    for (const l of small.leads.filter((x) => x.status === 'DISQUALIFIED'))
      expect(disqualifyKeys).toContain(l.disqualifyReason);
    const sources = small.settings.find((s) => s.kind === 'lead-sources')!.items.map((i) => i.key);
    for (const l of small.leads) expect(sources).toContain(l.source);
  });

  it('says what most leads want, not yet for some new ones, and names each converted lead’s deal after it', () => {
    const saying = small.leads.filter((l) => l.interest.trim()).length / small.leads.length;
    expect(saying).toBeGreaterThan(0.6);
    expect(small.leads.some((l) => l.status === 'NEW' && !l.interest)).toBe(true);
    const deals = byId(small.deals);
    const converted = small.leads.filter((l) => l.status === 'CONVERTED');
    expect(converted.length).toBeGreaterThan(0);
    for (const l of converted) expect(deals.get(l.convertedDealId)!.title).toBe(defaultDealTitle(l, '').title);
  });

  it('reaches every lead status through transitions the lead rules allow', () => {
    for (const lead of small.leads) {
      if (lead.status === 'CONVERTED') {
        const qualified = {
          ...lead,
          status: 'QUALIFIED' as const,
          convertedDealId: '',
          convertedAt: null,
          contactId: '',
        };
        expect(checkRecordWrite('leads', qualified, lead, lookupsFor(small.pipelines))).toEqual([]);
      } else expect(checkRecordWrite('leads', null, lead, lookupsFor(small.pipelines))).toEqual([]);
    }
  });

  it('has deals in both pipelines and in every stage of Sales, some won and some lost with reasons', () => {
    expect(new Set(small.deals.map((d) => d.pipelineId))).toEqual(
      new Set([DEFAULT_PIPELINE_ID, DEMO_RENEWALS_PIPELINE_ID]),
    );
    const statuses = small.deals.map((d) => d.status);
    for (const s of ['OPEN', 'WON', 'LOST'] as const) expect(statuses).toContain(s);
    const lostKeys = small.settings.find((s) => s.kind === 'lost-reasons')!.items.map((i) => i.key);
    for (const d of small.deals.filter((x) => x.status === 'LOST')) expect(lostKeys).toContain(d.lostReason);
    const sales = small.pipelines.find((p) => p.id === DEFAULT_PIPELINE_ID)!;
    const salesStagesWithDeals = new Set(small.deals.filter((d) => d.pipelineId === sales.id).map((d) => d.stageId));
    expect(salesStagesWithDeals.size).toBe(sales.stages.length);
  });

  it('passes the deal write rules for every deal', () => {
    const lookups = lookupsFor(small.pipelines);
    for (const d of small.deals) expect(checkRecordWrite('deals', null, d, lookups), d.id).toEqual([]);
  });

  it('passes the write rules for every record of every collection: clocks, times and references', () => {
    const lookups = lookupsFor(small.pipelines);
    for (const collection of COLLECTION_NAMES) {
      for (const record of small[collection] as CollectionDocs[CollectionName][]) {
        const errors = checkRecordWrite(collection, null, record as never, lookups);
        expect(errors, `${collection} ${record.id}`).toEqual([]);
      }
    }
  });

  it('records each deal’s history as a chain of stage changes that ends where the deal is', () => {
    const changesByDeal = groupBy(small.stage_changes, (sc) => sc.dealId);
    for (const d of small.deals) expectConsistentHistory(d, changesByDeal.get(d.id) ?? []);
  });

  // Generating a large sample takes seconds on a busy two-core machine: more than the 5 s default.
  it('keeps money in integer minor units, mostly USD with some EUR and MXN', { timeout: 30_000 }, () => {
    const large = largeSample(2000);
    const currencies = large.deals.map((d) => d.value.currency);
    const usd = currencies.filter((c) => c === 'USD').length / currencies.length;
    expect(usd).toBeGreaterThan(0.6);
    expect(currencies).toContain('EUR');
    expect(currencies).toContain('MXN');
    for (const d of [...small.deals, ...large.deals]) {
      expect(Number.isSafeInteger(d.value.amount)).toBe(true);
      expect(d.value.amount).toBeGreaterThan(0);
      for (const line of d.lines) expect(line.unitPrice.currency).toBe(d.value.currency);
    }
  });

  it('sets expected close dates around today, with some open deals overdue and some rotting', () => {
    const open = small.deals.filter((d) => d.status === 'OPEN');
    for (const d of open) {
      expect(d.expectedCloseDate >= addDays(TODAY, -30), d.expectedCloseDate).toBe(true);
      expect(d.expectedCloseDate <= addDays(TODAY, 120), d.expectedCloseDate).toBe(true);
    }
    expect(open.some((d) => d.expectedCloseDate < TODAY)).toBe(true);
    const rotting = open.filter((d) => {
      const pipeline = small.pipelines.find((p) => p.id === d.pipelineId)!;
      return daysRotting(d, findStage(pipeline, d.stageId), `${TODAY}T00:00:00.000Z`) > 0;
    });
    expect(rotting.length).toBeGreaterThan(0);
    expect(rotting.length).toBeLessThan(open.length);
  });

  it('gives every deal a valid rank, distinct within its stage column', () => {
    const columns = groupBy(small.deals, (d) => `${d.pipelineId}/${d.stageId}`);
    for (const deals of columns.values()) {
      for (const d of deals) expect(isRank(d.rank)).toBe(true);
      expect(new Set(deals.map((d) => d.rank)).size).toBe(deals.length);
    }
  });

  it('has activities of every type on deals, leads and contacts, past and planned', () => {
    expect(new Set(small.activities.map((a) => a.type))).toEqual(new Set(['CALL', 'EMAIL', 'MEETING', 'FOLLOW_UP']));
    expect(small.activities.some((a) => a.dealId)).toBe(true);
    expect(small.activities.some((a) => a.leadId)).toBe(true);
    expect(small.activities.some((a) => !a.dealId && !a.leadId && a.contactId)).toBe(true);
    expect(small.activities.some((a) => a.completedAt === null && Date.parse(a.dueAt) >= TODAY_MS)).toBe(true);
    expect(small.activities.some((a) => a.completedAt !== null)).toBe(true);
    expect(small.activities.some((a) => a.scriptAnswers.length > 0)).toBe(true);
    for (const a of small.activities) if (a.completedAt) expect(Date.parse(a.completedAt)).toBeLessThan(TODAY_MS);
  });
});

describe('determinism', () => {
  it('produces byte-identical output for the same seed and day', () => {
    expect(JSON.stringify(generateDemoData(SMALL))).toBe(JSON.stringify(small));
    expect(JSON.stringify(largeSample(300))).toBe(JSON.stringify(largeSample(300)));
  });

  it('produces different data for another seed or another day', () => {
    const otherSeed = generateDemoData({ ...SMALL, seed: 7 });
    expect(JSON.stringify(otherSeed.contacts)).not.toBe(JSON.stringify(small.contacts));
    const otherDay = generateDemoData({ ...SMALL, today: '2026-03-03' });
    expect(otherDay.deals[0]!.createdAt).not.toBe(small.deals[0]!.createdAt);
    // ...but the shared configuration keeps its well-known ids.
    expect(otherSeed.settings.map((s) => s.id)).toEqual(small.settings.map((s) => s.id));
  });

  it('refuses a day that is not a YYYY-MM-DD date', () => {
    expect(() => generateDemoData({ ...SMALL, today: '2026-02-30' })).toThrow(RangeError);
    expect(() => generateDemoData({ ...SMALL, today: '03/02/2026' })).toThrow(RangeError);
  });
});

describe('demoBatches', () => {
  it('yields batches of at most 1,000 records of one collection', { timeout: 30_000 }, () => {
    let total = 0;
    for (const batch of demoBatches({ size: 'large', today: TODAY, limit: 2500 })) {
      expect(batch.records.length).toBeGreaterThan(0);
      expect(batch.records.length).toBeLessThanOrEqual(MAX_DEMO_BATCH);
      total += batch.records.length;
    }
    expect(total).toBe(demoRecordCount({ size: 'large', today: TODAY, limit: 2500 }));
  });

  it('honours a smaller batch size', () => {
    const sizes = [...demoBatches({ ...SMALL, batchSize: 25 })].map((b) => b.records.length);
    expect(Math.max(...sizes)).toBe(25);
  });

  it('counts exactly what it yields, so progress reaches 100%', () => {
    const yielded = [...demoBatches(SMALL)].reduce((n, b) => n + b.records.length, 0);
    expect(demoRecordCount(SMALL)).toBe(yielded);
  });

  it('emits each deal’s stage changes after the deal itself', () => {
    const seen = new Set<string>();
    for (const batch of demoBatches({ ...SMALL, batchSize: 7 })) {
      if (batch.collection === 'deals') for (const d of batch.records) seen.add(d.id);
      if (batch.collection === 'stage_changes') for (const sc of batch.records) expect(seen.has(sc.dealId)).toBe(true);
    }
  });
});

describe('the large set (sampled)', () => {
  const sample = largeSample(2000);

  it('validates the first 2,000 records of every collection against their schemas', () => {
    for (const name of COLLECTION_NAMES) expect(schemaErrors(name, sample[name])).toEqual([]);
    expect(sample.activities).toHaveLength(2000);
    expect(sample.stage_changes).toHaveLength(2000);
  });

  it('passes the deal write rules and keeps consistent histories for sampled deals', () => {
    const lookups = lookupsFor(sample.pipelines);
    const changesByDeal = groupBy(sample.stage_changes, (sc) => sc.dealId);
    for (const d of sample.deals) expect(checkRecordWrite('deals', null, d, lookups)).toEqual([]);
    // The sample holds only the first 2,000 changes: check the deals whose history is complete.
    const complete = sample.deals.filter((d) => changesByDeal.has(d.id)).slice(0, -1);
    expect(complete.length).toBeGreaterThan(100);
    for (const d of complete) expectConsistentHistory(d, changesByDeal.get(d.id)!);
  });

  it('never repeats an id', () => {
    const all = COLLECTION_NAMES.flatMap((name) => sample[name] as { id: string }[]);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  });

  it('gives all 20,000 companies distinct domains', () => {
    const world = createDemoWorld({ size: 'large', today: TODAY });
    const domains = new Set(Array.from({ length: DEMO_SIZES.large.companies }, (_, k) => world.company(k).domain));
    expect(domains.size).toBe(DEMO_SIZES.large.companies);
  });

  it('counts more than 430,000 records in all', () => {
    expect(demoRecordCount({ size: 'large', today: TODAY })).toBeGreaterThan(430_000);
  });
});

describe('the medium set', () => {
  // A busy team's workspace for tests on a realistic device: every record points inside the set.
  it('holds more than 20,000 records, and every reference of a sample resolves within it', () => {
    const options = { size: 'medium', today: TODAY } as const;
    expect(demoRecordCount(options)).toBeGreaterThan(20_000);
    const world = createDemoWorld(options);
    const companyIds = new Set(Array.from({ length: DEMO_SIZES.medium.companies }, (_, k) => world.company(k).id));
    const contactIds = new Set(Array.from({ length: DEMO_SIZES.medium.contacts }, (_, k) => world.contact(k).id));
    const within = (ids: Set<string>, id: string) => id === '' || ids.has(id);
    for (let k = 0; k < DEMO_SIZES.medium.contacts; k += 97) {
      expect(within(companyIds, world.contact(k).companyId), `contact ${k}`).toBe(true);
    }
    for (let j = 0; j < DEMO_SIZES.medium.deals; j += 89) {
      const { deal } = world.deal(j);
      expect(within(contactIds, deal.contactId) && within(companyIds, deal.companyId), `deal ${j}`).toBe(true);
    }
  });
});

describe('a workspace between two sizes', () => {
  it('holds the counts asked for in place of its size’s, the others as its size has them, every record valid', () => {
    const options = { size: 'small', today: TODAY, counts: { contacts: 400, leads: 90 } } as const;
    const data = generateDemoData(options);
    expect(data.contacts).toHaveLength(400);
    expect(data.leads).toHaveLength(90);
    expect(data.companies).toHaveLength(DEMO_SIZES.small.companies);
    expect(demoRecordCount(options)).toBe(COLLECTION_NAMES.reduce((n, name) => n + data[name].length, 0));
    for (const name of COLLECTION_NAMES) expect(schemaErrors(name, data[name])).toEqual([]);
  });

  it('refuses a count that is not a whole number above 0', () => {
    expect(() => createDemoWorld({ size: 'small', today: TODAY, counts: { deals: 0 } })).toThrow(RangeError);
    expect(() => createDemoWorld({ size: 'small', today: TODAY, counts: { deals: 2.5 } })).toThrow(RangeError);
  });
});

describe('the signed-in user', () => {
  const me = {
    id: '01900000-0000-7000-8000-00000000beef',
    teamId: '01900000-0000-7000-8000-0000000000aa',
    name: 'Sam',
  };
  const withMe = generateDemoData({ ...SMALL, currentUser: me });

  it('takes the Sales Manager’s place, without a generated profile', () => {
    expect(withMe.users).toHaveLength(5);
    expect(withMe.users.some((u) => u.id === me.id || u.role === 'SALES_MANAGER')).toBe(false);
    expect(withMe.companies.some((c) => c.ownerId === me.id && c.teamId === me.teamId)).toBe(true);
    expect(withMe.saved_views.some((v) => v.userId === me.id)).toBe(true);
    expect(withMe.settings.find((s) => s.kind === 'teams')!.items.map((t) => t.key)).toContain(me.teamId);
  });

  it('leaves every other generated value as it was', () => {
    expect(withMe.contacts.map((c) => c.email)).toEqual(small.contacts.map((c) => c.email));
  });

  it('accepts fixed ids for the generated profiles', () => {
    const ae = '01900000-0000-7000-8000-00000000ae01';
    const data = generateDemoData({ ...SMALL, userIds: { aeNorth: ae } });
    expect(data.users.find((u) => u.id === ae)?.role).toBe('ACCOUNT_EXECUTIVE');
    expect(data.deals.some((d) => d.ownerId === ae)).toBe(true);
  });
});

describe('demo randomness helpers', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 20 }, () => a.uint32());
    expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.uint32())).not.toEqual(seqA);
  });

  it('draws floats in [0, 1) and integers within their bounds', () => {
    const r = createRandom(1);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = r.int(-3, 3);
      expect(Number.isInteger(n) && n >= -3 && n <= 3).toBe(true);
    }
  });

  it('permutes indexes as a bijection of [0, size)', () => {
    for (const size of [1, 2, 3, 10, 45, 1000, 4000, 4097]) {
      const seen = new Set(Array.from({ length: size }, (_, i) => permuteIndex(i, size, 99)));
      expect(seen.size).toBe(size);
      expect(Math.max(...seen)).toBe(size - 1);
    }
  });

  it('makes UUIDv7-shaped demo ids that carry their time and never collide across kinds', () => {
    const ms = Date.UTC(2025, 6, 1, 15);
    const ids = new Set<string>();
    for (const kind of [1, 2, 3, 4, 5, 6, 7, 8, 9] as const)
      for (let i = 0; i < 2000; i++) {
        const id = demoUuidv7(ms, kind, i, 5);
        expect(id).toMatch(UUIDV7);
        ids.add(id);
      }
    expect(ids.size).toBe(9 * 2000);
    expect(uuidv7Time(demoUuidv7(ms, 1, 0, 5))).toBe(ms);
  });
});

/** A deal's stage changes must chain from "created" to exactly where and how the deal is now. */
function expectConsistentHistory(deal: CollectionDocs['deals'], changes: CollectionDocs['stage_changes'][]) {
  const history = [...changes].sort((a, b) => a.at.localeCompare(b.at));
  expect(history.length, deal.id).toBeGreaterThan(0);
  expect(history[0]).toMatchObject({ fromStageId: '', fromStatus: '', toStatus: 'OPEN', at: deal.createdAt });
  history.forEach((sc, i) => {
    expect(sc).toMatchObject({ pipelineId: deal.pipelineId, ownerId: deal.ownerId, teamId: deal.teamId });
    if (i > 0) {
      expect(sc.fromStageId).toBe(history[i - 1]!.toStageId);
      expect(sc.fromStatus).toBe(history[i - 1]!.toStatus);
      expect(sc.at > history[i - 1]!.at).toBe(true);
    }
  });
  const last = history[history.length - 1]!;
  expect(last.toStageId).toBe(deal.stageId);
  expect(last.toStatus).toBe(deal.status);
  if (deal.status === 'OPEN') expect(deal.stageEnteredAt).toBe(last.at);
  else {
    expect(deal.closedAt).toBe(last.at);
    const entered = [...history].reverse().find((sc) => sc.toStatus === 'OPEN')!;
    expect(deal.stageEnteredAt).toBe(entered.at);
  }
  expect(daysBetween(deal.createdAt, deal.updatedAt)).toBeGreaterThanOrEqual(0);
}
