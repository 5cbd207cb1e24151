import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionDocs } from '@domain/collections';
import type { MergeCollection } from '@domain/record-merge';
import { useCan } from '../../auth/use-permissions';
import { useCommandSurface } from '../../commands/surfaces';
import { MergeDialog } from './MergeDialog';
import type { MergeSurface } from './merge-commands';

/**
 * "Merge with…" in a contact's or company's drawer, and the surface the registry's command opens it
 * through. Shown only to who may edit and delete this record; the dialog checks the other record and
 * its links too (canMergeWithRelated) before anything is written.
 */
export function MergeAction<C extends MergeCollection>({
  collection,
  record,
}: {
  collection: C;
  record: CollectionDocs[C];
}) {
  const { t } = useTranslation();
  const allowed = useCan();
  const [open, setOpen] = useState(false);
  const mayMerge = allowed('update', collection, record) && allowed('delete', collection, record);
  useCommandSurface<MergeSurface>('merge', mayMerge ? { open: () => setOpen(true) } : null);
  if (!mayMerge) return null;
  return (
    <>
      <button type="button" className="btn btn-ghost" onClick={() => setOpen(true)}>
        {t('merge.action')}
      </button>
      {open && <MergeDialog collection={collection} survivor={record} onClose={() => setOpen(false)} />}
    </>
  );
}
