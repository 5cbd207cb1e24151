import type { StorageCall } from './protocol';

/**
 * Every count and query the contacts collection sends its storage (the worker), with when it was
 * sent and answered on the page's clock: where a render's or an interaction's time goes.
 */
const storageCalls: StorageCall[] = [];
export type TracedInstance = Record<
  'count' | 'query',
  (prepared: { query: Record<string, unknown> }) => Promise<unknown>
>;
export function traceStorage(instance: TracedInstance) {
  for (const op of ['count', 'query'] as const) {
    const original = instance[op].bind(instance);
    instance[op] = async (prepared) => {
      const { skip, limit, sort } = prepared.query as { skip?: number; limit?: number; sort?: unknown[] };
      const call: StorageCall = {
        op,
        start: performance.now(),
        end: NaN,
        skip: skip ?? 0,
        limit: limit ?? null,
        sort: JSON.stringify(sort ?? []),
      };
      storageCalls.push(call);
      try {
        return await original(prepared);
      } finally {
        call.end = performance.now();
      }
    };
  }
}
/** The calls made from `since` on, their times from `since`. */
export const callsSince = (since: number): StorageCall[] =>
  storageCalls
    .filter((c) => c.start >= since)
    .map((c) => ({ ...c, start: round1(c.start - since), end: round1(c.end - since) }));
export const round1 = (ms: number) => Math.round(ms * 10) / 10;
