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
 */
export function mergeLostEdits(...lists: readonly (readonly LostEdit[] | undefined)[]): LostEdit[] {
  const byKey = new Map<string, LostEdit>();
  for (const list of lists)
    for (const e of list ?? []) byKey.set(`${e.clock}|${e.field}`, { field: e.field, clock: e.clock });
  return [...byKey.values()]
    .sort((a, b) => compareHlc(b.clock, a.clock) || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0))
    .slice(0, MAX_LOST_EDITS);
}

/** The lost edits of a record that were made on the device whose clock node is `node`. */
export function lostEditsOfNode(lost: readonly LostEdit[] | undefined, node: string): LostEdit[] {
  return (lost ?? []).filter((e) => parseHlc(e.clock)?.node === node);
}

/**
 * What a version from the server (`incoming`: pulled, or the server's side of a conflict) tells
 * this device (`node`) about its own edits: each field of the local version (`local`) that still
 * holds this device's edit named in the incoming version's lost edits, and whose value the incoming
 * version replaces. Empty when there is no local version, or this device already saw the
 * replacement (its field clock moved on), so a repeated pull tells nothing twice.
 */
export function ownLostEdits<C extends CollectionName>(
  collection: C,
  local: CollectionDocs[C] | undefined,
  incoming: CollectionDocs[C],
  node: string,
): FieldOverwrite[] {
  if (!local) return [];
  // Records of append-only collections have no `lostEdits` field at all.
  const mine = lostEditsOfNode((incoming as RecordBase).lostEdits, node);
  if (!mine.length) return [];
  const l = local as unknown as Record<string, unknown> & { clocks: Record<string, string> };
  const t = incoming as unknown as Record<string, unknown> & { clocks: Record<string, string>; hlc: string };
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
