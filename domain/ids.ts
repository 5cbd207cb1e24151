/**
 * UUIDv7 identifiers (RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * Ids are created on the client, so a record made offline keeps its id forever, and
 * ids sort roughly by creation time, which keeps B-tree inserts cheap on the server.
 */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

let lastMs = -1;
let lastSeq = 0;

export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  // A 12-bit counter in rand_a keeps ids made in the same millisecond in creation order.
  if (nowMs <= lastMs) {
    // On counter overflow, borrow the next millisecond rather than wrap and sort out of order.
    if (++lastSeq > 0xfff) {
      lastMs += 1;
      lastSeq = 0;
    }
    nowMs = lastMs;
  } else {
    lastMs = nowMs;
    lastSeq = (bytes[6]! & 0x07) << 8;
  }
  const ms = BigInt(nowMs);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | ((lastSeq >> 8) & 0x0f);
  bytes[7] = lastSeq & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  let out = '';
  for (let i = 0; i < 16; i++) {
    out += HEX[bytes[i]!];
    if (i === 3 || i === 5 || i === 7 || i === 9) out += '-';
  }
  return out;
}

/** A lowercase hex digit's char code (0-9, a-f). */
const isHexCode = (code: number) => (code >= 48 && code <= 57) || (code >= 97 && code <= 102);

/**
 * A UUID in canonical lowercase form, 8-4-4-4-12 hex digits (what uuidv7 makes). A loop rather
 * than a regular expression: the server checks several ids of every pushed record.
 */
export function isUuid(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const code = value.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23 ? code !== 45 : !isHexCode(code)) return false;
  }
  return true;
}

/** The creation time encoded in a UUIDv7, in Unix milliseconds. */
export function uuidv7Time(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
