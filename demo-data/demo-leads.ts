import { convertLeadToDeal, decideCompany, type ConversionPlan } from '@domain/lead-conversion';
import { changeLeadStatus } from '@domain/lead-lifecycle';
import { money } from '@domain/money';
import { createRecord, editRecord } from '@domain/record-edits';
import type { Lead, LeadStatus } from '@domain/schemas/lead';
import { toIso } from '@domain/time';
import type { DemoCompanies } from './demo-companies';
import { unwrap, type DemoContext } from './demo-context';
import { CONVERSION_STRIDE, type DealSetup, type DemoDealPlans } from './demo-deal-plans';
import { ID_KIND } from './demo-ids';
import {
  currencyFor,
  emailLocalPart,
  fromUsdCents,
  mobile,
  person,
  slug,
  tagsFrom,
  titleFor,
} from './demo-people-places';
import type { DemoTeam, DemoUser } from './demo-team';
import { permuteIndex } from './random';
import {
  ACTIVITY_NOTES,
  B2C_INTERESTS,
  COUNTRY_WEIGHTS,
  DOMAIN_SUFFIX,
  LEAD_INTERESTS,
  PERSONAL_EMAIL_DOMAINS,
  type Language,
} from './vocabulary';

/** Open lead statuses in proportion (converted leads are placed separately). */
const LEAD_STATUS_CYCLE: readonly LeadStatus[] = [
  'NEW',
  'NEW',
  'NEW',
  'CONTACTED',
  'CONTACTED',
  'CONTACTED',
  'QUALIFIED',
  'QUALIFIED',
  'DISQUALIFIED',
  'DISQUALIFIED',
];

export interface LeadParts {
  lead: Lead;
  /** When the lead stopped being worked (converted or disqualified), or null while open. */
  closedMs: number | null;
  lang: Language;
}

/**
 * Lead i of the workspace: every CONVERSION_STRIDE-th lead is the one behind a deal (built from
 * that deal's setup), the others are open or disqualified leads of their own.
 */
export function createDemoLeads(world: DemoContext, team: DemoTeam, companies: DemoCompanies, plans: DemoDealPlans) {
  const { seed, counts, streamOf, idOf, ctx, eventTimes } = world;
  const { sdr, leadSources, disqualifyReasons } = team;
  const { companyIdentity, companyPool } = companies;
  const { dealsFromLeads, dealSetup, stageChangeId } = plans;

  /** The qualified lead behind deal j and its conversion, shared by the lead and the deal. */
  function conversion(j: number): { setup: DealSetup; qualified: Lead; plan: ConversionPlan } {
    const setup = dealSetup(j);
    const i = setup.plan.leadIndex;
    const r = streamOf(ID_KIND.leads, i, 1);
    const { contact, company: employer, lang } = setup.parts;
    const convertedDaysAgo = setup.plan.events[0]!.daysAgo;
    const createdDaysAgo = convertedDaysAgo + r.between(5, 40);
    const contactedDaysAgo = convertedDaysAgo + r.between(2, createdDaysAgo - convertedDaysAgo - 1);
    const qualifiedDaysAgo = convertedDaysAgo + r.between(0.5, contactedDaysAgo - convertedDaysAgo);
    const times = eventTimes([createdDaysAgo, contactedDaysAgo, qualifiedDaysAgo]);
    const owner = sdr(lang);
    let lead = newLead(i, times[0]!, owner, {
      firstName: contact.firstName,
      lastName: contact.lastName,
      email: contact.email,
      phone: contact.phone || contact.mobile,
      companyName: employer?.name ?? '',
      title: contact.title,
      interest: setup.offer,
      source: contact.source,
      estimatedValue: money(
        Math.round(setup.value.amount / 10_000) * 10_000 || setup.value.amount,
        setup.value.currency,
      ),
      tags: contact.tags,
      notes: '',
    });
    lead = applyLeadStatus(lead, 'CONTACTED', '', times[1]!, owner.id);
    lead = applyLeadStatus(lead, 'QUALIFIED', '', times[2]!, owner.id);
    const plan = convertLeadToDeal(lead, {
      pipeline: setup.plan.pipeline,
      title: setup.title,
      value: setup.value,
      expectedCloseDate: setup.expectedCloseDate,
      ownerId: setup.owner.id,
      teamId: setup.owner.teamId,
      existingContact: contact,
      company: decideCompany(lead, contact, []),
      ids: { deal: setup.id, contact: contact.id, stageChange: stageChangeId(setup.createdMs, j, 0) },
      rank: setup.rank,
      at: toIso(setup.createdMs),
      by: owner.id,
    });
    return { setup, qualified: lead, plan: unwrap(plan, `converting lead ${i}`) };
  }

  function newLead(
    i: number,
    createdMs: number,
    owner: DemoUser,
    body: Pick<
      Lead,
      | 'firstName'
      | 'lastName'
      | 'email'
      | 'phone'
      | 'companyName'
      | 'title'
      | 'interest'
      | 'source'
      | 'estimatedValue'
      | 'tags'
      | 'notes'
    >,
  ): Lead {
    // Web-form leads are created by the system and assigned to an SDR.
    const createdBy = body.source === 'web-form' ? '' : owner.id;
    return createRecord(
      'leads',
      idOf(createdMs, ID_KIND.leads, i),
      {
        ...body,
        nameKey: '',
        contactId: '',
        status: 'NEW',
        disqualifyReason: '',
        qualifiedAt: null,
        convertedDealId: '',
        convertedAt: null,
        ownerId: owner.id,
        teamId: owner.teamId,
      },
      ctx(createdMs, createdBy),
    );
  }

  function applyLeadStatus(lead: Lead, to: Exclude<LeadStatus, 'CONVERTED'>, reason: string, ms: number, by: string) {
    const patch = unwrap(changeLeadStatus(lead, to, toIso(ms), reason), `lead ${lead.id} to ${to}`);
    return editRecord('leads', lead, patch, ctx(ms, by)) ?? lead;
  }

  /**
   * What an open lead wants, drawn from a stream of its own so the lead's other values stay as
   * they were. A new lead often has not been asked yet; once someone has called, mostly they have.
   */
  function leadInterest(i: number, status: LeadStatus, hasCompany: boolean, lang: Language): string {
    const r = streamOf(ID_KIND.leads, i, 2);
    if (!r.chance(status === 'NEW' ? 0.5 : 0.9)) return '';
    return r.pick(hasCompany ? LEAD_INTERESTS[lang] : B2C_INTERESTS[lang]);
  }

  function leadParts(i: number): LeadParts {
    if (i % CONVERSION_STRIDE === 0 && i / CONVERSION_STRIDE < dealsFromLeads) {
      const { setup, qualified, plan } = conversion(i / CONVERSION_STRIDE);
      const converted = editRecord('leads', qualified, plan.leadPatch, ctx(setup.createdMs, qualified.ownerId))!;
      return { lead: converted, closedMs: setup.createdMs, lang: setup.parts.lang };
    }
    const r = streamOf(ID_KIND.leads, i);
    const status = LEAD_STATUS_CYCLE[permuteIndex(i, counts.leads, seed ^ 0x1ead) % LEAD_STATUS_CYCLE.length]!;
    const lang: Language = r.chance(0.55) ? 'en' : 'es';
    const country = r.weighted(COUNTRY_WEIGHTS[lang]);
    const p = person(r, lang);
    const hasCompany = r.chance(0.75);
    // A company name in the lead's language, mostly: the first of a few draws that matches.
    let identity = companyIdentity(r.int(0, companyPool - 1));
    for (let tries = 0; tries < 3 && identity.lang !== lang; tries++)
      identity = companyIdentity(r.int(0, companyPool - 1));
    const companyName = hasCompany ? identity.baseName : '';
    const domain = hasCompany
      ? `${slug(identity.baseName)}.${DOMAIN_SUFFIX[country]}`
      : r.pick(PERSONAL_EMAIL_DOMAINS[lang]);
    const currency = currencyFor(country, r);
    const createdDaysAgo = {
      NEW: r.between(1, 20),
      CONTACTED: r.between(5, 60),
      QUALIFIED: r.between(10, 120),
      DISQUALIFIED: r.between(10, 200),
      CONVERTED: 0,
    }[status];
    const owner = sdr(lang);
    const times = eventTimes([
      createdDaysAgo,
      1 + (createdDaysAgo - 1) * r.between(0.4, 0.9),
      1 + (createdDaysAgo - 1) * r.between(0.1, 0.35),
    ]);
    let lead = newLead(i, times[0]!, owner, {
      firstName: p.firstName,
      lastName: p.lastName,
      email: `${emailLocalPart(p, r)}${hasCompany ? '' : r.int(1, 99)}@${domain}`,
      phone: r.chance(0.8) ? mobile(country, r) : '',
      companyName,
      title: hasCompany ? titleFor(p, r) : '',
      interest: leadInterest(i, status, hasCompany, lang),
      source: r.pick(leadSources),
      estimatedValue: r.chance(0.6) ? money(fromUsdCents(r.int(20, 400) * 10_000, currency), currency) : null,
      tags: tagsFrom(r, 0.2),
      notes: r.chance(0.3) ? r.pick(ACTIVITY_NOTES[lang]) : '',
    });
    let closedMs: number | null = null;
    if (status === 'CONTACTED' || status === 'QUALIFIED')
      lead = applyLeadStatus(lead, 'CONTACTED', '', times[1]!, owner.id);
    if (status === 'QUALIFIED') lead = applyLeadStatus(lead, 'QUALIFIED', '', times[2]!, owner.id);
    if (status === 'DISQUALIFIED') {
      if (r.chance(0.6)) lead = applyLeadStatus(lead, 'CONTACTED', '', times[1]!, owner.id);
      lead = applyLeadStatus(lead, 'DISQUALIFIED', r.pick(disqualifyReasons), times[2]!, owner.id);
      closedMs = times[2]!;
    }
    return { lead, closedMs, lang };
  }

  return { conversion, leadParts };
}

export type DemoLeads = ReturnType<typeof createDemoLeads>;
