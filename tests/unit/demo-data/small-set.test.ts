import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type CollectionDocs, type CollectionName } from '@domain/collections';
import { daysRotting } from '@domain/deal-lifecycle';
import { DEFAULT_PIPELINE_ID, SETTING_IDS, defaultPipeline } from '@domain/default-records';
import { DEMO_LATAM_TEAM_ID, DEMO_RENEWALS_PIPELINE_ID, DEMO_SIZES } from '@demo-data';
import { parseHlc } from '@domain/hlc';
import { uuidv7Time } from '@domain/ids';
import { defaultDealTitle } from '@domain/lead-conversion';
import { findStage } from '@domain/pipeline-rules';
import { isRank } from '@domain/ranks';
import { LEAD_STATUSES } from '@domain/schemas/lead';
import { addDays } from '@domain/time';
import { checkRecordWrite } from '@domain/write-rules';
import {
  TODAY,
  TODAY_MS,
  UUIDV7,
  byId,
  expectConsistentHistory,
  groupBy,
  largeSample,
  lookupsFor,
  schemaErrors,
  small,
} from './demo-data-support';

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
