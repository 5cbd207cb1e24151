import type { RxCollection } from 'rxdb';

/** The part of RxDB's per-collection change event buffer (rxdb 17.6, change-event-buffer.js) this touches. */
interface ChangeEventBuffer {
  limit: number;
  buffer: unknown[];
  _handleChangeEvents(events: unknown[]): void;
}

/**
 * Keeps a collection's change event buffer to its window. RxDB keeps the last `limit` (100) change
 * events so that a live query can catch up by event reduce; a query further behind runs again over
 * storage. In rxdb 17.6 a bulk larger than the window replaces the buffer whole
 * (`events.slice(events.length * -1)`), so after a first sync each collection held its last write
 * — up to 5,000 records from the bootstrap — until its next change, although no query can use more
 * than the window (docs/adr/0043-change-events-without-rxdb-cache.md). After each bulk the buffer
 * is cut back to the window; the events' counters are kept per event, so the pointers of the
 * events that stay are unchanged.
 */
export function boundChangeEventWindow(collection: RxCollection): void {
  const buffer = (collection as unknown as { _changeEventBuffer?: Partial<ChangeEventBuffer> })._changeEventBuffer;
  // Another RxDB version without this buffer: nothing to bound (the test of this file says so).
  if (!buffer || typeof buffer._handleChangeEvents !== 'function') return;
  const events = buffer as ChangeEventBuffer;
  const handle = events._handleChangeEvents.bind(events);
  events._handleChangeEvents = (bulk) => {
    handle(bulk);
    if (events.buffer.length > events.limit) events.buffer = events.buffer.slice(-events.limit);
  };
}
