import { beforeEach, describe, expect, it, vi } from 'vitest';

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

import type * as IdsModule from '@domain/ids';

/** ids.ts keeps the last millisecond and counter in module state: each test gets a fresh copy. */
let ids: typeof IdsModule;
beforeEach(async () => {
  vi.resetModules();
  ids = await import('@domain/ids');
});

describe('uuidv7', () => {
  it('creates RFC 9562 version 7 ids with the variant bits set', () => {
    for (let i = 0; i < 1000; i++) expect(ids.uuidv7()).toMatch(UUIDV7);
  });

  it('encodes the creation time, which uuidv7Time reads back', () => {
    const ms = Date.UTC(2026, 0, 15, 9, 30, 12, 345);
    expect(ids.uuidv7Time(ids.uuidv7(ms))).toBe(ms);
    expect(ids.uuidv7Time(ids.uuidv7(ms + 1))).toBe(ms + 1);
  });

  it('puts the time first so that ids sort by creation time', () => {
    const a = ids.uuidv7(Date.UTC(2025, 5, 1));
    const b = ids.uuidv7(Date.UTC(2025, 5, 2));
    const c = ids.uuidv7(Date.UTC(2026, 0, 1));
    expect([c, a, b].sort()).toEqual([a, b, c]);
  });

  it('keeps ids made within one millisecond in creation order', () => {
    const ms = Date.UTC(2026, 1, 1);
    const made = Array.from({ length: 2000 }, () => ids.uuidv7(ms));
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
    for (const id of made) expect(id).toMatch(UUIDV7);
  });

  it('stays in creation order past 4,096 ids in one millisecond (the counter never wraps)', () => {
    const ms = Date.UTC(2026, 1, 1);
    const made = Array.from({ length: 10_000 }, () => ids.uuidv7(ms));
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
    for (const id of made) expect(id).toMatch(UUIDV7);
  });

  it('never sorts a new id before an older one when the wall clock goes backwards', () => {
    const first = ids.uuidv7(Date.UTC(2026, 1, 1, 12));
    const afterStepBack = ids.uuidv7(Date.UTC(2026, 1, 1, 11));
    expect(afterStepBack > first).toBe(true);
    expect(ids.uuidv7Time(afterStepBack)).toBe(Date.UTC(2026, 1, 1, 12));
  });

  it('makes distinct ids across many milliseconds', () => {
    const made = new Set(Array.from({ length: 20_000 }, (_, i) => ids.uuidv7(1_700_000_000_000 + (i >> 4))));
    expect(made.size).toBe(20_000);
  });
});

describe('isUuid', () => {
  it('accepts lower-case canonical UUIDs and rejects anything else', () => {
    expect(ids.isUuid(ids.uuidv7())).toBe(true);
    expect(ids.isUuid('01900000-0000-7000-8000-000000000001')).toBe(true);
    expect(ids.isUuid('01900000-0000-7000-8000-00000000000G')).toBe(false);
    expect(ids.isUuid('01900000-0000-7000-8000-0000000000AB')).toBe(false);
    expect(ids.isUuid('019000000000700080000000000000001')).toBe(false);
    expect(ids.isUuid('')).toBe(false);
    expect(ids.isUuid(42)).toBe(false);
    expect(ids.isUuid(null)).toBe(false);
  });
});

describe('isUuid', () => {
  it('accepts canonical lowercase UUIDs, whatever their version', () => {
    expect(ids.isUuid(ids.uuidv7())).toBe(true);
    expect(ids.isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
    expect(ids.isUuid('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
  });

  it('refuses anything else', () => {
    for (const value of [
      '0F8FAD5B-D9CB-469F-A165-70867728950E',
      '0f8fad5b-d9cb-469f-a165-70867728950',
      '0f8fad5b-d9cb-469f-a165-70867728950e0',
      '0f8fad5bd-9cb-469f-a165-70867728950e',
      '0f8fad5b-d9cb-469f-a165-70867728950g',
      '0f8fad5b_d9cb_469f_a165_70867728950e',
      '{0f8fad5b-d9cb-469f-a165-70867728950}',
      '',
      42,
      null,
      undefined,
    ]) {
      expect(ids.isUuid(value), String(value)).toBe(false);
    }
  });
});
