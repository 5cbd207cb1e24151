/**
 * The demo workspaces a person can load, as the Settings card describes them before the generator
 * is fetched (it is a chunk of its own, ADR 0022): rounded counts, checked against the generator by
 * tests/unit/renderer/demo-sets.test.ts. The exact total is counted when a load starts.
 */
export const DEMO_SET_NAMES = ['small', 'medium', 'large'] as const;
export type DemoSetName = (typeof DEMO_SET_NAMES)[number];

export interface DemoSet {
  contacts: number;
  /** All records of every collection, rounded. */
  records: number;
}

export const DEMO_SETS: Readonly<Record<DemoSetName, DemoSet>> = {
  small: { contacts: 150, records: 750 },
  medium: { contacts: 6_000, records: 26_600 },
  large: { contacts: 100_000, records: 435_000 },
};

/**
 * Bytes a demo record takes in the device's IndexedDB, its indexes included: measured by
 * `npm run bench -- --part load` (the origin's usage before and after loading the medium set:
 * 1,404 bytes a record, docs/performance.md), rounded up.
 */
export const STORED_BYTES_PER_RECORD = 1_500;

export function estimatedBytes(set: DemoSetName): number {
  return DEMO_SETS[set].records * STORED_BYTES_PER_RECORD;
}

/**
 * The large set syncs 435,000 records to the server and, from there, to every device that may see
 * them: offered only where the server is this device's own (single-user mode).
 */
export function offeredSets(localOnly: boolean): readonly DemoSetName[] {
  return localOnly ? DEMO_SET_NAMES : ['small', 'medium'];
}
