import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../renderer/db/database';
import { flushDeviceClock, openDeviceClock } from '../../../renderer/db/device-clock';

let counter = 0;
/** One device's database, reopened under the same name as a restart would (RxDB's memory storage keeps it). */
const storage = getRxStorageMemory();
const openDevice = () =>
  openDatabase({ name: `device-clock-${counter}`, storage: storage as never, multiInstance: false, collections: [] });

describe('the device clock', () => {
  it('a value issued just before the store closes is kept, so a restart never issues an older one', async () => {
    counter++;
    const db = await openDevice();
    const clock = await openDeviceClock(db);
    const issued = clock.now();
    await flushDeviceClock(clock);
    await db.close();

    const again = await openDevice();
    const restarted = await openDeviceClock(again);
    expect(restarted.latest >= issued).toBe(true);
    expect(restarted.now() > issued).toBe(true);
    await again.close();
  });

  it('a save still waiting when the database closes fails nothing later', async () => {
    counter++;
    const db = await openDevice();
    const clock = await openDeviceClock(db);
    clock.now();
    await db.close();
    // The delayed save would have run against the closed database and rejected unhandled.
    await new Promise((resolve) => setTimeout(resolve, 400));
  });
});
