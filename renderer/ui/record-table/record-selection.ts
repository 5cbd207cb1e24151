/** The rows ticked in a record table, by id: what a bulk action bar acts on. */
export type RecordSelection = ReadonlySet<string>;

export const NO_SELECTION: RecordSelection = new Set();

/** The selection with `ids` ticked (or unticked, `on` false). */
export function withIds(selection: RecordSelection, ids: readonly string[], on: boolean): RecordSelection {
  const next = new Set(selection);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}
