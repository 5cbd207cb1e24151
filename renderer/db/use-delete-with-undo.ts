import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { restoreRecord, softDeleteRecord } from './record-writes';
import { useWorkspace } from './workspace-context';
import { useUi } from '../shell/ui-store';
import type { DrawerCollection } from '../shell/sections';

/** Delete asks first, then offers Undo: a soft delete that a click restores. */
export function useDeleteWithUndo(collection: DrawerCollection) {
  const ws = useWorkspace();
  const { t } = useTranslation();
  const showToast = useUi((s) => s.showToast);
  const closeDrawer = useUi((s) => s.closeDrawer);
  const [pending, setPending] = useState<{ id: string; name: string } | null>(null);
  return {
    pending,
    ask: (id: string, name: string) => setPending({ id, name }),
    cancel: () => setPending(null),
    confirm: async () => {
      if (!pending) return;
      const { id, name } = pending;
      setPending(null);
      await softDeleteRecord(ws, collection, id);
      closeDrawer();
      showToast(t('common.deletedToast', { name }), {
        label: t('common.undo'),
        run: () => {
          void restoreRecord(ws, collection, id).then(() => showToast(t('common.restoredToast', { name })));
        },
      });
    },
  };
}
