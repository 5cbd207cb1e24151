import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '@domain/collections';
import {
  DEMO_SIZES,
  MAX_DEMO_BATCH,
  createDemoWorld,
  demoBatches,
  demoRecordCount,
  generateDemoData,
} from '@demo-data';
import { checkRecordWrite } from '@domain/write-rules';
import {
  SMALL,
  TODAY,
  expectConsistentHistory,
  groupBy,
  largeSample,
  lookupsFor,
  schemaErrors,
  small,
} from './demo-data-support';

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
