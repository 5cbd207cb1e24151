import { useEffect, useRef, useState } from 'react';
import { useWorkspace } from './workspace-context';

/**
 * Form state that survives a crash or an accidental close: every change is saved (debounced) in a
 * device-local document, restored when the same form opens again, and cleared on save or discard.
 */
export function useDraft<T extends object>(draftKey: string, initial: T) {
  const { db } = useWorkspace();
  const [values, setValues] = useState<T>(initial);
  const [restored, setRestored] = useState(false);
  const [dirty, setDirty] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const docId = `draft:${draftKey}`;

  useEffect(() => {
    let cancelled = false;
    void db.getLocal<{ values: T }>(docId).then((doc) => {
      const saved = doc?.toJSON().data.values;
      if (!cancelled && saved) {
        setValues({ ...initial, ...saved });
        setRestored(true);
        setDirty(true);
      }
    });
    return () => {
      cancelled = true;
    };
    // The draft is loaded once per form identity; `initial` is that form's starting point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, docId]);

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

  return { values, update, restored, dirty, clear, reset: (next: T) => setValues(next) };
}
