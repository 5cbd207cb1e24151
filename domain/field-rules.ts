/**
 * Rules for single fields, shared by forms (to explain a mistake as it is typed) and by the
 * schemas the server validates with (the same patterns), so both accept exactly the same input.
 */
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';
export const PHONE_PATTERN = '^[0-9+()\\-.\\s/x]*$';
export const DOMAIN_PATTERN = '^[a-z0-9.-]+\\.[a-z]{2,}$';

const email = new RegExp(EMAIL_PATTERN);
const phone = new RegExp(PHONE_PATTERN);
const domain = new RegExp(DOMAIN_PATTERN);

export function isValidEmail(value: string): boolean {
  return value === '' || (value.length <= 254 && email.test(value));
}

export function isValidPhone(value: string): boolean {
  return value.length <= 40 && phone.test(value);
}

/** "https://www.Acme.com/about" → "acme.com": what people paste, stored the way dedupe compares. */
export function normalizeDomain(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '');
}

export function isValidDomain(value: string): boolean {
  return value === '' || (value.length <= 253 && domain.test(value));
}

/** "vip, renewal ,VIP" → ["vip", "renewal"]: trimmed, de-duplicated case-insensitively, max 40 chars. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().slice(0, 40);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags.slice(0, 50);
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
