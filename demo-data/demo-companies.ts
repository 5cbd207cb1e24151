import { createRecord, editRecord } from '@domain/record-edits';
import type { Company, CompanySize } from '@domain/schemas/company';
import { DAY, type DemoContext } from './demo-context';
import { ID_KIND } from './demo-ids';
import { landline, postalCode, slug, street, tagsFrom } from './demo-people-places';
import type { DemoTeam } from './demo-team';
import { permuteIndex } from './random';
import {
  COMPANY_BRANDS,
  COMPANY_TRADES,
  COUNTRY_WEIGHTS,
  DOMAIN_SUFFIX,
  INDUSTRIES,
  LEGAL_SUFFIXES,
  PLACES,
  RECORD_NOTES,
  type Language,
} from './vocabulary';

/** Days before `today` over which companies were created (oldest, newest). */
export const COMPANY_SPAN = [760, 45] as const;

const COMPANY_SIZE_WEIGHTS: readonly (readonly [CompanySize, number])[] = [
  ['1-10', 25],
  ['11-50', 35],
  ['51-200', 22],
  ['201-1000', 12],
  ['1000+', 6],
];

/** Company k of the workspace, and the name, trade and language it is drawn from. */
export function createDemoCompanies(world: DemoContext, team: DemoTeam) {
  const { seed, counts, streamOf, idOf, ctx, ago, slotDaysAgo, latestMs } = world;
  const { manager, ae } = team;

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

  return { companyPool, companyIdentity, company };
}

export type DemoCompanies = ReturnType<typeof createDemoCompanies>;
