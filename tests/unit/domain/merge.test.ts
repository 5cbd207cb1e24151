import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@domain/canonical-json';
import { compareHlc, formatHlc, HybridClock, parseHlc } from '@domain/hlc';
import { isSameVersion, mergeRecords } from '@domain/merge';
import { editRecord } from '@domain/record-edits';
import { removalStub } from '@domain/removal-stub';
import type { Contact } from '@domain/schemas/contact';
import { toIso } from '@domain/time';
import { BASE_MS, USER_A, USER_B, ctxAt, makeContact, sampleRecords } from './fixtures';

/** A clock for the merge stamp that is already past everything these tests write. */
const freshClock = () => formatHlc({ wallMs: BASE_MS + 10_000_000, counter: 0, node: 'm' });

const base = () => makeContact({}, 1);
const mineAt = (doc: Contact, patch: Partial<Contact>, step: number) =>
  editRecord('contacts', doc, patch, ctxAt(step, USER_A, 'a'))!;
const theirsAt = (doc: Contact, patch: Partial<Contact>, step: number) =>
  editRecord('contacts', doc, patch, ctxAt(step, USER_B, 'b'))!;

describe('mergeRecords', () => {
  it('with only the assumed version’s hlc (a bootstrapped record), logs my edits and nothing else', () => {
    // The base had an edited phone; the server changed the phone again, I changed the title and
    // (losing, earlier) the email.
    const assumed = mineAt(base(), { phone: '+1 (512) 555-0000' }, 5);
    const mine = mineAt(mineAt(assumed, { email: 'mine@example.com' }, 20), { title: 'CFO' }, 21);
    const theirs = theirsAt(assumed, { phone: '+1 (512) 555-0100', email: 'theirs@example.com' }, 30);
    const result = mergeRecords('contacts', mine, theirs, null, freshClock, assumed.hlc);
    expect(result.merged.title).toBe('CFO');
    expect(result.merged.phone).toBe('+1 (512) 555-0100');
    expect(result.merged.email).toBe('theirs@example.com');
    expect(result.overwritten.map((o) => o.field)).toEqual(['email']);
    // The same merge with the full assumed state agrees.
    const full = mergeRecords('contacts', mine, theirs, assumed, freshClock);
    expect(full.overwritten.map((o) => o.field)).toEqual(['email']);
    expect(full.merged).toEqual(result.merged);
  });

  it('keeps fields changed on one side only, from both sides', () => {
    const assumed = base();
    const mine = mineAt(assumed, { title: 'CFO' }, 20);
    const theirs = theirsAt(assumed, { phone: '+1 (512) 555-0100' }, 30);
    const result = mergeRecords('contacts', mine, theirs, assumed, freshClock);
    expect(result.merged.title).toBe('CFO');
    expect(result.merged.phone).toBe('+1 (512) 555-0100');
    expect(result.merged.clocks).toEqual({ title: ctxAt(20).hlc, phone: ctxAt(30, USER_B, 'b').hlc });
    expect(result.equalsTheirs).toBe(false);
    expect(result.overwritten).toEqual([]);
  });

  it('gives a field changed on both sides to the later clock, and reports my losing edit', () => {
    const assumed = base();
    const mine = mineAt(assumed, { title: 'CFO' }, 20);
    const theirs = theirsAt(assumed, { title: 'CEO' }, 30);
    const result = mergeRecords('contacts', mine, theirs, assumed, freshClock);
    expect(result.merged.title).toBe('CEO');
    expect(result.equalsTheirs).toBe(true);
    expect(result.merged).toBe(theirs);
    expect(result.overwritten).toEqual([
      {
        collection: 'contacts',
        recordId: assumed.id,
        field: 'title',
        mine: 'CFO',
        theirs: 'CEO',
        theirsBy: USER_B,
        theirsAt: toIso(BASE_MS + 30_000),
      },
    ]);
  });

  it('keeps my edit of a field when mine is the later one', () => {
    const assumed = base();
    const theirs = theirsAt(assumed, { title: 'CEO' }, 20);
    const mine = mineAt(assumed, { title: 'CFO' }, 30);
    const result = mergeRecords('contacts', mine, theirs, assumed, freshClock);
    expect(result.merged.title).toBe('CFO');
    expect(result.merged.clocks.title).toBe(ctxAt(30).hlc);
    expect(result.equalsTheirs).toBe(false);
    expect(result.overwritten).toEqual([]);
  });

  it('reports only my own unsynced edits as overwritten, not values I merely had', () => {
    const assumed = base();
    const mine = mineAt(assumed, { notes: 'mine' }, 20);
    const theirs = theirsAt(theirsAt(assumed, { title: 'CEO' }, 30), { notes: 'theirs' }, 31);
    const result = mergeRecords('contacts', mine, theirs, assumed, freshClock);
    expect(result.overwritten.map((o) => o.field)).toEqual(['notes']);
  });

  it('equals theirs when nothing of mine wins', () => {
    const assumed = base();
    const theirs = theirsAt(assumed, { title: 'CEO', tags: ['vip', 'renewal'] }, 30);
    const result = mergeRecords('contacts', assumed, theirs, assumed, freshClock);
    expect(result).toEqual({ merged: theirs, equalsTheirs: true, overwritten: [] });
    expect(result.merged).toBe(theirs);
  });

  it('stamps a merged record that differs from theirs with a clock later than both inputs', () => {
    const assumed = base();
    const mine = mineAt(assumed, { title: 'CFO' }, 20);
    const theirs = theirsAt(assumed, { phone: '+1 555 0100' }, 30);
    const stale = () => formatHlc({ wallMs: BASE_MS, counter: 0, node: 'm' });
    const result = mergeRecords('contacts', mine, theirs, assumed, stale);
    expect(compareHlc(result.merged.hlc, mine.hlc)).toBe(1);
    expect(compareHlc(result.merged.hlc, theirs.hlc)).toBe(1);
    expect(parseHlc(result.merged.hlc)!.node).toBe('m');
    const fresh = mergeRecords('contacts', mine, theirs, assumed, freshClock);
    expect(fresh.merged.hlc).toBe(freshClock());
    expect(isSameVersion(fresh.merged, theirs)).toBe(false);
  });

  it('keeps the clock of an edit that set a field back to the value theirs still has', () => {
    const start = base();
    const first = mineAt(start, { phone: '+1 (512) 555-0101' }, 20);
    const back = mineAt(first, { phone: start.phone }, 21);
    // The server never saw either edit: equal values, but my clock is newer and must be kept...
    const result = mergeRecords('contacts', back, start, start, freshClock);
    expect(result.equalsTheirs).toBe(false);
    expect(result.merged.clocks.phone).toBe(ctxAt(21).hlc);
    // ...or a device still holding the first edit would later win with it.
    const later = mergeRecords('contacts', first, result.merged, null, freshClock);
    expect(later.merged.phone).toBe(start.phone);
  });

  it('takes the last editor and update time from the later side', () => {
    const assumed = base();
    const mine = mineAt(assumed, { title: 'CFO' }, 40);
    const theirs = theirsAt(assumed, { phone: '+1 555 0100' }, 30);
    const { merged } = mergeRecords('contacts', mine, theirs, assumed, freshClock);
    expect(merged.updatedBy).toBe(USER_A);
    expect(merged.updatedAt).toBe(mine.updatedAt);
  });

  it('recomputes derived keys from the merged fields', () => {
    const assumed = base();
    const mine = mineAt(assumed, { lastName: 'Peña' }, 20);
    const theirs = theirsAt(assumed, { firstName: 'Lucía' }, 30);
    const { merged } = mergeRecords('contacts', mine, theirs, assumed, freshClock);
    expect(merged.nameKey).toBe('pena lucia');
  });

  it('lets a removal from the server win and reports my unsynced edits as removed, not as its stand-in values', () => {
    const assumed = mineAt(base(), { title: 'COO' }, 5);
    const mine = mineAt(assumed, { title: 'CFO', notes: 'call back Monday' }, 20);
    const removed = removalStub('contacts', assumed.id, assumed.hlc) as Contact;
    const result = mergeRecords('contacts', mine, removed, assumed, freshClock);
    expect(result.merged).toBe(removed);
    expect(result.equalsTheirs).toBe(true);
    const removedAt = toIso(BASE_MS + 5_000);
    expect(result.overwritten.sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      {
        collection: 'contacts',
        recordId: assumed.id,
        field: 'notes',
        mine: 'call back Monday',
        theirs: null,
        theirsBy: '',
        theirsAt: removedAt,
        removed: true,
      },
      {
        collection: 'contacts',
        recordId: assumed.id,
        field: 'title',
        mine: 'CFO',
        theirs: null,
        theirsBy: '',
        theirsAt: removedAt,
        removed: true,
      },
    ]);
  });

  it('lets a removal win without reports when I had no unsynced edits', () => {
    const assumed = base();
    const removed = removalStub('contacts', assumed.id, assumed.hlc) as Contact;
    expect(mergeRecords('contacts', assumed, removed, assumed, freshClock).overwritten).toEqual([]);
  });

  it('never merges append-only stage changes: theirs wins', () => {
    const change = sampleRecords().stage_changes;
    const mine = { ...change, toStageId: '01900000-0000-7000-8000-00000000ffff' };
    const result = mergeRecords('stage_changes', mine, change, change, freshClock);
    expect(result).toEqual({ merged: change, equalsTheirs: true, overwritten: [] });
  });

  it('treats every field I hold with a clock as mine when the server has never seen my version', () => {
    const created = base();
    const mine = mineAt(created, { title: 'CFO' }, 20);
    const theirs = theirsAt(created, { title: 'CEO' }, 30);
    const result = mergeRecords('contacts', mine, theirs, null, freshClock);
    expect(result.overwritten.map((o) => o.field)).toEqual(['title']);
  });

  it('merges a soft delete like any other field edit', () => {
    const assumed = base();
    const mine = mineAt(assumed, { deletedAt: toIso(BASE_MS + 20_000) }, 20);
    const theirs = theirsAt(assumed, { title: 'CEO' }, 30);
    const { merged } = mergeRecords('contacts', mine, theirs, assumed, freshClock);
    expect(merged.deletedAt).toBe(toIso(BASE_MS + 20_000));
    expect(merged.title).toBe('CEO');
  });
});

describe('isSameVersion', () => {
  it('compares the clock and the removal flag only', () => {
    const doc = base();
    const sameClockOtherTitle: Contact = { ...doc, title: 'other' };
    expect(isSameVersion(doc, sameClockOtherTitle)).toBe(true);
    expect(isSameVersion(doc, { ...doc, _deleted: true } as never)).toBe(false);
    expect(isSameVersion(doc, mineAt(doc, { title: 'x' }, 9))).toBe(false);
  });
});

/* ------------------------------------------------------------------------------------------------
 * Convergence: random edits on 2–4 replicas, synced pairwise at random and finally merged in a
 * random order, always end with every replica holding the same field values — and each field
 * holds the edit with the latest clock, whatever order the merges happened in.
 * --------------------------------------------------------------------------------------------- */

const FIELDS = ['title', 'phone', 'notes', 'tags', 'address', 'deletedAt'] as const;
type Field = (typeof FIELDS)[number];

const VALUES: { [F in Field]: fc.Arbitrary<Contact[F]> } = {
  title: fc.constantFrom('CEO', 'CFO', 'Gerente de Compras', ''),
  phone: fc.constantFrom('+1 (512) 555-0101', '+52 55 1234 5678', ''),
  notes: fc.constantFrom('call back', 'sent proposal', 'llamar el lunes', ''),
  tags: fc.constantFrom([], ['vip'], ['vip', 'renewal'], ['renewal', 'vip']),
  address: fc.constantFrom({}, { city: 'Austin', country: 'US' }, { country: 'US', city: 'Austin' }, { city: 'Lima' }),
  deletedAt: fc.constantFrom(null, toIso(BASE_MS + 1)),
};

type Op =
  | { kind: 'edit'; replica: number; field: Field; value: unknown; advanceMs: number }
  | { kind: 'sync'; from: number; to: number; advanceMs: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc
    .record({ replica: fc.nat(3), field: fc.constantFrom(...FIELDS), advanceMs: fc.integer({ min: 0, max: 3000 }) })
    .chain((r) => VALUES[r.field].map((value) => ({ kind: 'edit' as const, ...r, value: value as unknown }))),
  fc.record({
    kind: fc.constant('sync' as const),
    from: fc.nat(3),
    to: fc.nat(3),
    advanceMs: fc.integer({ min: 0, max: 3000 }),
  }),
);

/** The user-visible fields, compared by content (an address's key order is not a difference). */
function userFields(doc: Contact): string {
  return canonicalJson(FIELDS.map((f) => [f, doc[f]]).concat([['nameKey', doc.nameKey]]));
}

describe('mergeRecords convergence (property)', () => {
  it('converges replicas to the latest edit of every field, whatever the merge order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.integer({ min: -60_000, max: 60_000 }), { minLength: 4, maxLength: 4 }),
        fc.array(opArb, { maxLength: 60 }),
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        (count, skews, ops, shuffleKeys) => {
          let realTime = BASE_MS + 100_000;
          const start = makeContact({}, 1);
          const replicas = Array.from({ length: count }, (_, i) => ({
            clock: new HybridClock(`r${i}`, () => realTime + skews[i]!),
            doc: start as Contact,
          }));
          /** Every stamped edit, to compute the expected winner of each field. */
          const stamped: { field: Field; value: unknown; hlc: string }[] = [];

          const merge = (mine: Contact, theirs: Contact, clock: HybridClock): Contact => {
            clock.receive(theirs.hlc);
            const result = mergeRecords('contacts', mine, theirs, null, () => clock.now());
            if (!result.equalsTheirs) {
              if (compareHlc(result.merged.hlc, mine.hlc) <= 0 || compareHlc(result.merged.hlc, theirs.hlc) <= 0)
                throw new Error('merged clock is not later than both inputs');
            }
            return result.merged;
          };

          for (const op of ops) {
            realTime += op.advanceMs;
            if (op.kind === 'edit') {
              const r = replicas[op.replica % count]!;
              const hlc = r.clock.now();
              const ctx = { userId: USER_A, hlc, now: toIso(realTime) };
              const next = editRecord('contacts', r.doc, { [op.field]: op.value } as Partial<Contact>, ctx);
              if (next) {
                stamped.push({ field: op.field, value: op.value, hlc });
                r.doc = next;
              }
            } else {
              const from = replicas[op.from % count]!;
              const to = replicas[op.to % count]!;
              if (from !== to) to.doc = merge(to.doc, from.doc, to.clock);
            }
          }

          // Fold every replica into one hub in a random order, with random mine/theirs roles...
          const order = replicas
            .map((r, i) => ({ r, key: shuffleKeys[i]! }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.r);
          let hub = order[0]!.doc;
          order.slice(1).forEach((r, i) => {
            realTime += 10;
            hub = shuffleKeys[4 + i]! % 2 ? merge(hub, r.doc, r.clock) : merge(r.doc, hub, r.clock);
          });
          // ...then bring every replica up to date from the hub.
          const finals = replicas.map((r) => merge(r.doc, hub, r.clock));

          const expected: Record<string, unknown> = {};
          for (const f of FIELDS) {
            const edits = stamped.filter((e) => e.field === f).sort((a, b) => compareHlc(a.hlc, b.hlc));
            expected[f] = edits.length ? edits[edits.length - 1]!.value : start[f];
          }
          const hubFields = userFields(hub);
          return (
            finals.every((d) => userFields(d) === hubFields) &&
            FIELDS.every((f) => canonicalJson(hub[f]) === canonicalJson(expected[f]))
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the same field values whichever side is mine (commutative) and merging twice changes nothing', () => {
    const edits = fc.array(
      fc
        .record({ field: fc.constantFrom(...FIELDS), side: fc.boolean() })
        .chain((r) => VALUES[r.field].map((value) => ({ ...r, value: value as unknown }))),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(edits, (list) => {
        let a: Contact = base();
        let b: Contact = base();
        list.forEach((e, i) => {
          const patch = { [e.field]: e.value } as Partial<Contact>;
          if (e.side) a = editRecord('contacts', a, patch, ctxAt(10 + i, USER_A, 'a')) ?? a;
          else b = editRecord('contacts', b, patch, ctxAt(10 + i, USER_B, 'b')) ?? b;
        });
        const ab = mergeRecords('contacts', a, b, null, freshClock).merged;
        const ba = mergeRecords('contacts', b, a, null, freshClock).merged;
        const again = mergeRecords('contacts', ab, b, null, freshClock).merged;
        return userFields(ab) === userFields(ba) && userFields(again) === userFields(ab);
      }),
    );
  });
});
