import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SETTING_IDS } from '@domain/default-records';
import type { SettingItem } from '@domain/schemas/setting';
import {
  addSettingItem,
  moveSettingItem,
  renameSettingItem,
  setSettingItemRetired,
  type SettingItemsResult,
} from '@domain/setting-items';
import { useCan } from '../../auth/use-permissions';
import { readRecord } from '../../db/record-reads';
import { updateRecord } from '../../db/record-writes';
import { settingLabel } from '../../db/use-settings';
import { useRecord } from '../../db/use-rx';
import { useWorkspace } from '../../db/workspace-context';
import { useUi } from '../../shell/ui-store';

/** The configuration lists a Sales Manager edits here, each one record of the settings collection. */
export type EditableSettingKind = 'disqualify-reasons' | 'lead-sources';

/**
 * One configuration list (disqualification reasons, lead sources) for whoever may change settings:
 * add, rename, reorder, and remove with Undo. Others see nothing here: the lists reach them as the
 * choices of the forms that use them.
 */
export function SettingListCard({ kind }: { kind: EditableSettingKind }) {
  const allowed = useCan();
  if (!allowed('update', 'settings', { ownerId: '', teamId: '' })) return null;
  return <SettingListEditor kind={kind} />;
}

function SettingListEditor({ kind }: { kind: EditableSettingKind }) {
  const { t } = useTranslation();
  const id = useId();
  const ws = useWorkspace();
  const showToast = useUi((s) => s.showToast);
  const setting = useRecord('settings', SETTING_IDS[kind]);
  const [problem, setProblem] = useState('');
  const [newLabel, setNewLabel] = useState('');
  const items = setting?.items ?? [];
  const active = items.filter((i) => !i.retired);
  const labelOf = (item: SettingItem) => settingLabel(t, kind, item);

  /** Every edit starts from the stored list, so two quick edits never undo each other. */
  const edit = async (change: (stored: readonly SettingItem[]) => SettingItemsResult | SettingItem[]) => {
    const stored = (await readRecord(ws, 'settings', SETTING_IDS[kind]))?.items ?? [];
    const result = change(stored);
    const next = Array.isArray(result) ? result : result.ok ? result.items : null;
    if (!next) {
      if (!Array.isArray(result) && !result.ok) setProblem(t(`leadSettings.problems.${result.problem}`));
      return false;
    }
    setProblem('');
    await updateRecord(ws, 'settings', SETTING_IDS[kind], { items: next });
    return true;
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await edit((stored) => addSettingItem(stored, newLabel))) setNewLabel('');
  };

  const remove = async (item: SettingItem) => {
    const label = labelOf(item);
    await edit((stored) => setSettingItemRetired(stored, item.key, true));
    showToast(t('leadSettings.removed', { label }), {
      label: t('common.undo'),
      run: () =>
        void edit((stored) => setSettingItemRetired(stored, item.key, false)).then(() =>
          showToast(t('leadSettings.restored', { label })),
        ),
    });
  };

  if (!setting) return null;
  return (
    <section className="card settings-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(`leadSettings.lists.${kind}.title`)}</h2>
      <p className="muted">{t(`leadSettings.lists.${kind}.hint`)}</p>
      {problem && (
        <div className="form-banner" role="alert">
          {problem}
        </div>
      )}
      <ol className="stage-list">
        {active.map((item, index) => (
          <SettingItemRow
            key={`${item.key}|${item.label}`}
            label={labelOf(item)}
            isFirst={index === 0}
            isLast={index === active.length - 1}
            onRename={(label) => edit((stored) => renameSettingItem(stored, item.key, label))}
            onMove={(by) => void edit((stored) => moveSettingItem(stored, item.key, by))}
            onRemove={() => void remove(item)}
          />
        ))}
      </ol>
      <form className="settings-row" onSubmit={(e) => void add(e)}>
        <div className="field">
          <label htmlFor={`${id}-new`}>{t(`leadSettings.lists.${kind}.newItem`)}</label>
          <input
            id={`${id}-new`}
            className="input"
            value={newLabel}
            maxLength={100}
            onChange={(e) => setNewLabel(e.target.value)}
          />
        </div>
        <button type="submit" className="btn">
          {t(`leadSettings.lists.${kind}.add`)}
        </button>
      </form>
    </section>
  );
}

function SettingItemRow({
  label,
  isFirst,
  isLast,
  onRename,
  onMove,
  onRemove,
}: {
  label: string;
  isFirst: boolean;
  isLast: boolean;
  onRename: (label: string) => Promise<boolean>;
  onMove: (by: 1 | -1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(label);
  const dirty = draft.trim() !== label;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (dirty) void onRename(draft);
  };
  return (
    <li className="stage-row">
      <form className="stage-row-form" onSubmit={submit} aria-label={label}>
        <input
          className="input"
          aria-label={t('leadSettings.itemName', { label })}
          value={draft}
          maxLength={100}
          onChange={(e) => setDraft(e.target.value)}
        />
        <div className="stage-row-actions">
          <button type="submit" className="btn btn-small" disabled={!dirty}>
            {t('leadSettings.rename', { label })}
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            aria-label={t('leadSettings.moveUp', { label })}
            title={t('leadSettings.moveUp', { label })}
            disabled={isFirst}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            aria-label={t('leadSettings.moveDown', { label })}
            title={t('leadSettings.moveDown', { label })}
            disabled={isLast}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={onRemove}>
            {t('leadSettings.remove', { label })}
          </button>
        </div>
      </form>
    </li>
  );
}
