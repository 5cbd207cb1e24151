/**
 * Hybrid logical clock (Kulkarni et al.), encoded as a string that sorts like the clock:
 * `<15-digit wall ms>-<5-digit counter>-<node id>`. Field-level merge compares these strings
 * to decide which of two concurrent edits of one field is later. The wall part never goes
 * backwards on a node even when its clock does, and it absorbs every clock the node has seen,
 * so an edit made after seeing another edit always sorts after it.
 */
export interface Hlc {
  readonly wallMs: number;
  readonly counter: number;
  readonly node: string;
}

/** A remote clock more than this far ahead of ours is refused (as Actual Budget does). */
export const MAX_CLOCK_DRIFT_MS = 5 * 60_000;

const MAX_COUNTER = 99_999;
const HLC_PATTERN = /^(\d{15})-(\d{5})-([0-9a-z]{1,32})$/;

export function formatHlc(hlc: Hlc): string {
  return `${String(hlc.wallMs).padStart(15, '0')}-${String(hlc.counter).padStart(5, '0')}-${hlc.node}`;
}

export function parseHlc(value: string): Hlc | null {
  const match = HLC_PATTERN.exec(value);
  if (!match) return null;
  return { wallMs: Number(match[1]), counter: Number(match[2]), node: match[3]! };
}

export function isHlc(value: unknown): value is string {
  return typeof value === 'string' && HLC_PATTERN.test(value);
}

/** Compare two encoded clocks; the empty string (a field never edited since creation) is the oldest. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class ClockDriftError extends Error {
  constructor(readonly driftMs: number) {
    super(`clock drift of ${Math.round(driftMs / 1000)} s exceeds the allowed ${MAX_CLOCK_DRIFT_MS / 1000} s`);
  }
}

/** A node's clock. Pure state in, new state out, so it is trivial to persist and test. */
export class HybridClock {
  private last: Hlc;

  constructor(
    readonly node: string,
    private readonly wallClock: () => number = Date.now,
    last?: string,
  ) {
    if (!/^[0-9a-z]{1,32}$/.test(node)) throw new Error(`invalid clock node id: ${node}`);
    this.last = (last && parseHlc(last)) || { wallMs: 0, counter: 0, node };
  }

  /** The clock of a new local event. */
  now(): string {
    const wall = this.wallClock();
    if (wall > this.last.wallMs) this.last = { wallMs: wall, counter: 0, node: this.node };
    else this.last = this.bump(this.last.wallMs, this.last.counter);
    return formatHlc(this.last);
  }

  /** Absorb a clock seen on a remote record so that later local edits sort after it. */
  receive(remote: string): void {
    const other = parseHlc(remote);
    if (!other) return;
    const wall = this.wallClock();
    if (other.wallMs - wall > MAX_CLOCK_DRIFT_MS) throw new ClockDriftError(other.wallMs - wall);
    if (other.wallMs > this.last.wallMs) this.last = { wallMs: other.wallMs, counter: other.counter, node: this.node };
    else if (other.wallMs === this.last.wallMs && other.counter > this.last.counter)
      this.last = { wallMs: other.wallMs, counter: other.counter, node: this.node };
  }

  get latest(): string {
    return formatHlc(this.last);
  }

  private bump(wallMs: number, counter: number): Hlc {
    // On counter overflow, borrow a millisecond from the future rather than repeat a value.
    if (counter >= MAX_COUNTER) return { wallMs: wallMs + 1, counter: 0, node: this.node };
    return { wallMs, counter: counter + 1, node: this.node };
  }
}

/** Refuse an edit stamped too far in the future: it would win every merge until then. */
export function checkClockDrift(hlc: string, serverNowMs: number): number | null {
  const parsed = parseHlc(hlc);
  if (!parsed) return null;
  const drift = parsed.wallMs - serverNowMs;
  return drift > MAX_CLOCK_DRIFT_MS ? drift : null;
}
