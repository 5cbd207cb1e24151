import { HybridClock } from '@domain/hlc';
import type { OutpostDatabase } from './database';

interface ClockState {
  node: string;
  latest: string;
}

const CLOCK_DOC = 'device-clock';

/** Each open clock's way to save its latest value now (see flushDeviceClock). */
const flushers = new WeakMap<HybridClock, () => Promise<void>>();

/** Saves the clock's latest value at once, instead of after its short delay: call before the database closes. */
export async function flushDeviceClock(clock: HybridClock): Promise<void> {
  await flushers.get(clock)?.();
}

function randomNodeId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The device's hybrid logical clock. Its node id is stable per device, and its latest value is
 * saved so that a restart never issues a clock older than one already written.
 */
export async function openDeviceClock(db: OutpostDatabase): Promise<HybridClock> {
  const saved = await db.getLocal<ClockState>(CLOCK_DOC);
  const node = saved?.get('node') ?? randomNodeId();
  const clock = new HybridClock(node, Date.now, saved?.get('latest'));
  let pending: ReturnType<typeof setTimeout> | undefined;
  const save = () => db.upsertLocal<ClockState>(CLOCK_DOC, { node, latest: clock.latest });
  const persist = () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      // A database closed without a flush first loses only this save: the wall clock restarts the
      // count, and the saved value only matters if it went backwards meanwhile.
      if (!db.closed) save().catch(() => undefined);
    }, 250);
  };
  flushers.set(clock, async () => {
    if (pending === undefined) return;
    clearTimeout(pending);
    pending = undefined;
    await save();
  });
  await save();
  const tick = clock.now.bind(clock);
  clock.now = () => {
    const value = tick();
    persist();
    return value;
  };
  return clock;
}
