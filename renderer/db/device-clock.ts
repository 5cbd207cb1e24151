import { HybridClock } from '@domain/hlc';
import type { OutpostDatabase } from './database';

interface ClockState {
  node: string;
  latest: string;
}

const CLOCK_DOC = 'device-clock';

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
  const persist = () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      void db.upsertLocal<ClockState>(CLOCK_DOC, { node, latest: clock.latest });
    }, 250);
  };
  await db.upsertLocal<ClockState>(CLOCK_DOC, { node, latest: clock.latest });
  const tick = clock.now.bind(clock);
  clock.now = () => {
    const value = tick();
    persist();
    return value;
  };
  return clock;
}
