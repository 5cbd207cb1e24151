import { checkDealFields, type StageChangeBody } from './deal-lifecycle';
import { personName, searchKey } from './derived-fields';
import { domainError, fail, ok, type Result } from './errors';
import type { Money } from './money';
import { firstStage, findStage } from './pipeline-rules';
import type { Activity } from './schemas/activity';
import type { Company } from './schemas/company';
import type { Contact } from './schemas/contact';
import { MAX_DEAL_TITLE_LENGTH, type Deal } from './schemas/deal';
import type { Lead } from './schemas/lead';
import type { Pipeline } from './schemas/pipeline';
import { addDays, type IsoDate, type IsoDateTime } from './time';

type NewBody<T> = Omit<
  T,
  'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy' | 'hlc' | 'clocks' | 'deletedAt' | 'nameKey' | 'titleKey'
>;

/** How far ahead a new deal is expected to close until someone knows better: a month of work. */
export const DEFAULT_CLOSE_IN_DAYS = 30;

/** Between who the deal is with and what it is about, as in "Summit Foods — Pilot project". */
export const TITLE_SEPARATOR = ' — ';

/** The expected close date a conversion proposes, counted from the user's today. */
export function defaultCloseDate(today: IsoDate): IsoDate {
  return addDays(today, DEFAULT_CLOSE_IN_DAYS);
}

/** Who a lead's deal is with: their company, or the person when they buy for themselves. */
export function dealCounterparty(lead: Pick<Lead, 'companyName' | 'firstName' | 'lastName' | 'email'>): string {
  return (
    lead.companyName.trim() ||
    personName({ firstName: lead.firstName.trim(), lastName: lead.lastName.trim() }) ||
    lead.email.trim()
  );
}

export interface DefaultDealTitle {
  title: string;
  /**
   * Where in `title` the stand-in for "what they want" sits ([start, end)), when the lead does not
   * say: the UI selects it so that typing replaces it and keeps the counterparty. Null otherwise.
   */
  standIn: { start: number; end: number } | null;
}

/**
 * The title a conversion proposes: "<company or person> — <what they want>". A lead that does not
 * say what they want gets `standIn` (the UI's "New business", in the user's language) in its place.
 * `company` is the company the deal is filed under, when it exists already: its name is spelled as
 * the workspace spells it, which the lead's text need not be ("ACME corp" links "Acme Corp").
 */
export function defaultDealTitle(
  lead: Pick<Lead, 'companyName' | 'firstName' | 'lastName' | 'email' | 'interest'>,
  standIn: string,
  company: Pick<Company, 'name'> | null = null,
): DefaultDealTitle {
  const who = company?.name.trim() || dealCounterparty(lead);
  const interest = lead.interest.trim();
  const prefix = who ? `${who}${TITLE_SEPARATOR}` : '';
  // Cut by characters, not UTF-16 units, so a long name never ends in half an emoji.
  const title = [...`${prefix}${interest || standIn}`].slice(0, MAX_DEAL_TITLE_LENGTH).join('');
  return {
    title,
    standIn: interest ? null : { start: Math.min(prefix.length, title.length), end: title.length },
  };
}

export interface DefaultDealValue {
  /** The lead's estimate when it is in the pipeline's currency; null when there is none to use. */
  value: Money | null;
  /** An estimate in another currency: shown as it is, never converted at a rate nobody chose. */
  estimateInOtherCurrency: Money | null;
}

/** The value a conversion proposes for a deal counted in `currency` (the pipeline's). */
export function defaultDealValue(lead: Pick<Lead, 'estimatedValue'>, currency: string): DefaultDealValue {
  const estimate = lead.estimatedValue;
  if (!estimate) return { value: null, estimateInOtherCurrency: null };
  return estimate.currency === currency
    ? { value: estimate, estimateInOtherCurrency: null }
    : { value: null, estimateInOtherCurrency: estimate };
}

/** Where a conversion files the deal and the new contact. */
export type CompanyDecision = { kind: 'link'; companyId: string } | { kind: 'create'; name: string } | { kind: 'none' };

/** The key two company names match on: the `nameKey` a company is indexed by. */
export function companyMatchKey(name: string): string {
  return searchKey(name).slice(0, 200);
}

/**
 * What a conversion does about the company, before the user has a say (they may still choose no
 * company, for a person buying for themselves). A lead that already points to a contact goes with
 * that contact's company, and with none while the contact is not on this device: the deal follows
 * its contact, and a company made up from the lead's text could contradict it. Otherwise the lead's company name links the company whose name matches
 * once normalized (case, accents, spaces: "NÚÑEZ  foods" is "Núñez Foods"), the oldest when several
 * do, or creates one of that name; no name, no company. `companies` are the candidates the caller
 * found by `companyMatchKey`; deleted ones never match.
 */
export function decideCompany(
  lead: Pick<Lead, 'companyName' | 'contactId'>,
  existingContact: Pick<Contact, 'companyId'> | null,
  companies: readonly Pick<Company, 'id' | 'name' | 'deletedAt'>[],
): CompanyDecision {
  if (existingContact) {
    return existingContact.companyId ? { kind: 'link', companyId: existingContact.companyId } : { kind: 'none' };
  }
  if (lead.contactId) return { kind: 'none' };
  const name = lead.companyName.trim();
  if (!name) return { kind: 'none' };
  const key = companyMatchKey(name);
  const match = companies
    .filter((c) => !c.deletedAt && companyMatchKey(c.name) === key)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
  return match ? { kind: 'link', companyId: match.id } : { kind: 'create', name };
}

export interface ConversionInput {
  pipeline: Pipeline;
  /** Defaults to the pipeline's first active stage. */
  stageId?: string;
  title: string;
  value: Money;
  expectedCloseDate: IsoDate | '';
  ownerId: string;
  teamId: string;
  /** Link to an existing contact instead of creating one from the lead; the deal takes its company. */
  existingContact?: Contact;
  /** Where a new contact and the deal are filed (decideCompany, or the user's "no company"). */
  company: CompanyDecision;
  /** `company` is needed only when a company is created. */
  ids: { deal: string; contact: string; stageChange: string; company?: string };
  rank: string;
  at: IsoDateTime;
  by: string;
}

export interface ConversionPlan {
  leadPatch: Partial<Lead>;
  /** A company to create from the lead's company name, or null. Written before the contact. */
  newCompany: (NewBody<Company> & { id: string }) | null;
  /** A contact to create from the lead's details, or null when linking an existing one. */
  newContact: (NewBody<Contact> & { id: string }) | null;
  deal: NewBody<Deal> & { id: string };
  stageChange: StageChangeBody & { id: string };
}

/**
 * Conversion turns a QUALIFIED lead into an OPEN deal in the first stage of the chosen pipeline,
 * creating the contact from the lead (or linking an existing one) under the company decided by
 * decideCompany (created when new), and marking the lead CONVERTED with links to the deal and
 * contact. Only a QUALIFIED lead converts, into a deal whose own fields pass checkDealFields, the
 * rule the server applies to every deal; anything else is refused with every reason at once.
 */
export function convertLeadToDeal(lead: Lead, input: ConversionInput): Result<ConversionPlan> {
  if (lead.status !== 'QUALIFIED') {
    return fail(
      domainError('lead.convertNotQualified', `only a QUALIFIED lead can be converted; this lead is ${lead.status}`, {
        from: lead.status,
      }),
    );
  }
  const stage = input.stageId ? findStage(input.pipeline, input.stageId) : firstStage(input.pipeline);
  if (!stage) return fail(domainError('deal.unknownStage', 'that stage is not in the deal’s pipeline'));
  if (stage.retired)
    return fail(domainError('deal.retiredStage', `stage "${stage.name}" is retired`, { stage: stage.name }));
  const fieldErrors = checkDealFields(
    { title: input.title, value: input.value, expectedCloseDate: input.expectedCloseDate },
    null,
    Date.parse(input.at),
  );
  if (fieldErrors.length) return fail(...fieldErrors);

  const linkedContactId = input.existingContact?.id ?? lead.contactId;
  const contactId = linkedContactId || input.ids.contact;
  // A company is created only with a new contact to file under it: a contact that exists already
  // brings its own company (or none), and the deal goes where its contact is.
  const companyName = input.company.kind === 'create' ? input.company.name.trim() : '';
  let newCompany: ConversionPlan['newCompany'] = null;
  if (!linkedContactId && companyName) {
    if (!input.ids.company) throw new Error('a conversion that creates a company needs an id for it');
    newCompany = {
      id: input.ids.company,
      name: companyName,
      domain: '',
      industry: '',
      size: '',
      phone: '',
      website: '',
      address: {},
      tags: [],
      notes: '',
      ownerId: input.ownerId,
      teamId: input.teamId,
    };
  }
  const companyId = input.existingContact
    ? input.existingContact.companyId
    : newCompany
      ? newCompany.id
      : input.company.kind === 'link'
        ? input.company.companyId
        : '';
  const newContact: ConversionPlan['newContact'] = linkedContactId
    ? null
    : {
        id: input.ids.contact,
        firstName: lead.firstName,
        lastName: lead.lastName,
        email: lead.email,
        phone: lead.phone,
        mobile: '',
        title: lead.title,
        companyId,
        address: {},
        source: lead.source,
        tags: [...lead.tags],
        notes: '',
        ownerId: input.ownerId,
        teamId: input.teamId,
      };

  const deal: ConversionPlan['deal'] = {
    id: input.ids.deal,
    title: input.title.trim(),
    pipelineId: input.pipeline.id,
    stageId: stage.id,
    stageEnteredAt: input.at,
    rank: input.rank,
    value: input.value,
    probability: null,
    expectedCloseDate: input.expectedCloseDate,
    status: 'OPEN',
    lostReason: '',
    closedAt: null,
    contactId,
    companyId,
    leadId: lead.id,
    lines: [],
    tags: [...lead.tags],
    notes: lead.notes,
    ownerId: input.ownerId,
    teamId: input.teamId,
  };
  return ok({
    leadPatch: { status: 'CONVERTED', convertedDealId: deal.id, convertedAt: input.at, contactId },
    newCompany,
    newContact,
    deal,
    stageChange: {
      id: input.ids.stageChange,
      dealId: deal.id,
      pipelineId: input.pipeline.id,
      fromStageId: '',
      toStageId: stage.id,
      fromStatus: '',
      toStatus: 'OPEN',
      at: input.at,
      by: input.by,
      ownerId: input.ownerId,
      teamId: input.teamId,
    },
  });
}

/**
 * The lead's activities a conversion carries to its deal: each gets the deal's id and keeps its
 * lead, so the deal's timeline shows the calls that qualified it and the lead's still does. An
 * activity already filed under another deal stays there; deleted ones stay in the bin.
 */
export function activitiesToCarry(
  lead: Pick<Lead, 'id'>,
  activities: readonly Pick<Activity, 'id' | 'leadId' | 'dealId' | 'deletedAt'>[],
  dealId: string,
): { id: string; patch: Pick<Activity, 'dealId'> }[] {
  return activities
    .filter((a) => a.leadId === lead.id && !a.deletedAt && a.dealId === '')
    .map((a) => ({ id: a.id, patch: { dealId } }));
}
