import type { LongTaskStats } from './protocol';
import { callsSince, round1 } from './storage-trace';

/** The main thread's long tasks between start and stop, with the storage calls made meanwhile. */
let longTasks: { start: number; duration: number }[] = [];
let longTaskObserver: PerformanceObserver | null = null;
let longTasksFrom = 0;
export function startLongTasks() {
  longTasks = [];
  longTasksFrom = performance.now();
  longTaskObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  });
  longTaskObserver.observe({ type: 'longtask', buffered: false });
}
export function stopLongTasks(): LongTaskStats {
  for (const e of longTaskObserver?.takeRecords() ?? []) longTasks.push({ start: e.startTime, duration: e.duration });
  longTaskObserver?.disconnect();
  longTaskObserver = null;
  const durations = longTasks.map((t) => t.duration);
  return {
    count: durations.length,
    longestMs: Math.max(0, ...durations),
    totalMs: durations.reduce((a, b) => a + b, 0),
    durations,
    starts: longTasks.map((t) => round1(t.start - longTasksFrom)),
    calls: callsSince(longTasksFrom),
  };
}
