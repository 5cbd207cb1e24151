import { APPEND_ONLY_COLLECTIONS, type CollectionDocs, type CollectionName } from './collections';
import { canonicalJson, sameValue } from './canonical-json';
import { compareHlc, formatHlc, parseHlc } from './hlc';
import { mergeLostEdits, type LostEdit } from './lost-edits';
import { DERIVED_FIELDS, SYSTEM_FIELDS, withDerivedFields } from './record-edits';
import type { RecordBase } from './schemas/record';

/** A device's edit of one field that lost to a later edit on another device. */
export interface FieldOverwrite {
  collection: CollectionName;
  recordId: string;
  field: string;
  /** What this device's user wrote. */
  mine: unknown;
  /** What won; null when the record was removed. */
  theirs: unknown;
  /** Who made the winning edit (the winning record's last editor) and when, from its clock. */
  theirsBy: string;
  theirsAt: string;
  /**
   * No edit won: the server removed the record from this device. A removal carries no values
   * (domain/removal-stub.ts), so there is no "theirs" to show.
   */
  removed?: true;
}

export interface MergeResult<T> {
  merged: T;
  /** True when the merged record is exactly the server's: nothing more to push. */
  equalsTheirs: boolean;
  overwritten: FieldOverwrite[];
}

type Doc = RecordBase & { _deleted?: boolean } & Record<string, unknown>;

function fieldClock(doc: Doc, field: string): string {
  return doc.clocks?.[field] ?? '';
}

function clockTime(hlc: string): string {
  const parsed = parseHlc(hlc);
  return parsed ? new Date(parsed.wallMs).toISOString() : '';
}

/**
 * Three-way, field-level merge of this device's record (`mine`) with the server's (`theirs`),
 * given the server state this device last saw (`assumed`).
 *
 * Each field goes to the side whose clock for that field is later, so a field changed on one side
 * only is kept (the other side's clock for it is older), and a field changed on both sides goes to
 * the later edit. Clocks only grow, so the result is the same whatever order devices merge in —
 * the property that makes every replica converge. `assumed` is only used to tell which of my fields
 * were my own unsynced edits, so the ones that lost can be logged for the user, and which of
 * theirs I had not seen, so the ones mine replace are written down for their authors
 * (`lostEdits`, domain/lost-edits.ts).
 *
 * `nextHlc` stamps a merged record that differs from the server's, so the server sees a new version.
 *
 * `editBase` gives, for a field this device edited and has not pushed yet, the field's clock just
 * before that edit: the exact measure of which edits of others the user had seen. RxDB's assumed
 * state can move past it (a conflict answered while the record changed locally is dropped, but
 * the assumed state is updated), so it is preferred when known.
 *
 * `assumedHlc` stands in for a missing `assumed` when only the version's clock is known (a record
 * bootstrapped by the initial sync and edited before its server state was stored, ADR 0010): every
 * field clock of that version is at or before its hlc and every later local edit after it, so "my
 * unsynced edit" is exactly "a field clock later than it".
 */
export function mergeRecords<C extends CollectionName>(
  collection: C,
  mine: CollectionDocs[C],
  theirs: CollectionDocs[C],
  assumed: CollectionDocs[C] | null,
  nextHlc: () => string,
  assumedHlc: string | null = null,
  editBase: (field: string) => string | undefined = () => undefined,
): MergeResult<CollectionDocs[C]> {
  const m = mine as unknown as Doc;
  const t = theirs as unknown as Doc;
  const a = assumed as unknown as Doc | null;

  // My unsynced edit of a field: its clock moved since the state I assumed (comparing values alone
  // misses an edit back to the assumed value, e.g. reopened and then marked lost again).
  const myEdits = (field: string) =>
    a
      ? fieldClock(m, field) !== fieldClock(a, field) || !sameValue(m[field], a[field])
      : assumedHlc
        ? compareHlc(fieldClock(m, field), assumedHlc) > 0
        : compareHlc(fieldClock(m, field), '') > 0 || !sameValue(m[field], t[field]);

  const overwrite = (field: string): FieldOverwrite => ({
    collection,
    recordId: t.id,
    field,
    mine: m[field],
    theirs: t[field],
    theirsBy: t.updatedBy ?? '',
    theirsAt: clockTime(fieldClock(t, field) || t.hlc),
  });

  // A removal from the server (record purged, or no longer visible to this user) wins outright;
  // unsynced edits are reported, not resurrected. Its fields are neutral stand-ins, not anyone's
  // edit: reported as removed, never as what was kept.
  if (t._deleted || APPEND_ONLY_COLLECTIONS.has(collection)) {
    const lost = t._deleted
      ? Object.keys(m)
          .filter((f) => !SYSTEM_FIELDS.has(f) && !DERIVED_FIELDS.has(f) && myEdits(f))
          .map((f): FieldOverwrite => ({ ...overwrite(f), theirs: null, theirsBy: '', removed: true }))
      : [];
    return { merged: theirs, equalsTheirs: true, overwritten: lost };
  }

  const merged: Doc = { ...t };
  const clocks: Record<string, string> = { ...t.clocks };
  const overwritten: FieldOverwrite[] = [];
  /** Their edits that mine replace without my having seen them: their authors must be told. */
  const beaten: LostEdit[] = [];
  let differsFromTheirs = false;
  // What my edit of a field had seen: the field's clock just before I edited it when the device
  // knows it, else the state I assumed (which can have moved on since the edit), else nothing.
  const seenByMe = (field: string, theirClock: string) => {
    const base = editBase(field);
    if (base !== undefined) return compareHlc(theirClock, base) <= 0;
    if (a) return compareHlc(theirClock, fieldClock(a, field)) <= 0;
    return assumedHlc ? compareHlc(theirClock, assumedHlc) <= 0 : false;
  };
  const sameNode = (x: string, y: string) => parseHlc(x)?.node === parseHlc(y)?.node;

  const fields = new Set([...Object.keys(m), ...Object.keys(t)]);
  for (const field of fields) {
    if (SYSTEM_FIELDS.has(field) || DERIVED_FIELDS.has(field)) continue;
    const cm = fieldClock(m, field);
    const ct = fieldClock(t, field);
    const order = compareHlc(cm, ct);
    // Equal clocks mean the same edit, so equal values; if a bug ever broke that, pick one
    // deterministically so that replicas still agree.
    const takeMine = order > 0 || (order === 0 && canonicalJson(m[field]) > canonicalJson(t[field]));
    if (takeMine) {
      // A newer clock on an equal value (an edit back to the old value) must reach the server
      // too: dropped, it would let an older edit of that field elsewhere win a later merge.
      if (cm !== ct || !sameValue(m[field], t[field])) differsFromTheirs = true;
      // An equal value counts too: its author's edit now stands only as mine, so when mine is
      // replaced unseen later, theirs is lost with it and its author must be told as well
      // (carriedEdits, domain/lost-edits.ts). While the value stands, nobody is told anything.
      if (ct && cm !== ct && !seenByMe(field, ct) && !sameNode(ct, cm)) {
        beaten.push({ field, clock: ct });
      }
      merged[field] = m[field];
      if (cm) clocks[field] = cm;
    } else if (!sameValue(m[field], t[field]) && myEdits(field)) {
      overwritten.push(overwrite(field));
    }
  }

  if (!differsFromTheirs) return { merged: theirs, equalsTheirs: true, overwritten };

  merged.clocks = clocks;
  const lost = mergeLostEdits(m.lostEdits as LostEdit[] | undefined, t.lostEdits as LostEdit[] | undefined, beaten);
  if (lost.length) merged.lostEdits = lost;
  else delete merged.lostEdits;
  const stamp = nextHlc();
  merged.hlc = compareHlc(stamp, t.hlc) > 0 && compareHlc(stamp, m.hlc) > 0 ? stamp : bumpPast(t.hlc, m.hlc, stamp);
  merged.updatedAt = m.updatedAt > t.updatedAt ? m.updatedAt : t.updatedAt;
  merged.updatedBy = m.updatedAt > t.updatedAt ? m.updatedBy : t.updatedBy;
  return {
    merged: withDerivedFields(collection, merged as unknown as CollectionDocs[C]),
    equalsTheirs: false,
    overwritten,
  };
}

/** The caller's clock should already be past both (it received them); this is the safety net. */
function bumpPast(a: string, b: string, stamp: string): string {
  const latest = [a, b, stamp].sort(compareHlc)[2]!;
  const parsed = parseHlc(latest)!;
  const node = parseHlc(stamp)?.node ?? parsed.node;
  const next =
    parsed.counter >= 99_999
      ? { wallMs: parsed.wallMs + 1, counter: 0 }
      : { wallMs: parsed.wallMs, counter: parsed.counter + 1 };
  return formatHlc({ ...next, node });
}

/** Cheap version equality for RxDB's conflict handler: every write carries a fresh clock. */
export function isSameVersion(a: { hlc: string; _deleted?: boolean }, b: { hlc: string; _deleted?: boolean }): boolean {
  return a.hlc === b.hlc && !!a._deleted === !!b._deleted;
}
