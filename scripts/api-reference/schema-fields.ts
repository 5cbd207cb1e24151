/**
 * The rows of a field table, read from a JSON schema: every property, recursively, by path
 * (`address.city` inside an object, `lines[].name` inside the objects of a list).
 */
export interface SchemaLike {
  type?: string | readonly string[];
  properties?: Readonly<Record<string, SchemaLike>>;
  required?: readonly string[];
  additionalProperties?: boolean | SchemaLike;
  items?: SchemaLike;
  enum?: readonly unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  default?: unknown;
}

export interface FieldRow {
  path: string;
  schema: SchemaLike;
  required: boolean;
}

export function fieldRows(schema: SchemaLike, prefix = ''): FieldRow[] {
  const rows: FieldRow[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    rows.push({ path, schema: property, required: required.has(name) });
    if (property.properties) rows.push(...fieldRows(property, `${path}.`));
    if (property.items?.properties) rows.push(...fieldRows(property.items, `${path}[].`));
  }
  return rows;
}

/** Patterns the reference names instead of printing them bare. */
const NAMED_PATTERNS: Readonly<Record<string, string>> = {
  '^[0-9a-f-]{36}$': 'UUID',
  '^([0-9a-f-]{36})?$': 'UUID or `""` (no link)',
  '^\\d{15}-\\d{5}-[0-9a-z]{1,32}$': 'HLC',
  '^(\\d{4}-\\d{2}-\\d{2})?$': 'date `YYYY-MM-DD` or `""`',
  '^[A-Z]{3}$': 'ISO 4217 code',
};

const types = (schema: SchemaLike) => ([] as string[]).concat(schema.type ?? []);

/** `string`, `integer \| null`, `array of object`, `object of string`… */
export function typeOf(schema: SchemaLike): string {
  let names = types(schema);
  if (!names.length) names = schema.enum ? ['enum'] : ['any'];
  return names
    .map((name) => {
      if (name === 'array' && schema.items) return `array of ${typeOf(schema.items)}`;
      if (name === 'object' && typeof schema.additionalProperties === 'object' && !schema.properties) {
        return `object of ${typeOf(schema.additionalProperties)}`;
      }
      return name;
    })
    .join(' \\| ');
}

const quote = (value: unknown) =>
  value === '' ? '`""`' : typeof value === 'string' ? `\`${value}\`` : `\`${JSON.stringify(value)}\``;

/** Format, pattern, enum and limits, in words. */
export function constraintsOf(schema: SchemaLike): string {
  const parts: string[] = [];
  if (schema.enum) parts.push(`one of ${schema.enum.map(quote).join(', ')}`);
  if (schema.format === 'date-time') parts.push('UTC ISO date-time');
  else if (schema.format) parts.push(`format ${schema.format}`);
  if (schema.pattern !== undefined) {
    const named = NAMED_PATTERNS[schema.pattern];
    parts.push(named ?? `pattern \`${schema.pattern.replace(/\|/g, '\\|')}\``);
  }
  const range = (min: number | undefined, max: number | undefined, unit: string) => {
    if (min !== undefined && max !== undefined) parts.push(`${min}–${max} ${unit}`);
    else if (min !== undefined) parts.push(`at least ${min} ${unit}`);
    else if (max !== undefined) parts.push(`at most ${max} ${unit}`);
  };
  const isText = types(schema).includes('string');
  if (isText) range(schema.minLength, schema.maxLength, 'characters');
  const numeric = types(schema).some((t) => t === 'integer' || t === 'number');
  if (numeric) {
    const { minimum: min, maximum: max } = schema;
    if (min !== undefined && max !== undefined) parts.push(`${min} to ${max}`);
    else if (min !== undefined) parts.push(`≥ ${min}`);
    else if (max !== undefined) parts.push(`≤ ${max}`);
  }
  if (types(schema).includes('array')) {
    range(schema.minItems, schema.maxItems, 'items');
    if (schema.uniqueItems) parts.push('unique');
    if (schema.items && !schema.items.properties) {
      const inner = constraintsOf(schema.items);
      if (inner) parts.push(`each: ${inner}`);
    }
  }
  if (typeof schema.additionalProperties === 'object' && !schema.properties) {
    const inner = constraintsOf(schema.additionalProperties);
    if (inner) parts.push(`each value: ${inner}`);
  }
  if (schema.minProperties) parts.push(`at least ${schema.minProperties} field`);
  if (schema.default !== undefined) parts.push(`default ${quote(schema.default)}`);
  return parts.join('; ');
}
