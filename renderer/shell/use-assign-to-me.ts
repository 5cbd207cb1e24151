import { useTranslation } from 'react-i18next';
import { authorizeWrite } from '@domain/permissions';
import { useActor } from '../auth/use-permissions';
import { readRecord } from '../db/record-reads';
import { updateRecord } from '../db/record-writes';
import { useWorkspace } from '../db/workspace-context';
import { describeDomainErrors } from '../i18n/domain-errors';
import type { AssignSurface } from './record-commands';
import { useUi } from './ui-store';

/**
 * "Assign to me": the record becomes the signed-in user's, when the same rule the server applies
 * to the write (domain/permissions.ts authorizeWrite: reassign, then create as the new owner)
 * allows it; otherwise the toast says why and nothing is written.
 */
export function useAssignToMe(): AssignSurface {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const actor = useActor();
  return (collection, id) => {
    const toast = useUi.getState().showToast;
    void (async () => {
      const before = await readRecord(ws, collection, id);
      if (!before) return;
      if (before.ownerId === actor.id) {
        toast(t('commands.alreadyYours'));
        return;
      }
      const errors = authorizeWrite(actor, collection, before, { ...before, ownerId: actor.id });
      if (errors.length > 0) {
        toast(describeDomainErrors(t, errors).join(' '));
        return;
      }
      await updateRecord(ws, collection, id, { ownerId: actor.id } as never);
      toast(t('commands.assigned'));
    })().catch((error: unknown) => toast(error instanceof Error ? error.message : String(error)));
  };
}
