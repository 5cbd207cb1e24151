import { useEffect, useState } from 'react';
import { localDocument$ } from './local-document';
import { useWorkspace } from './workspace-context';

/** The `items` list of one of the database's local documents (the sync journal's lists), live. */
export function useLocalItems<T>(docId: string): T[] {
  const { db } = useWorkspace();
  const [items, setItems] = useState<T[]>([]);
  useEffect(() => {
    const sub = localDocument$<{ items: T[] }>(db, docId).subscribe((doc) =>
      setItems([...((doc?.toJSON().data.items ?? []) as T[])]),
    );
    return () => sub.unsubscribe();
  }, [db, docId]);
  return items;
}
