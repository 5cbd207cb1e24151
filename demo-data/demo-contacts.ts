import { createRecord } from '@domain/record-edits';
import type { Company } from '@domain/schemas/company';
import type { Contact } from '@domain/schemas/contact';
import { COMPANY_SPAN, type DemoCompanies } from './demo-companies';
import type { DemoContext } from './demo-context';
import { ID_KIND } from './demo-ids';
import {
  emailLocalPart,
  landline,
  mobile,
  otherLanguage,
  person,
  slug,
  tagsFrom,
  titleFor,
} from './demo-people-places';
import type { DemoTeam } from './demo-team';
import {
  COUNTRY_LANGUAGE,
  COUNTRY_WEIGHTS,
  PERSONAL_EMAIL_DOMAINS,
  PLACES,
  RECORD_NOTES,
  type Country,
  type Language,
} from './vocabulary';

/** Days before `today` over which contacts were created (oldest, newest). */
export const CONTACT_SPAN = [740, 5] as const;

export interface ContactParts {
  contact: Contact;
  company: Company | null;
  lang: Language;
  country: Country;
}

/** Contact c of the workspace, with the company it works for (if any) and its language and country. */
export function createDemoContacts(world: DemoContext, team: DemoTeam, companies: DemoCompanies) {
  const { counts, streamOf, idOf, ctx, ago, slotDaysAgo, existingAt } = world;
  const { users, ae, sdr, leadSources } = team;
  const { company } = companies;

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

  return { contactParts };
}

export type DemoContacts = ReturnType<typeof createDemoContacts>;
