import { useTranslation } from 'react-i18next';
import type { CollectionName } from '@domain/collections';
import { canRestoreLostValue } from '@domain/restorable-fields';
import { updateRecord } from '../../db/record-writes';
import type { ConflictEntry } from '../../db/sync/sync-journal';
import { useRecord } from '../../db/use-rx';
import { useWorkspace } from '../../db/workspace-context';
import { fieldLabel } from '../../i18n/field-label';
import { useHasDrawer } from '../../shell/drawer-kinds';
import { useUi } from '../../shell/ui-store';
import { recordName, shortValue } from '../../ui/record-display';

/**
 * The device's edits that lost to a later edit elsewhere, each naming its record (a link that
 * opens it) and its field as the form labels it, with "Use mine": the lost value written back as a
 * new edit, which syncs like any other.
 */
export function ConflictLog({ entries, when }: { entries: readonly ConflictEntry[]; when: (iso: string) => string }) {
  const { t } = useTranslation();
  return (
    <ul className="related-list" aria-label={t('settings.sync.conflicts')}>
      {entries.map((entry) => (
        <ConflictRow key={entry.key} entry={entry} when={when} />
      ))}
    </ul>
  );
}

function ConflictRow({ entry, when }: { entry: ConflictEntry; when: (iso: string) => string }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const openDrawer = useUi((s) => s.openDrawer);
  const hasDrawer = useHasDrawer();
  const showToast = useUi((s) => s.showToast);
  const collection = entry.collection as CollectionName;
  const doc = useRecord(collection, entry.recordId) as Record<string, unknown> | null;
  const name = recordName(doc) || t('settings.sync.recordGone');
  const field = fieldLabel(t, collection, entry.field);
  const openable = doc !== null && hasDrawer(collection);
  const restorable = doc !== null && canRestoreLostValue(collection, entry.field);

  const restoreMine = async () => {
    const before = doc?.[entry.field];
    await updateRecord(ws, collection, entry.recordId, { [entry.field]: entry.mine } as never);
    await ws.journal.dismissConflict(entry.key);
    showToast(t('settings.sync.usedMine', { field, name }), {
      label: t('settings.sync.undo'),
      run: () => void updateRecord(ws, collection, entry.recordId, { [entry.field]: before } as never),
    });
  };

  return (
    <li className="journal-row">
      <span>
        {openable ? (
          <button
            type="button"
            className="link-button"
            aria-label={t('settings.sync.openRecord', { name })}
            onClick={() => openDrawer({ collection, id: entry.recordId })}
          >
            <strong>{name}</strong>
          </button>
        ) : (
          <strong>{name}</strong>
        )}
        {' · '}
        {entry.removed
          ? t('settings.sync.conflictRemovedLine', {
              field,
              mine: shortValue(entry.mine),
              when: when(entry.theirsAt || entry.at),
            })
          : t('settings.sync.conflictLine', {
              field,
              mine: shortValue(entry.mine),
              theirs: shortValue(entry.theirs),
              when: when(entry.theirsAt || entry.at),
            })}
        {doc !== null && !restorable && <span className="field-hint"> {t('settings.sync.useMineHint')}</span>}
      </span>
      <span className="journal-actions">
        {restorable && (
          <button
            type="button"
            className="btn btn-small"
            aria-label={t('settings.sync.useMineLabel', { field, name })}
            onClick={() => void restoreMine()}
          >
            {t('settings.sync.useMine')}
          </button>
        )}
        <button
          type="button"
          className="btn btn-small"
          aria-label={t('settings.sync.dismissLabel', { field, name })}
          onClick={() => void ws.journal.dismissConflict(entry.key)}
        >
          {t('settings.sync.dismiss')}
        </button>
      </span>
    </li>
  );
}
