import { sameValue } from './canonical-json';
import type { CollectionDocs, CollectionName } from './collections';
import { compareHlc, parseHlc } from './hlc';
import type { FieldOverwrite } from './merge';
import type { LostEdit, RecordBase } from './schemas/record';

export type { LostEdit };

/** How many lost edits a record remembers; the newest are kept (see mergeLostEdits). */
export const MAX_LOST_EDITS = 20;

/**
 * Why records carry their lost edits: when two devices edit one field offline, the later edit
 * wins. If the loser reconnects second, its own merge sees its edit lose and tells its user. If
 * the loser reconnects first, its edit is accepted, and the merge that replaces it happens on the
 * winner's device — the loser only ever pulls the result. So the winner's merge writes down, in
 * the record, which edit of which field it replaced without having seen it; the loser's device
 * recognises its own clock there when it pulls, and tells its user. Either way, whoever's edit
 * lost is told.
 *
 * The list is a set merged by union and cut to the newest MAX_LOST_EDITS by clock, so merging it in
 * any order gives the same list on every device (convergence).
 *
 * Two devices can write the same value unaware of each other (both move a deal to one stage). The
 * later edit's clock then replaces the earlier one's, nothing is lost, and the earlier author's
 * device takes the later clock when it pulls. If a third device then replaces that value unseen,
 * both authors lost their edit, but its merge can only name the clock it replaced. So the merge
 * that replaced the earlier clock names it too (nobody is told while the value stands), and a
 * device that takes another device's clock for a value it wrote remembers that this clock carries
 * its edit (carriedEdits): a lost edit naming it is then this device's as well.
 */
export function mergeLostEdits(...lists: readonly (readonly LostEdit[] | undefined)[]): LostEdit[] {
  const byKey = new Map<string, LostEdit>();
  for (const list of lists)
    for (const e of list ?? []) byKey.set(`${e.clock}|${e.field}`, { field: e.field, clock: e.clock });
  return [...byKey.values()]
    .sort((a, b) => compareHlc(b.clock, a.clock) || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0))
    .slice(0, MAX_LOST_EDITS);
}

/**
 * For a field this device wrote, the clock of another device's edit of the same value that now
 * stands for its edit (see above); undefined when none does.
 */
export type CarriedBy = (field: string) => string | undefined;

const noneCarried: CarriedBy = () => undefined;

/** The lost edits of a record that were made on the device whose clock node is `node`, or carry its edits. */
export function lostEditsOfNode(
  lost: readonly LostEdit[] | undefined,
  node: string,
  carriedBy: CarriedBy = noneCarried,
): LostEdit[] {
  return (lost ?? []).filter((e) => parseHlc(e.clock)?.node === node || carriedBy(e.field) === e.clock);
}

type Clocked = Record<string, unknown> & { clocks: Record<string, string>; hlc: string };

/**
 * What a version from the server (`incoming`: pulled, or the server's side of a conflict) tells
 * this device (`node`) about its own edits: each field of the local version (`local`) that still
 * holds this device's edit (or an edit carrying it) named in the incoming version's lost edits, and
 * whose value the incoming version replaces. Empty when there is no local version, or this device
 * already saw the replacement (its field clock moved on), so a repeated pull tells nothing twice.
 */
export function ownLostEdits<C extends CollectionName>(
  collection: C,
  local: CollectionDocs[C] | undefined,
  incoming: CollectionDocs[C],
  node: string,
  carriedBy: CarriedBy = noneCarried,
): FieldOverwrite[] {
  if (!local) return [];
  // Records of append-only collections have no `lostEdits` field at all.
  const mine = lostEditsOfNode((incoming as RecordBase).lostEdits, node, carriedBy);
  if (!mine.length) return [];
  const l = local as unknown as Clocked;
  const t = incoming as unknown as Clocked;
  const told = new Set<string>();
  const result: FieldOverwrite[] = [];
  for (const lost of mine) {
    if (told.has(lost.field) || l.clocks?.[lost.field] !== lost.clock) continue;
    if (sameValue(l[lost.field], t[lost.field])) continue;
    told.add(lost.field);
    const wonAt = parseHlc(t.clocks?.[lost.field] ?? t.hlc);
    result.push({
      collection,
      recordId: String(t.id),
      field: lost.field,
      mine: l[lost.field],
      theirs: t[lost.field],
      theirsBy: String(t.updatedBy ?? ''),
      theirsAt: wonAt ? new Date(wonAt.wallMs).toISOString() : '',
    });
  }
  return result;
}

/**
 * The fields whose value this device wrote (the local field holds its edit, or an edit carrying
 * it) that the incoming version keeps unchanged under another device's later edit: that edit's
 * clock now carries this device's edit, to be remembered (sync-journal.ts) for ownLostEdits.
 */
export function carriedEdits<C extends CollectionName>(
  local: CollectionDocs[C] | undefined,
  incoming: CollectionDocs[C],
  node: string,
  carriedBy: CarriedBy = noneCarried,
): LostEdit[] {
  if (!local) return [];
  const l = local as unknown as Clocked;
  const t = incoming as unknown as Clocked;
  const result: LostEdit[] = [];
  for (const [field, clock] of Object.entries(t.clocks ?? {})) {
    const held = l.clocks?.[field];
    if (!held || compareHlc(clock, held) <= 0 || parseHlc(clock)?.node === node) continue;
    if (parseHlc(held)?.node !== node && carriedBy(field) !== held) continue;
    if (sameValue(l[field], t[field])) result.push({ field, clock });
  }
  return result;
}
