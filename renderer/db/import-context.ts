import type { CollectionDocs, CollectionName } from '@domain/collections';
import type { ImportableCollection, ImportKeys, ImportLookups } from '@domain/csv-import';
import { dealDuplicateKeys } from '@domain/csv-import';
import {
  DuplicateIndex,
  companyNameKey,
  duplicateKeysOf,
  emailKey,
  type DuplicateCollection,
} from '@domain/duplicates';
import { readRecordPages, type RecordQuery } from './record-pages';
import type { Workspace } from './workspace';

/** What the workspace already holds that an import resolves rows against. */
export interface ImportContext {
  lookups: ImportLookups;
  /** The records of the collection being imported that share an email, domain or deal title with a row. */
  duplicateIndex: DuplicateIndex;
  /** How many stored records were read to build it. */
  recordsRead: number;
}

/**
 * Keys per `$in`: RxDB walks an index from the smallest to the largest key of the list, so sorted
 * chunks walk each stretch of the index once, and each answer is a short task on the main thread.
 */
const KEYS_PER_READ = 500;

const NEXT_CHAR = (c: string) => String.fromCharCode(c.charCodeAt(0) + 1);

type Doc<C extends CollectionName> = CollectionDocs[C];

class RecordReader {
  recordsRead = 0;

  constructor(private readonly ws: Workspace) {}

  async read<C extends CollectionName>(collection: C, query: RecordQuery): Promise<Doc<C>[]> {
    const found: Doc<C>[] = [];
    for await (const page of readRecordPages(this.ws, collection, query)) {
      this.recordsRead += page.length;
      found.push(...page);
    }
    return found;
  }

  /** The live records of `collection` whose `field` is one of `values`, by that field's index. */
  async readIn<C extends CollectionName>(collection: C, field: string, values: readonly string[]): Promise<Doc<C>[]> {
    const sorted = [...new Set(values)].sort();
    const found: Doc<C>[] = [];
    for (let i = 0; i < sorted.length; i += KEYS_PER_READ) {
      const chunk = sorted.slice(i, i + KEYS_PER_READ);
      found.push(
        ...(await this.read(collection, { selector: { [field]: { $in: chunk } }, sort: [{ [field]: 'asc' }] })),
      );
    }
    return found;
  }
}

/** First by id, as a read of the whole collection would list them: the same record wins a shared key. */
function byId<T extends { id: string }>(records: T[]): T[] {
  const seen = new Map<string, T>();
  for (const record of records) seen.set(record.id, record);
  return [...seen.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The companies whose name key may be one of `keys`, by ranges of the `nameKey` index (a company's
 * stored `nameKey` is searchKey of its name, and companyNameKey starts from the same text): a name
 * key starts with the name's first letter or digit, so a company is in the range of that character;
 * or its name begins with a sign or a letter that is no a-z ("&", "(", "ø"), a range of its own;
 * or with a "the" or "and" that the key drops or spells "y". The caller keeps the exact matches.
 */
function companyNameRanges(keys: readonly string[]): RecordQuery[] {
  const firsts = new Set(keys.map((key) => key[0]!));
  if (firsts.size && keys.some((key) => key.startsWith('y'))) firsts.add('and');
  if (firsts.size) firsts.add('the');
  const prefixes = [...firsts].filter((p) => p.length === 1 || !firsts.has(p[0]!));
  const ranges: Record<string, string>[] = prefixes.map((p) => ({
    $gte: p,
    $lt: p.slice(0, -1) + NEXT_CHAR(p.slice(-1)),
  }));
  if (firsts.size) ranges.push({ $lt: '0' }, { $gte: ':', $lt: 'a' }, { $gte: '{' });
  return ranges.map((range) => ({ selector: { nameKey: range }, sort: [{ nameKey: 'asc' }] }));
}

/**
 * Reads the records a file's rows can match (`keys`, from importKeys): the companies its company
 * cells name (by domain or name), the contacts its contact cells name (by email), and the records of
 * `collection` a row may repeat (by email, domain or deal title) — each by an index, never the whole
 * collection. Read once before an import: the planner adds what the import itself creates.
 */
export async function readImportContext(
  ws: Workspace,
  collection: ImportableCollection,
  keys: ImportKeys,
): Promise<ImportContext> {
  const reader = new RecordReader(ws);
  const emailVariants = (emails: string[]) => (emails.length ? [...emails, ...keys.emailsAsTyped] : []);

  const byName = new Map<string, string>();
  const byDomain = new Map<string, string>();
  const wantedNames = new Set(keys.companyNameKeys);
  const companies = [...(await reader.readIn('companies', 'domain', withWww(keys.companyDomains)))];
  for (const range of companyNameRanges(keys.companyNameKeys))
    companies.push(...(await reader.read('companies', range)));
  for (const company of byId(companies)) {
    const key = companyNameKey(company.name);
    if (key && wantedNames.has(key) && !byName.has(key)) byName.set(key, company.id);
    if (company.domain && !byDomain.has(company.domain)) byDomain.set(company.domain, company.id);
  }

  const byEmail = new Map<string, string>();
  for (const contact of byId(await reader.readIn('contacts', 'email', emailVariants(keys.contactEmails)))) {
    const key = emailKey(contact.email);
    if (key && !byEmail.has(key)) byEmail.set(key, contact.id);
  }

  const duplicateIndex = new DuplicateIndex();
  if (collection === 'deals') {
    const titles = keys.dealTitleKeys.map((key) => key.slice(0, 200));
    for (const deal of byId(await reader.readIn('deals', 'titleKey', titles))) {
      duplicateIndex.put(deal.id, dealDuplicateKeys(deal));
    }
  } else {
    const own =
      collection === 'companies'
        ? await reader.readIn('companies', 'domain', withWww(keys.ownDomains))
        : await reader.readIn(collection, 'email', emailVariants(keys.ownEmails));
    for (const record of byId(own as { id: string }[])) {
      duplicateIndex.put(record.id, duplicateKeysOf(collection as DuplicateCollection, record as never));
    }
  }
  return {
    lookups: {
      companyIdByNameKey: (key) => byName.get(key),
      companyIdByDomain: (domain) => byDomain.get(domain),
      contactIdByEmail: (key) => byEmail.get(key),
    },
    duplicateIndex,
    recordsRead: reader.recordsRead,
  };
}

/** A stored domain is compared as normalizeDomain leaves it, and a "www." prefix is all it drops. */
function withWww(domains: readonly string[]): string[] {
  return domains.flatMap((domain) => [domain, `www.${domain}`]);
}
