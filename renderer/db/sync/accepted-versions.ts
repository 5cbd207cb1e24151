import type { CollectionName } from '@domain/collections';
import type { SyncDocument } from '@domain/sync-protocol';

/** How many records' accepted versions are remembered; a stale page can only race the last few pushes. */
export const MAX_ACCEPTED_VERSIONS = 500;

/** Versions of one record a push of ours replaced on the server, kept at most this many. */
const MAX_SUPERSEDED = 20;

interface Accepted {
  doc: SyncDocument;
  /** Clocks of the versions this device's accepted pushes replaced (the assumed states and our own older ones). */
  superseded: Set<string>;
}

/**
 * The versions of records this device pushed and the server accepted, and the versions each
 * replaced, so a pulled page that carries one of those replaced versions is recognised as stale.
 *
 * A pull answered just before a push of ours was accepted carries the record as it was before that
 * push (a page computed later would show the latest version). Applied, it would take the device
 * back to a state it already left — a deal just marked won showing open again until the next
 * pull — and the device would no longer hold its own edit when a later version names that edit as
 * lost, so its user would never be told (domain/lost-edits.ts). The accepted version was written
 * after the page's checkpoint, so the next pull brings the record on; meanwhile the page shows the
 * accepted version in the stale one's place: what the server holds and RxDB already assumes, so
 * nothing changes on the device, and the page keeps its length (RxDB reads a short page as the end
 * of the stream). Only versions known to be replaced are swapped: a version the server wrote later
 * with a clock behind ours (a device whose clock runs ahead) still comes through.
 */
export class AcceptedVersions {
  private readonly byKey = new Map<string, Accepted>();

  /** The server accepted `doc`, which replaced its version `replacedHlc` (null: a new record). */
  note(collection: CollectionName, doc: SyncDocument, replacedHlc: string | null): void {
    const key = `${collection}/${doc.id}`;
    const before = this.byKey.get(key);
    const superseded = new Set(before?.superseded);
    if (before && before.doc.hlc !== doc.hlc) superseded.add(before.doc.hlc);
    if (replacedHlc) superseded.add(replacedHlc);
    superseded.delete(doc.hlc);
    while (superseded.size > MAX_SUPERSEDED) superseded.delete(superseded.values().next().value!);
    this.byKey.delete(key);
    this.byKey.set(key, { doc, superseded });
    if (this.byKey.size > MAX_ACCEPTED_VERSIONS) this.byKey.delete(this.byKey.keys().next().value!);
  }

  /** `documents` with each version a push of ours replaced swapped for the version we pushed. */
  fresh(collection: CollectionName, documents: readonly SyncDocument[]): SyncDocument[] {
    if (this.byKey.size === 0) return [...documents];
    return documents.map((doc) => {
      const accepted = this.byKey.get(`${collection}/${doc.id}`);
      return accepted?.superseded.has(doc.hlc) ? accepted.doc : doc;
    });
  }
}
