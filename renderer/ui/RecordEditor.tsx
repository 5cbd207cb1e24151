import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionDocs } from '@domain/collections';
import { insertRecord, updateRecord } from '../db/record-writes';
import { useDraft } from '../db/use-draft';
import { useCan } from '../auth/use-permissions';
import { useDeleteWithUndo } from '../db/use-delete-with-undo';
import { useWorkspace } from '../db/workspace-context';
import type { DrawerCollection } from '../shell/sections';
import { useUi } from '../shell/ui-store';
import { ConfirmDialog } from './ConfirmDialog';
import { changedFields, hasErrors, type FieldErrors } from './form-helpers';
import { RightDetailDrawer } from './RightDetailDrawer';

export interface EditorSpec<C extends DrawerCollection, V extends object> {
  collection: C;
  /** What the record is called in titles and toasts. */
  describe(record: CollectionDocs[C]): string;
  newTitle: string;
  validate(values: V): FieldErrors<Extract<keyof V, string>>;
  /** The record fields the form's values stand for. */
  toRecord(values: V, record: CollectionDocs[C] | null): Partial<CollectionDocs[C]>;
  /** Fields a new record needs besides the form's (owner, team, status…). */
  newRecordDefaults(values: V): Partial<CollectionDocs[C]> | Promise<Partial<CollectionDocs[C]>>;
  /** Records that follow from a save (a deal's stage history). */
  afterSave?(before: CollectionDocs[C] | null, after: CollectionDocs[C]): Promise<void>;
  /** Checks that need the record's current state (state machines); return translated messages. */
  checkBeforeSave?(values: V, record: CollectionDocs[C] | null): string[];
}

/**
 * The drawer body for creating or editing one record: a draft that survives a crash, validation
 * shown beside each field, saving only what changed, and delete with confirmation and undo.
 */
export function RecordEditor<C extends DrawerCollection, V extends object>({
  spec,
  record,
  initial,
  draftKey,
  fields,
  headerActions,
  intro,
  children,
}: {
  spec: EditorSpec<C, V>;
  record: CollectionDocs[C] | null;
  initial: V;
  draftKey: string;
  fields: (values: V, update: (patch: Partial<V>) => void, errors: FieldErrors<Extract<keyof V, string>>) => ReactNode;
  headerActions?: ReactNode;
  /** Shown above the form: status bars and record actions. */
  intro?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const openDrawer = useUi((s) => s.openDrawer);
  const closeDrawer = useUi((s) => s.closeDrawer);
  const showToast = useUi((s) => s.showToast);
  const draft = useDraft<V>(draftKey, initial);
  const [errors, setErrors] = useState<FieldErrors<Extract<keyof V, string>>>({});
  const [banner, setBanner] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const deletion = useDeleteWithUndo(spec.collection);
  // Hidden, not just refused later: the role table (domain/permissions) says who may delete what.
  const allowed = useCan();

  const title = record ? spec.describe(record) : spec.newTitle;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = spec.validate(draft.values);
    setErrors(found);
    if (hasErrors(found)) return;
    const problems = spec.checkBeforeSave?.(draft.values, record) ?? [];
    setBanner(problems);
    if (problems.length) return;
    setSaving(true);
    try {
      if (record) {
        const patch = changedFields(spec.toRecord(draft.baseline, record), spec.toRecord(draft.values, record));
        if (Object.keys(patch).length) {
          const updated = await updateRecord(ws, spec.collection, record.id, patch as never);
          if (updated) await spec.afterSave?.(record, updated);
        }
        await draft.clear();
        showToast(t('common.saved'));
      } else {
        const created = await insertRecord(ws, spec.collection, {
          ...(await spec.newRecordDefaults(draft.values)),
          ...spec.toRecord(draft.values, null),
        } as never);
        await spec.afterSave?.(null, created);
        await draft.clear();
        showToast(t('common.saved'));
        openDrawer({ collection: spec.collection, id: created.id });
      }
    } catch (error) {
      setBanner([t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) })]);
    } finally {
      setSaving(false);
    }
  };

  // Closing never loses typing: the draft stays on the device and comes back with the form.
  const requestClose = closeDrawer;

  return (
    <RightDetailDrawer
      title={title}
      onClose={requestClose}
      actions={
        <>
          {headerActions}
          {record && allowed('delete', spec.collection, record) && (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => deletion.ask(record.id, spec.describe(record))}
            >
              {t('common.delete')}
            </button>
          )}
        </>
      }
    >
      {intro}
      <form className="form" onSubmit={save} noValidate aria-label={title}>
        {draft.restored && <div className="form-banner info">{t('common.draftRestored')}</div>}
        {banner.length > 0 && (
          <div className="form-banner" role="alert">
            {banner.map((b) => (
              <div key={b}>{b}</div>
            ))}
          </div>
        )}
        {fields(draft.values, draft.update, errors)}
        <div className="form-actions">
          {draft.dirty && (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => {
                void draft.clear();
                draft.reset();
                setErrors({});
                setBanner([]);
              }}
            >
              {t('common.discard')}
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
      {children}
      {deletion.pending && (
        <ConfirmDialog
          title={t('common.confirmDeleteTitle', { name: deletion.pending.name })}
          body={t('common.confirmDeleteBody')}
          confirmLabel={t('common.delete')}
          danger
          onCancel={deletion.cancel}
          onConfirm={() => void deletion.confirm()}
        />
      )}
    </RightDetailDrawer>
  );
}
