/** What a person calls a record: its name, title or subject ('' when it has none of them). */
export function recordName(doc: Record<string, unknown> | null | undefined): string {
  if (!doc) return '';
  const text = (key: string) => (typeof doc[key] === 'string' ? (doc[key] as string) : '');
  return (
    text('title') || text('name') || [text('firstName'), text('lastName')].filter(Boolean).join(' ') || text('subject')
  );
}

/** A field's value in a sentence: money as amount and currency, lists joined, long text cut. */
export function shortValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(shortValue).join(', ').slice(0, 80) : '—';
  if (typeof value === 'object') {
    const money = value as { amount?: unknown; currency?: unknown };
    if (typeof money.amount === 'number' && typeof money.currency === 'string')
      return `${(money.amount / 100).toFixed(2)} ${money.currency}`;
    return JSON.stringify(value).slice(0, 80);
  }
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
