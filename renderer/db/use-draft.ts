import { useEffect, useRef, useState } from 'react';
import { canonicalJson, sameValue } from '@domain/canonical-json';
import { useWorkspace } from './workspace-context';

/**
 * Form state that survives a crash or an accidental close, and stays true to a record that changes
 * underneath it (a sync, another window):
 * - every change is saved (debounced) in a device-local document, restored when the same form
 *   opens again, and cleared on save or discard;
 * - when the record changes, fields the user has not touched take the new values, fields the
 *   user edited keep what they typed; `baseline` is what the form's values are edits *of*, so a
 *   save writes only the user's changes, never stale copies of someone else's.
 */
export function useDraft<T extends object>(draftKey: string, initial: T) {
  const { db } = useWorkspace();
  const [values, setValues] = useState<T>(initial);
  const [baseline, setBaseline] = useState<T>(initial);
  const [restored, setRestored] = useState(false);
  const [dirty, setDirty] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const docId = `draft:${draftKey}`;
  const initialKey = canonicalJson(initial);

  useEffect(() => {
    let cancelled = false;
    void db.getLocal<{ values: T }>(docId).then(
      (doc) => {
        const saved = doc?.toJSON().data.values;
        if (!cancelled && saved) {
          setValues((current) => ({ ...current, ...saved }));
          setRestored(true);
          setDirty(true);
        }
      },
      (error: unknown) => {
        // A form mounted as its database closes (a sign-out) has no draft to restore.
        if (!cancelled && !db.closed) console.error('The saved draft could not be read', error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [db, docId]);

  // Rebase on the record's new state. `initial` is recomputed every render; its content key is stable.
  const [seenKey, setSeenKey] = useState(initialKey);
  if (seenKey !== initialKey) {
    setSeenKey(initialKey);
    setValues((current) => rebase(current, baseline, initial));
    setBaseline(initial);
  }

  const update = (patch: Partial<T>) => {
    setValues((current) => {
      const next = { ...current, ...patch };
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void db.upsertLocal(docId, { values: next }), 300);
      return next;
    });
    setDirty(true);
  };

  const clear = async () => {
    clearTimeout(timer.current);
    setDirty(false);
    setRestored(false);
    const doc = await db.getLocal(docId);
    await doc?.remove();
  };

  return {
    values,
    baseline,
    update,
    restored,
    dirty,
    clear,
    reset: () => {
      setValues(initial);
      setBaseline(initial);
    },
  };
}

/** Fields still equal to the old baseline were not edited: they follow the record. */
function rebase<T extends object>(current: T, oldBase: T, newBase: T): T {
  const next = { ...current };
  for (const key of Object.keys(newBase) as (keyof T)[]) {
    if (sameValue(current[key], oldBase[key])) next[key] = newBase[key];
  }
  return next;
}
