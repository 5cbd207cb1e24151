import { expect, vi } from 'vitest';
import { CHANGE_SLICE } from '../../../renderer/db/change-slices';

/** One task ends and the next begins only when the test runs the next timer. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Makes a large sync write with setTimeout faked, then runs the tasks it schedules one at a time:
 * before each, `applied()` says how many records can be found so far and `meanwhile(task)` may
 * write more. No task may apply more than a slice (CHANGE_SLICE) of the write.
 */
export async function applyTaskByTask(
  write: () => Promise<unknown>,
  applied: () => Promise<number> | number,
  meanwhile: (task: number) => Promise<void>,
): Promise<void> {
  const perTask: number[] = [];
  vi.useFakeTimers({ toFake: ['setTimeout'] });
  try {
    await write();
    await settle();
    let before = 0;
    for (let task = 0; ; task++) {
      const now = await applied();
      perTask.push(now - before);
      before = now;
      await meanwhile(task);
      if (vi.getTimerCount() === 0) break;
      vi.advanceTimersToNextTimer();
      await settle();
    }
  } finally {
    vi.useRealTimers();
  }
  expect(Math.max(...perTask)).toBeLessThanOrEqual(CHANGE_SLICE);
}
