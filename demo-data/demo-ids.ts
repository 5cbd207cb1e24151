import { hash32, mix32 } from './random';

/**
 * Deterministic UUIDv7-shaped ids for demo records: the 48-bit creation time first (so ids sort by
 * creation, like ids.ts makes them), then bits from the seed. The last 32 bits are a keyed bijection
 * of (kind, index), so two demo records can never share an id, whatever the seed.
 * uuidv7() in ids.ts draws from crypto and would make every run different, so it is not used here.
 */
export const ID_KIND = {
  companies: 1,
  contacts: 2,
  leads: 3,
  deals: 4,
  activities: 5,
  stage_changes: 6,
  saved_views: 7,
  users: 8,
  deal_lines: 9,
} as const;
export type IdKind = (typeof ID_KIND)[keyof typeof ID_KIND];

const MAX_INDEX = 2 ** 27;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function demoUuidv7(ms: number, kind: IdKind, index: number, seed: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_INDEX) throw new RangeError(`demo id index ${index}`);
  const randA = hash32(seed, kind, index, 1);
  const randB = hash32(seed, kind, index, 2);
  const unique = mix32(((kind << 27) | index) ^ mix32(seed)) >>> 0;
  const bytes = new Uint8Array(16);
  let t = Math.floor(ms);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes[6] = 0x70 | ((randA >>> 8) & 0x0f);
  bytes[7] = randA & 0xff;
  bytes[8] = 0x80 | ((randB >>> 24) & 0x3f);
  bytes[9] = (randB >>> 16) & 0xff;
  bytes[10] = (randB >>> 8) & 0xff;
  bytes[11] = randB & 0xff;
  bytes[12] = unique >>> 24;
  bytes[13] = (unique >>> 16) & 0xff;
  bytes[14] = (unique >>> 8) & 0xff;
  bytes[15] = unique & 0xff;
  let out = '';
  for (let i = 0; i < 16; i++) {
    out += HEX[bytes[i]!];
    if (i === 3 || i === 5 || i === 7 || i === 9) out += '-';
  }
  return out;
}

/**
 * Fixed ids of the demo's own shared records, beside the workspace defaults of default-records.ts:
 * loading the demo twice, or on two devices, writes the same records rather than copies.
 */
export const DEMO_RENEWALS_PIPELINE_ID = '01900000-0000-7000-8000-00000000d001';
export const DEMO_RENEWALS_STAGE_IDS = [
  '01900000-0000-7000-8000-00000000d011',
  '01900000-0000-7000-8000-00000000d012',
  '01900000-0000-7000-8000-00000000d013',
] as const;
export const DEMO_LATAM_TEAM_ID = '01900000-0000-7000-8000-00000000d101';
