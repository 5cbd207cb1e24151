import type { Result } from '@domain/errors';
import { formatHlc } from '@domain/hlc';
import type { EditContext } from '@domain/record-edits';
import { isIsoDate, toIso } from '@domain/time';
import { demoUuidv7, type IdKind } from './demo-ids';
import { DEFAULT_DEMO_SEED, DEMO_SIZES, type DemoCounts, type DemoDataOptions } from './demo-options';
import { createRandom, hash32, type Random } from './random';

export const DAY = 86_400_000;
export const MINUTE = 60_000;
/** The clock node of every demo edit; real devices use random hex node ids. */
const CLOCK_NODE = 'demo';

export type Body<T> = Omit<
  T,
  'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy' | 'hlc' | 'clocks' | 'deletedAt'
>;

/**
 * What every part of a demo workspace shares: its seed, counts and day, its random streams and
 * ids, and its clock (business hours, creation slots, edit contexts).
 */
export function createDemoContext(options: DemoDataOptions) {
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
  return {
    options,
    seed,
    counts,
    today,
    nowMs,
    latestMs,
    setupMs,
    streamOf,
    idOf,
    officeTime,
    ago,
    slotDaysAgo,
    existingAt,
    ctx,
    eventTimes,
  };
}

export type DemoContext = ReturnType<typeof createDemoContext>;

export function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok)
    throw new Error(`demo data broke a domain rule (${what}): ${result.errors.map((e) => e.code).join(', ')}`);
  return result.value;
}
