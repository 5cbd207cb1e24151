import { fullFormats } from 'ajv-formats/dist/formats.js';

/**
 * The length of `text` in Unicode code points (a surrogate pair counts once), as JSON Schema's
 * maxLength/minLength count it: the same loop as ajv's own runtime `ucs2length`.
 */
export function codePointLength(text: string): number {
  const units = text.length;
  let length = 0;
  for (let pos = 0; pos < units;) {
    length++;
    const unit = text.charCodeAt(pos++);
    if (unit >= 0xd800 && unit <= 0xdbff && pos < units && (text.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Digits of `text` from `start` to `end` as a number, or -1 if one of them is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * True for a valid date-time in the shape devices send (`Date.prototype.toISOString`:
 * 2025-06-01T12:34:56.789Z, or without the fraction). It only ever says yes: anything else goes to
 * ajv-formats' full RFC 3339 check (time zones, leap seconds…), so the answers are exactly that
 * check's, without its three regular expressions on every timestamp of every document.
 */
function isPlainUtcDateTime(text: string): boolean {
  const n = text.length;
  if (n !== 24 && n !== 20) return false;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return false;
  if (text[n - 1] !== 'Z' || (n === 24 && (text[19] !== '.' || digits(text, 20, 23) < 0))) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || minute < 0 || second < 0) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month]!) && hour <= 23 && minute <= 59 && second <= 59;
}

const fullDateTime = fullFormats['date-time'];
if (!fullDateTime || typeof fullDateTime !== 'object' || !('validate' in fullDateTime)) {
  throw new Error('record validator: ajv-formats did not define date-time');
}
const full = fullDateTime.validate as (text: string) => boolean;

/** The string formats the collection schemas use, by name, as the compiled validators call them. */
export const recordFormats = {
  'date-time': { type: 'string', validate: (text: string) => isPlainUtcDateTime(text) || full(text) },
} as const;
