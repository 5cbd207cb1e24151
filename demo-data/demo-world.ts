import type { CollectionDocs } from '@domain/collections';
import {
  dealCreatedChange,
  markDealLost,
  markDealWon,
  moveDealToStage,
  reopenDeal,
  type DealMove,
  type StageChangeBody,
} from '@domain/deal-lifecycle';
import { DEFAULT_TEAM_ID, SETTING_IDS, defaultPipeline, defaultSettings } from '@domain/default-records';
import { searchKey } from '@domain/derived-fields';
import type { Result } from '@domain/errors';
import { formatHlc } from '@domain/hlc';
import { convertLeadToDeal, decideCompany, type ConversionPlan } from '@domain/lead-conversion';
import { changeLeadStatus } from '@domain/lead-lifecycle';
import { money, scaleMoney, type Money } from '@domain/money';
import { activeStages } from '@domain/pipeline-rules';
import { createRecord, editRecord, type EditContext } from '@domain/record-edits';
import type { Activity, ActivityType, CallOutcome } from '@domain/schemas/activity';
import type { Company, CompanySize } from '@domain/schemas/company';
import type { Contact } from '@domain/schemas/contact';
import type { Deal, DealLine, DealStatus } from '@domain/schemas/deal';
import type { Lead, LeadStatus } from '@domain/schemas/lead';
import type { Pipeline } from '@domain/schemas/pipeline';
import type { SavedView } from '@domain/schemas/saved-view';
import type { Setting, SettingItem, SettingKind } from '@domain/schemas/setting';
import type { StageChange } from '@domain/schemas/stage-change';
import type { Role, UserProfile } from '@domain/schemas/user-profile';
import { addDays, isIsoDate, toIso, toIsoDate, type IsoDate } from '@domain/time';
import {
  DEMO_LATAM_TEAM_ID,
  DEMO_RENEWALS_PIPELINE_ID,
  DEMO_RENEWALS_STAGE_IDS,
  ID_KIND,
  demoUuidv7,
  type IdKind,
} from './demo-ids';
import { createRandom, hash32, permuteIndex, type Random } from './random';
import {
  ACTIVITY_NOTES,
  ACTIVITY_SUBJECTS,
  B2C_INTERESTS,
  B2C_OFFERS,
  COMPANY_BRANDS,
  COMPANY_TRADES,
  COUNTRY_LANGUAGE,
  COUNTRY_WEIGHTS,
  DEAL_OFFERS,
  DOMAIN_SUFFIX,
  FIRST_NAMES,
  INDUSTRIES,
  JOB_TITLES,
  LAST_NAMES,
  LEAD_INTERESTS,
  LEGAL_SUFFIXES,
  PERSONAL_EMAIL_DOMAINS,
  PLACES,
  PRODUCTS,
  RECORD_NOTES,
  RENEWAL_TITLE,
  SCRIPT_QUESTIONS,
  STREETS,
  TAGS,
  type Country,
  type Gender,
  type Language,
  type Place,
} from './vocabulary';

export type DemoSize = 'small' | 'medium' | 'large';

/** How many records of each main collection a demo workspace holds. */
export interface DemoCounts {
  companies: number;
  contacts: number;
  leads: number;
  deals: number;
  activities: number;
}

export const DEMO_SIZES: Readonly<Record<DemoSize, DemoCounts>> = {
  small: { companies: 40, contacts: 150, leads: 60, deals: 45, activities: 300 },
  /** A busy team's workspace (~26,600 records): loads in seconds, for tests on a realistic device. */
  medium: { companies: 1_000, contacts: 6_000, leads: 3_000, deals: 2_000, activities: 8_000 },
  large: { companies: 20_000, contacts: 100_000, leads: 30_000, deals: 20_000, activities: 200_000 },
};

export const DEMO_USER_SLOTS = ['manager', 'supervisor', 'aeNorth', 'aeLatam', 'sdrNorth', 'sdrLatam'] as const;
export type DemoUserSlot = (typeof DEMO_USER_SLOTS)[number];

export const DEFAULT_DEMO_SEED = 20_260_302;

export interface DemoDataOptions {
  size: DemoSize;
  /** The day the demo is "as of" (YYYY-MM-DD, UTC). Every record is created before it starts. */
  today: IsoDate;
  seed?: number;
  /**
   * The signed-in user, who takes the Sales Manager's place: their records are owned by this id,
   * their team is the North America team, and no profile is generated for them (they have one).
   */
  currentUser?: { id: string; teamId: string; name?: string };
  /** Fixed ids for the generated profiles (e.g. accounts that already exist on a server). */
  userIds?: Partial<Record<DemoUserSlot, string>>;
  /** Records of some main collections in place of the size's: a workspace between two sizes. */
  counts?: Partial<DemoCounts>;
}

interface DemoUser {
  slot: DemoUserSlot;
  id: string;
  teamId: string;
  name: string;
  role: Role;
  locale: Language;
  avatarHue: number;
  /** False for the current user, whose profile already exists. */
  generate: boolean;
}

const USER_PROFILES: Record<DemoUserSlot, { name: string; role: Role; locale: Language; hue: number; latam: boolean }> =
  {
    manager: { name: 'Emma Clarke', role: 'SALES_MANAGER', locale: 'en', hue: 215, latam: false },
    supervisor: { name: 'Lucía Fernández', role: 'SUPERVISOR', locale: 'es', hue: 340, latam: true },
    aeNorth: { name: 'Daniel Brooks', role: 'ACCOUNT_EXECUTIVE', locale: 'en', hue: 30, latam: false },
    aeLatam: { name: 'Camila Rojas', role: 'ACCOUNT_EXECUTIVE', locale: 'es', hue: 150, latam: true },
    sdrNorth: { name: 'Tyler Nguyen', role: 'SDR', locale: 'en', hue: 265, latam: false },
    sdrLatam: { name: 'Mateo Herrera', role: 'SDR', locale: 'es', hue: 95, latam: true },
  };

const DAY = 86_400_000;
const MINUTE = 60_000;
/** The clock node of every demo edit; real devices use random hex node ids. */
const CLOCK_NODE = 'demo';

/** Days before `today` over which each kind of record was created (oldest, newest). */
const COMPANY_SPAN = [760, 45] as const;
const CONTACT_SPAN = [740, 5] as const;

/** Lead i is converted into deal i / CONVERSION_STRIDE when i is a multiple of it. */
const CONVERSION_STRIDE = 6;
/** Deal outcomes in proportion: 13 open, 4 won and 3 lost in every 20 deals. */
const DEAL_STATUS_CYCLE: readonly DealStatus[] = [
  ...Array<DealStatus>(13).fill('OPEN'),
  ...Array<DealStatus>(4).fill('WON'),
  ...Array<DealStatus>(3).fill('LOST'),
];
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

/** Share of activities attached to deals and to leads; the rest are on contacts. */
const ACTIVITY_SHARE = { deals: 0.45, leads: 0.35 } as const;

type Body<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy' | 'hlc' | 'clocks' | 'deletedAt'>;

interface Person {
  firstName: string;
  lastName: string;
  gender: Gender;
  lang: Language;
}

interface ContactParts {
  contact: Contact;
  company: Company | null;
  lang: Language;
  country: Country;
}

type DealEvent =
  | { kind: 'create'; daysAgo: number; stage: number }
  | { kind: 'move'; daysAgo: number; stage: number }
  | { kind: 'won' | 'lost' | 'reopen'; daysAgo: number };

interface DealPlan {
  status: DealStatus;
  pipeline: Pipeline;
  /** The lead this deal was converted from, or -1. */
  leadIndex: number;
  contactIndex: number;
  events: DealEvent[];
  lostReason: string;
}

interface DealSetup {
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

export interface BuiltDeal {
  deal: Deal;
  changes: StageChange[];
}

/**
 * The demo workspace as pure functions of (seed, collection, index): record i of any collection
 * can be built on its own, and the records it points to are rebuilt on demand instead of kept, so
 * the large set streams in constant memory. Same options, same records, byte for byte.
 */
export function createDemoWorld(options: DemoDataOptions) {
  if (!isIsoDate(options.today)) throw new RangeError(`today must be a YYYY-MM-DD date: ${options.today}`);
  if (!(options.size in DEMO_SIZES)) throw new RangeError(`unknown demo size: ${options.size}`);
  const seed = (options.seed ?? DEFAULT_DEMO_SEED) >>> 0;
  const counts: DemoCounts = { ...DEMO_SIZES[options.size], ...options.counts };
  for (const [collection, n] of Object.entries(counts))
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`${collection} must be a whole number above 0: ${n}`);
  const today = options.today;
  const nowMs = Date.parse(`${today}T00:00:00Z`);
  /** No record is stamped at or after midnight starting `today`, so real edits always come later. */
  const latestMs = nowMs - MINUTE;
  const setupMs = officeTime(nowMs - 800 * DAY);

  const streamOf = (kind: number, index: number, stream = 0): Random => createRandom(hash32(seed, kind, index, stream));
  const idOf = (ms: number, kind: IdKind, index: number) => demoUuidv7(ms, kind, index, seed);

  /* ---------------------------------------------------------------- time */

  /** Business hours for the Americas: the same day, squeezed into 13:00–23:00 UTC (monotonic). */
  function officeTime(ms: number): number {
    const dayStart = Math.floor(ms / DAY) * DAY;
    return dayStart + 13 * 3_600_000 + Math.floor(((ms - dayStart) / DAY) * 10 * 3_600_000);
  }
  /** A time `days` (≥ 1) before today starts, in business hours. */
  const ago = (days: number) => officeTime(nowMs - Math.max(1, days) * DAY);
  /** Record i of n created within [from, to] days ago, older first: each index has its own slot. */
  const slotDaysAgo = (index: number, count: number, span: readonly [number, number], r: Random) =>
    span[0] - ((index + r.next()) / count) * (span[0] - span[1]);
  /** How many records of a slotted collection certainly exist `daysAgo` days before today. */
  const existingAt = (daysAgo: number, count: number, span: readonly [number, number]) =>
    Math.min(count, Math.max(0, Math.floor((span[0] - daysAgo) / ((span[0] - span[1]) / count)) - 1));
  const ctx = (ms: number, userId: string): EditContext => {
    if (!Number.isSafeInteger(ms) || ms > latestMs) throw new RangeError(`demo time out of range: ${ms}`);
    return { userId, hlc: formatHlc({ wallMs: ms, counter: 0, node: CLOCK_NODE }), now: toIso(ms) };
  };
  /** Event times as ms, strictly increasing and never after `latestMs`. */
  function eventTimes(daysAgo: readonly number[]): number[] {
    const out: number[] = [];
    for (const d of daysAgo) {
      const ms = ago(d);
      out.push(out.length && ms <= out[out.length - 1]! ? out[out.length - 1]! + MINUTE : ms);
    }
    return out.map((ms) => Math.min(ms, latestMs));
  }

  /* ---------------------------------------------------------------- users, settings, pipelines */

  const northTeam = options.currentUser?.teamId ?? DEFAULT_TEAM_ID;
  const users: Record<DemoUserSlot, DemoUser> = Object.fromEntries(
    DEMO_USER_SLOTS.map((slot, i) => {
      const profile = USER_PROFILES[slot];
      const current = slot === 'manager' ? options.currentUser : undefined;
      const user: DemoUser = {
        slot,
        id: current?.id ?? options.userIds?.[slot] ?? idOf(setupMs + i * MINUTE, ID_KIND.users, i),
        teamId: profile.latam ? DEMO_LATAM_TEAM_ID : northTeam,
        name: current?.name || profile.name,
        role: profile.role,
        locale: profile.locale,
        avatarHue: profile.hue,
        generate: !current,
      };
      return [slot, user];
    }),
  ) as Record<DemoUserSlot, DemoUser>;
  const manager = users.manager;
  const ae = (lang: Language) => (lang === 'es' ? users.aeLatam : users.aeNorth);
  const sdr = (lang: Language) => (lang === 'es' ? users.sdrLatam : users.sdrNorth);

  function userProfiles(): UserProfile[] {
    return DEMO_USER_SLOTS.map((slot) => users[slot])
      .filter((u) => u.generate)
      .map((u, i) =>
        createRecord(
          'users',
          u.id,
          {
            name: u.name,
            email: `${slug(u.name.split(' ')[0]!)}.${slug(u.name.split(' ').slice(1).join(''))}@outpost.example`,
            role: u.role,
            teamId: u.teamId,
            active: true,
            locale: u.locale,
            avatarHue: u.avatarHue,
          },
          ctx(setupMs + i * MINUTE, manager.id),
        ),
      );
  }

  const defaults = defaultSettings();
  const defaultItems = (kind: SettingKind): SettingItem[] => defaults.find((s) => s.kind === kind)?.items ?? [];
  const keysOf = (kind: SettingKind) => defaultItems(kind).map((item) => item.key);
  const leadSources = keysOf('lead-sources');
  const lostReasons = keysOf('lost-reasons');
  const disqualifyReasons = keysOf('disqualify-reasons');

  function settings(): Setting[] {
    const items: Record<SettingKind, SettingItem[]> = {
      'lead-sources': defaultItems('lead-sources'),
      'lost-reasons': defaultItems('lost-reasons'),
      'disqualify-reasons': defaultItems('disqualify-reasons'),
      teams: [
        { key: northTeam, label: 'North America', retired: false },
        { key: DEMO_LATAM_TEAM_ID, label: 'Latin America', retired: false },
      ],
      tags: TAGS.map(([key, label]) => ({ key, label, retired: false })),
    };
    return (Object.keys(SETTING_IDS) as SettingKind[]).map((kind, i) =>
      createRecord('settings', SETTING_IDS[kind], { kind, items: items[kind] }, ctx(setupMs + i * MINUTE, manager.id)),
    );
  }

  const { id: salesPipelineId, ...salesBody } = defaultPipeline();
  const salesPipeline = createRecord('pipelines', salesPipelineId, salesBody, ctx(setupMs, manager.id));
  const renewalsPipeline = createRecord(
    'pipelines',
    DEMO_RENEWALS_PIPELINE_ID,
    {
      name: 'Renewals',
      position: 1,
      isDefault: false,
      currency: 'USD',
      teamId: '',
      stages: [
        { id: DEMO_RENEWALS_STAGE_IDS[0], name: 'Renewal due', probability: 60, rottingDays: 30, retired: false },
        { id: DEMO_RENEWALS_STAGE_IDS[1], name: 'In negotiation', probability: 80, rottingDays: 14, retired: false },
        { id: DEMO_RENEWALS_STAGE_IDS[2], name: 'Verbal commit', probability: 95, rottingDays: 7, retired: false },
      ],
    },
    ctx(setupMs + MINUTE, manager.id),
  );

  function savedViews(): SavedView[] {
    const views: (Omit<Body<SavedView>, 'position' | 'density'> & { density?: SavedView['density'] })[] = [];
    const columns = (...fields: string[]) => fields.map((field) => ({ field, width: field === 'title' ? 280 : 140 }));
    const eq = (field: string, value: unknown) => ({ field, op: 'eq' as const, value: JSON.stringify(value) });
    views.push(
      {
        userId: manager.id,
        sharedWithTeamId: '',
        section: 'deals',
        name: 'Open deals by close date',
        filters: [eq('status', 'OPEN')],
        sort: [{ field: 'expectedCloseDate', direction: 'asc' }],
        columns: columns('title', 'value', 'stageId', 'ownerId', 'expectedCloseDate'),
      },
      {
        userId: manager.id,
        sharedWithTeamId: northTeam,
        section: 'leads',
        name: 'New leads',
        filters: [eq('status', 'NEW')],
        sort: [{ field: 'nameKey', direction: 'asc' }],
        columns: columns('nameKey', 'companyName', 'source', 'ownerId'),
      },
    );
    for (const u of [users.aeNorth, users.aeLatam]) {
      views.push({
        userId: u.id,
        sharedWithTeamId: '',
        section: 'deals',
        name: u.locale === 'es' ? 'Mis negocios abiertos' : 'My open deals',
        filters: [eq('ownerId', u.id), eq('status', 'OPEN')],
        sort: [{ field: 'expectedCloseDate', direction: 'asc' }],
        columns: columns('title', 'value', 'stageId', 'expectedCloseDate'),
        density: 'compact',
      });
    }
    for (const u of [users.sdrNorth, users.sdrLatam]) {
      views.push({
        userId: u.id,
        sharedWithTeamId: '',
        section: 'leads',
        name: u.locale === 'es' ? 'Mis prospectos por llamar' : 'My leads to call',
        filters: [eq('ownerId', u.id), { field: 'status', op: 'in', value: JSON.stringify(['NEW', 'CONTACTED']) }],
        sort: [{ field: 'nameKey', direction: 'asc' }],
        columns: columns('nameKey', 'phone', 'companyName', 'status'),
        density: 'compact',
      });
    }
    views.push({
      userId: users.supervisor.id,
      sharedWithTeamId: DEMO_LATAM_TEAM_ID,
      section: 'activities',
      name: 'Llamadas del equipo',
      filters: [eq('type', 'CALL'), eq('teamId', DEMO_LATAM_TEAM_ID)],
      sort: [{ field: 'dueAt', direction: 'asc' }],
      columns: columns('subject', 'ownerId', 'dueAt', 'outcome'),
    });
    const positions = new Map<string, number>();
    return views.map((view, i) => {
      const key = `${view.userId}/${view.section}`;
      const position = positions.get(key) ?? 0;
      positions.set(key, position + 1);
      const ms = setupMs + DAY + i * MINUTE;
      return createRecord(
        'saved_views',
        idOf(ms, ID_KIND.saved_views, i),
        { density: 'comfortable', ...view, position },
        ctx(ms, view.userId),
      );
    });
  }

  /* ---------------------------------------------------------------- people and places */

  function person(r: Random, lang: Language): Person {
    const [firstName, gender] = r.pick(FIRST_NAMES[lang]);
    const surname = r.pick(LAST_NAMES[lang]);
    // Many Spanish speakers carry both surnames.
    const lastName = lang === 'es' && r.chance(0.3) ? `${surname} ${r.pick(LAST_NAMES.es)}` : surname;
    return { firstName, lastName, gender, lang };
  }

  const otherLanguage = (lang: Language): Language => (lang === 'en' ? 'es' : 'en');
  const digits = (r: Random, n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');

  function landline(country: Country, place: Place, r: Random): string {
    switch (country) {
      case 'US':
      case 'CA':
        return `+1 (${place.area}) 555-01${digits(r, 2)}`;
      case 'MX':
        return place.area.length === 2
          ? `+52 ${place.area} ${digits(r, 4)} ${digits(r, 4)}`
          : `+52 ${place.area} ${digits(r, 3)} ${digits(r, 4)}`;
      case 'ES':
        return `+34 ${place.area}${digits(r, 1)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`;
      case 'CO':
        return `+57 ${place.area} ${digits(r, 3)} ${digits(r, 4)}`;
      case 'CL':
        return `+56 ${place.area} ${digits(r, 4)} ${digits(r, 4)}`;
      case 'AR':
        return `+54 ${place.area} ${digits(r, 4)}-${digits(r, 4)}`;
      case 'PE':
        return `+51 ${place.area} ${digits(r, 3)} ${digits(r, 4)}`;
    }
  }

  function mobile(country: Country, r: Random): string {
    switch (country) {
      case 'US':
      case 'CA':
        return `+1 (${r.pick(['512', '720', '773', '425', '857', '786'])}) 555-01${digits(r, 2)}`;
      case 'MX':
        return `+52 ${r.pick(['55', '33', '81'])} ${digits(r, 4)} ${digits(r, 4)}`;
      case 'ES':
        return `+34 6${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`;
      case 'CO':
        return `+57 3${digits(r, 2)} ${digits(r, 3)} ${digits(r, 4)}`;
      case 'CL':
        return `+56 9 ${digits(r, 4)} ${digits(r, 4)}`;
      case 'AR':
        return `+54 9 11 ${digits(r, 4)}-${digits(r, 4)}`;
      case 'PE':
        return `+51 9${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`;
    }
  }

  const postalCode = (pattern: string, r: Random) =>
    pattern.replace(/[#A]/g, (c) => (c === '#' ? String(r.int(0, 9)) : 'ABCEGHJKLMNPRSTVXY'[r.int(0, 17)]!));

  function street(lang: Language, r: Random): string {
    const name = r.pick(STREETS[lang]);
    return lang === 'en' ? `${r.int(100, 9899)} ${name}` : `${name} ${r.int(1, 2999)}`;
  }

  const titleFor = (p: Person, r: Random) => {
    const [masculine, feminine] = r.pick(JOB_TITLES[p.lang]);
    return p.gender === 'f' ? feminine : masculine;
  };

  const currencyFor = (country: Country, r: Random) =>
    country === 'ES' ? 'EUR' : country === 'MX' && r.chance(0.5) ? 'MXN' : 'USD';
  /** A US-dollar amount in cents as the same price in `currency`, rounded to whole units. */
  const fromUsdCents = (cents: number, currency: string) =>
    currency === 'MXN'
      ? Math.round((cents * 17) / 100) * 100
      : currency === 'EUR'
        ? Math.round((cents * 0.92) / 100) * 100
        : cents;

  const tagsFrom = (r: Random, chance: number) => {
    if (!r.chance(chance)) return [];
    const first = r.pick(TAGS)[0];
    const second = r.chance(0.3) ? r.pick(TAGS)[0] : first;
    return first === second ? [first] : [first, second];
  };

  /* ---------------------------------------------------------------- companies */

  const companyPool = 2 * COMPANY_BRANDS.en.length * COMPANY_TRADES.en.length;

  /** Brand, trade and language of company k: distinct combinations until the pool runs out. */
  function companyIdentity(k: number) {
    const code = permuteIndex(k % companyPool, companyPool, seed ^ 0xc0ffee);
    const lang: Language = code % 2 === 0 ? 'en' : 'es';
    const brand = COMPANY_BRANDS[lang][Math.floor(code / 2) % COMPANY_BRANDS[lang].length]!;
    const trade = COMPANY_TRADES[lang][Math.floor(code / (2 * COMPANY_BRANDS[lang].length))]!;
    return {
      lang,
      baseName: lang === 'en' ? `${brand} ${trade}` : `${trade} ${brand}`,
      wrap: Math.floor(k / companyPool),
    };
  }

  const COMPANY_SIZE_WEIGHTS: readonly (readonly [CompanySize, number])[] = [
    ['1-10', 25],
    ['11-50', 35],
    ['51-200', 22],
    ['201-1000', 12],
    ['1000+', 6],
  ];

  function company(k: number): Company {
    const r = streamOf(ID_KIND.companies, k);
    const createdMs = ago(slotDaysAgo(k, counts.companies, COMPANY_SPAN, r));
    const { lang, baseName, wrap } = companyIdentity(k);
    const country = r.weighted(COUNTRY_WEIGHTS[lang]);
    const place = r.pick(PLACES[country]);
    const legal = r.pick(LEGAL_SUFFIXES[country]);
    const domain = `${slug(baseName)}${wrap ? wrap + 1 : ''}.${DOMAIN_SUFFIX[country]}`;
    const owner = r.chance(0.15) ? manager : ae(lang);
    let record = createRecord(
      'companies',
      idOf(createdMs, ID_KIND.companies, k),
      {
        name: legal ? `${baseName} ${legal}` : baseName,
        nameKey: '',
        domain,
        industry: r.pick(INDUSTRIES),
        size: r.weighted(COMPANY_SIZE_WEIGHTS),
        phone: landline(country, place, r),
        website: `https://www.${domain}`,
        address: {
          street: street(lang, r),
          city: place.city,
          region: place.region,
          postalCode: postalCode(place.postal, r),
          country,
        },
        tags: tagsFrom(r, 0.3),
        notes: r.chance(0.25) ? r.pick(RECORD_NOTES[lang]) : '',
        ownerId: owner.id,
        teamId: owner.teamId,
      },
      ctx(createdMs, owner.id),
    );
    if (r.chance(0.2)) {
      // Some records were touched since: their edited fields carry their own clocks.
      const editedMs = Math.min(latestMs, createdMs + r.int(1, 60) * DAY);
      record =
        editRecord('companies', record, { size: r.weighted(COMPANY_SIZE_WEIGHTS) }, ctx(editedMs, owner.id)) ?? record;
    }
    return record;
  }

  /* ---------------------------------------------------------------- contacts */

  function contactParts(c: number): ContactParts {
    const r = streamOf(ID_KIND.contacts, c);
    const daysAgo = slotDaysAgo(c, counts.contacts, CONTACT_SPAN, r);
    const createdMs = ago(daysAgo);
    const available = existingAt(daysAgo, counts.companies, COMPANY_SPAN);
    const b2c = available === 0 || r.chance(0.15);
    const employer = b2c ? null : company(r.int(0, available - 1));
    const employerCountry = employer ? (employer.address.country as Country) : undefined;
    const lang: Language = employerCountry
      ? r.chance(0.85)
        ? COUNTRY_LANGUAGE[employerCountry]
        : otherLanguage(COUNTRY_LANGUAGE[employerCountry])
      : r.chance(0.5)
        ? 'en'
        : 'es';
    const country = employerCountry ?? r.weighted(COUNTRY_WEIGHTS[lang]);
    const p = person(r, lang);
    const local = emailLocalPart(p, r);
    const email = employer
      ? `${local}@${employer.domain}`
      : `${slug(p.firstName)}.${slug(p.lastName)}${r.int(1, 99)}@${r.pick(PERSONAL_EMAIL_DOMAINS[lang])}`;
    const place = r.pick(PLACES[country]);
    const owner = employer
      ? (Object.values(users).find((u) => u.id === employer.ownerId) ?? ae(lang))
      : r.chance(0.5)
        ? sdr(lang)
        : ae(lang);
    const contact = createRecord(
      'contacts',
      idOf(createdMs, ID_KIND.contacts, c),
      {
        firstName: p.firstName,
        lastName: p.lastName,
        nameKey: '',
        email,
        phone: employer ? (r.chance(0.5) ? `${employer.phone} x${r.int(100, 899)}` : landline(country, place, r)) : '',
        mobile: r.chance(0.7) ? mobile(country, r) : '',
        title: employer ? titleFor(p, r) : '',
        companyId: employer?.id ?? '',
        address: employer
          ? { city: employer.address.city ?? place.city, country }
          : { city: place.city, region: place.region, country },
        source: r.pick(leadSources),
        tags: tagsFrom(r, 0.25),
        notes: r.chance(0.2) ? r.pick(RECORD_NOTES[lang]) : '',
        ownerId: owner.id,
        teamId: owner.teamId,
      },
      ctx(createdMs, owner.id),
    );
    return { contact, company: employer, lang, country };
  }

  function emailLocalPart(p: Person, r: Random): string {
    const first = slug(p.firstName);
    const last = slug(p.lastName.split(' ')[0]!);
    return r.weighted([
      [`${first}.${last}`, 5],
      [`${first[0]}${last}`, 3],
      [first, 1],
    ] as const);
  }

  /* ---------------------------------------------------------------- deals: plans */

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

  /* ---------------------------------------------------------------- leads */

  interface LeadParts {
    lead: Lead;
    /** When the lead stopped being worked (converted or disqualified), or null while open. */
    closedMs: number | null;
    lang: Language;
  }

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

  /* ---------------------------------------------------------------- deals: records */

  const stageChangeId = (ms: number, j: number, n: number) => idOf(ms, ID_KIND.stage_changes, j * 16 + n);

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

  /* ---------------------------------------------------------------- activities */

  const activityBlocks = {
    deals: Math.round(counts.activities * ACTIVITY_SHARE.deals),
    leads: Math.round(counts.activities * ACTIVITY_SHARE.leads),
  };
  // Consecutive activities share a parent, so one cached parent saves rebuilding it.
  const cache = {
    deal: { j: -1, value: null as ReturnType<typeof deal> | null },
    lead: { i: -1, value: null as LeadParts | null },
  };
  const cachedDeal = (j: number) => {
    if (cache.deal.j !== j) cache.deal = { j, value: deal(j) };
    return cache.deal.value!;
  };
  const cachedLead = (i: number) => {
    if (cache.lead.i !== i) cache.lead = { i, value: leadParts(i) };
    return cache.lead.value!;
  };
  let cachedContact: { c: number; value: ContactParts } | null = null;

  function activity(a: number): Activity {
    const r = streamOf(ID_KIND.activities, a);
    let parent: { dealId: string; leadId: string; contactId: string; companyId: string };
    let owner: { id: string; teamId: string };
    let window: [number, number];
    let lang: Language;
    let kinds: readonly (readonly [ActivityType, number])[];
    if (a < activityBlocks.deals) {
      const j = Math.floor((a * counts.deals) / activityBlocks.deals);
      const { deal: d, lang: dealLang } = cachedDeal(j);
      parent = { dealId: d.id, leadId: '', contactId: d.contactId, companyId: d.companyId };
      owner = { id: d.ownerId, teamId: d.teamId };
      window = [Date.parse(d.createdAt), d.closedAt ? Date.parse(d.closedAt) : nowMs + 21 * DAY];
      lang = dealLang;
      kinds = [
        ['CALL', 35],
        ['EMAIL', 30],
        ['MEETING', 20],
        ['FOLLOW_UP', 15],
      ];
    } else if (a < activityBlocks.deals + activityBlocks.leads) {
      const i = Math.floor(((a - activityBlocks.deals) * counts.leads) / activityBlocks.leads);
      const parts = cachedLead(i);
      const l = parts.lead;
      parent = { dealId: '', leadId: l.id, contactId: l.contactId, companyId: '' };
      owner = { id: l.ownerId, teamId: l.teamId };
      window = [Date.parse(l.createdAt), parts.closedMs ?? nowMs + 10 * DAY];
      lang = parts.lang;
      kinds = [
        ['CALL', 60],
        ['EMAIL', 30],
        ['FOLLOW_UP', 10],
      ];
    } else {
      const rest = counts.activities - activityBlocks.deals - activityBlocks.leads;
      const c = Math.floor(((a - activityBlocks.deals - activityBlocks.leads) * counts.contacts) / Math.max(1, rest));
      if (cachedContact?.c !== c) cachedContact = { c, value: contactParts(c) };
      const { contact, lang: contactLang } = cachedContact.value;
      parent = { dealId: '', leadId: '', contactId: contact.id, companyId: contact.companyId };
      owner = { id: contact.ownerId, teamId: contact.teamId };
      window = [Date.parse(contact.createdAt), nowMs + 14 * DAY];
      lang = contactLang;
      kinds = [
        ['CALL', 40],
        ['EMAIL', 35],
        ['MEETING', 15],
        ['FOLLOW_UP', 10],
      ];
    }

    const [from, to] = window;
    const dueMs = Math.floor(
      Math.max(from + MINUTE, officeTime(from + MINUTE + r.next() * Math.max(0, to - from - MINUTE))),
    );
    let type = r.weighted(kinds);
    const past = dueMs < nowMs;
    if (!past && type === 'EMAIL') type = 'FOLLOW_UP';
    const done = past && (type === 'CALL' || type === 'EMAIL' || r.chance(0.85));
    let outcome: CallOutcome = '';
    let durationSeconds = 0;
    let direction: Activity['direction'] = '';
    if (type === 'CALL') {
      direction = r.chance(0.8) ? 'OUTBOUND' : 'INBOUND';
      if (done) {
        outcome = r.weighted([
          ['CONNECTED', 50],
          ['NO_ANSWER', 25],
          ['VOICEMAIL', 15],
          ['BUSY', 5],
          ['WRONG_NUMBER', 5],
        ] as const);
        durationSeconds =
          outcome === 'CONNECTED' ? r.int(90, 1800) : outcome === 'VOICEMAIL' ? r.int(20, 75) : r.int(0, 30);
      }
    } else if (type === 'EMAIL') {
      direction = r.chance(0.7) ? 'OUTBOUND' : 'INBOUND';
    } else if (type === 'MEETING') {
      durationSeconds = r.pick([1800, 2700, 3600]);
    }
    const completedMs = done ? Math.min(latestMs, dueMs + durationSeconds * 1000) : null;
    const createdMs = Math.floor(
      Math.min(latestMs, completedMs ?? Math.max(from + MINUTE, Math.min(dueMs, nowMs) - r.between(0.5, 10) * DAY)),
    );
    const scriptAnswers =
      type === 'CALL' && outcome === 'CONNECTED' && parent.leadId
        ? SCRIPT_QUESTIONS[lang].map(([questionId, question, answers]) => ({
            questionId,
            question,
            answer: r.pick(answers),
          }))
        : [];
    return createRecord(
      'activities',
      idOf(createdMs, ID_KIND.activities, a),
      {
        type,
        subject: r.pick(ACTIVITY_SUBJECTS[type][lang]),
        body: done ? r.pick(ACTIVITY_NOTES[lang]) : '',
        dueAt: toIso(dueMs),
        completedAt: completedMs === null ? null : toIso(completedMs),
        durationSeconds,
        direction,
        outcome,
        ...parent,
        scriptAnswers,
        ownerId: owner.id,
        teamId: owner.teamId,
      },
      ctx(createdMs, owner.id),
    );
  }

  return {
    seed,
    counts,
    settings,
    users: userProfiles,
    pipelines: (): Pipeline[] => [salesPipeline, renewalsPipeline],
    savedViews,
    company,
    contact: (c: number): Contact => contactParts(c).contact,
    lead: (i: number): Lead => leadParts(i).lead,
    deal,
    stageChangeCount,
    activity,
  };
}

export type DemoWorld = ReturnType<typeof createDemoWorld>;

/** Lower-case ASCII letters and digits only, for email local parts and domains ("Núñez" → "nunez"). */
function slug(text: string): string {
  return searchKey(text).replace(/[^a-z0-9]/g, '');
}

function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok)
    throw new Error(`demo data broke a domain rule (${what}): ${result.errors.map((e) => e.code).join(', ')}`);
  return result.value;
}

export type DemoCollections = { [C in keyof CollectionDocs]: CollectionDocs[C][] };
