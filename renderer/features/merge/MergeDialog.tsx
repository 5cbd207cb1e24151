import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionDocs } from '@domain/collections';
import { personName } from '@domain/derived-fields';
import {
  canMergeWithRelated,
  defaultMergeChoices,
  differingMergeFields,
  planMerge,
  type MergeCollection,
  type MergeRelated,
  type MergeSide,
} from '@domain/record-merge';
import type { Company } from '@domain/schemas/company';
import type { Contact } from '@domain/schemas/contact';
import { useActor } from '../../auth/use-permissions';
import { readMergeRelated, undoMerge, writeMerge } from '../../db/merge-writes';
import { useRecord } from '../../db/use-rx';
import { useWorkspace } from '../../db/workspace-context';
import { fieldLabel } from '../../i18n/field-label';
import { useUi } from '../../shell/ui-store';
import { ModalDialog } from '../../ui/ModalDialog';
import { RecordPicker } from '../../ui/RecordPicker';

type Doc = CollectionDocs[MergeCollection];

/** What a record is called in the dialog and its toasts. */
export function mergeRecordName(collection: MergeCollection, record: Doc): string {
  if (collection === 'companies') return (record as Company).name;
  const c = record as Contact;
  return personName(c) || c.email;
}

/**
 * Merge another contact or company into the one open in the drawer: pick it, choose per differing
 * field which value survives (the domain's defaults first), then one write of each record; the toast's
 * Undo takes all of it back.
 */
export function MergeDialog({
  collection,
  survivor,
  onClose,
}: {
  collection: MergeCollection;
  survivor: Doc;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const actor = useActor();
  const showToast = useUi((s) => s.showToast);
  const [otherId, setOtherId] = useState('');
  const other = useRecord(collection, otherId || null) as Doc | null | undefined;
  const [related, setRelated] = useState<{ id: string; records: MergeRelated[] } | null>(null);
  const [choices, setChoices] = useState<Record<string, MergeSide>>({});
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const name = mergeRecordName(collection, survivor);

  useEffect(() => {
    if (!otherId) return;
    let live = true;
    void readMergeRelated(ws, collection, otherId).then((records) => {
      if (live) setRelated({ id: otherId, records });
    });
    return () => {
      live = false;
    };
  }, [ws, collection, otherId]);

  const pick = (id: string) => {
    setOtherId(id);
    setProblem('');
    setRelated(null);
    setChoices({});
  };

  const ready = other && other.id !== survivor.id && related?.id === other.id ? other : null;
  const fields = ready ? differingMergeFields(collection, survivor, ready) : [];
  const defaults = ready ? (defaultMergeChoices(collection, survivor, ready) as Record<string, MergeSide>) : {};
  const sideOf = (field: string): MergeSide => choices[field] ?? defaults[field] ?? 'survivor';
  const allowed = ready && related ? canMergeWithRelated(actor, collection, survivor, ready, related.records) : false;
  const otherName = ready ? mergeRecordName(collection, ready) : '';

  const confirm = async () => {
    if (!otherId) return setProblem(t('merge.nothingPicked'));
    if (otherId === survivor.id) return setProblem(t('merge.sameRecord'));
    if (!ready || !related) return;
    if (!allowed) return setProblem(t('merge.notAllowed'));
    const chosen = Object.fromEntries(fields.map((f) => [f, sideOf(f)]));
    const plan = planMerge(collection, survivor, ready, chosen, related.records);
    setSaving(true);
    try {
      await writeMerge(ws, plan);
      onClose();
      showToast(t('merge.merged', { name: otherName, survivor: name }), {
        label: t('common.undo'),
        run: () => void undoMerge(ws, plan).then(() => showToast(t('merge.undone'))),
      });
    } catch (error) {
      setProblem(t('merge.failed', { message: error instanceof Error ? error.message : String(error) }));
      setSaving(false);
    }
  };

  return (
    <ModalDialog
      title={t('merge.title', { name })}
      onCancel={onClose}
      onSubmit={() => void confirm()}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={saving || !ready}>
            {saving ? t('merge.merging') : t('merge.confirm')}
          </button>
        </>
      }
    >
      <p className="muted">{t('merge.pickHint')}</p>
      {collection === 'contacts' ? (
        <RecordPicker<Contact>
          collection="contacts"
          label={t('merge.pickContact')}
          value={otherId}
          onChange={pick}
          describe={(c) => [personName(c), c.email].filter(Boolean).join(' · ')}
          emptyLabel={t('common.none')}
        />
      ) : (
        <RecordPicker<Company>
          collection="companies"
          label={t('merge.pickCompany')}
          value={otherId}
          onChange={pick}
          describe={(c) => [c.name, c.domain].filter(Boolean).join(' · ')}
          emptyLabel={t('common.none')}
        />
      )}
      {problem && (
        <div className="form-banner" role="alert">
          {problem}
        </div>
      )}
      {other && other.id === survivor.id && !problem && (
        <div className="form-banner" role="alert">
          {t('merge.sameRecord')}
        </div>
      )}
      {ready && related && (
        <>
          {fields.length === 0 ? (
            <p>{t('merge.noDifferences')}</p>
          ) : (
            <fieldset className="merge-fields">
              <legend>{t('merge.fieldsLegend')}</legend>
              <table className="merge-table">
                <thead>
                  <tr>
                    <th scope="col">{t('merge.field')}</th>
                    <th scope="col">{t('merge.keepThis')}</th>
                    <th scope="col">{t('merge.takeOther', { name: otherName })}</th>
                  </tr>
                </thead>
                <tbody>
                  {fields.map((field) => (
                    <FieldChoice
                      key={field}
                      collection={collection}
                      field={field}
                      survivorValue={(survivor as unknown as Record<string, unknown>)[field]}
                      mergedValue={(ready as unknown as Record<string, unknown>)[field]}
                      side={sideOf(field)}
                      onChange={(side) => setChoices((c) => ({ ...c, [field]: side }))}
                    />
                  ))}
                </tbody>
              </table>
              <p className="muted">{t('merge.alwaysKept')}</p>
            </fieldset>
          )}
          <p>{t('merge.moves', { count: related.records.length })}</p>
        </>
      )}
    </ModalDialog>
  );
}

function FieldChoice({
  collection,
  field,
  survivorValue,
  mergedValue,
  side,
  onChange,
}: {
  collection: MergeCollection;
  field: string;
  survivorValue: unknown;
  mergedValue: unknown;
  side: MergeSide;
  onChange: (side: MergeSide) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const label = field === 'companyId' ? t('contacts.fields.company') : fieldLabel(t, collection, field);
  // Each radio is named by its field and its value ("Email ana@acme.com"), as a person reads the row.
  const option = (which: MergeSide, value: unknown) => (
    <td>
      <label className="merge-option">
        <input
          type="radio"
          name={`${id}-choice`}
          checked={side === which}
          onChange={() => onChange(which)}
          aria-labelledby={`${id}-field ${id}-${which}`}
        />{' '}
        <MergeValue id={`${id}-${which}`} field={field} value={value} />
      </label>
    </td>
  );
  return (
    <tr>
      <th scope="row" id={`${id}-field`}>
        {label}
      </th>
      {option('survivor', survivorValue)}
      {option('merged', mergedValue)}
    </tr>
  );
}

/** A value as text: an address by its parts; ids (owner, company) are named by `MergeValue`. */
function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'object') {
    return Object.values(value as Record<string, unknown>)
      .filter((v) => typeof v === 'string' && v)
      .join(', ');
  }
  return String(value);
}

function MergeValue({ id, field, value }: { id: string; field: string; value: unknown }) {
  const { t } = useTranslation();
  const linked = typeof value === 'string' && value ? value : null;
  const owner = useRecord('users', field === 'ownerId' ? linked : null);
  const company = useRecord('companies', field === 'companyId' ? linked : null);
  const text = owner ? owner.name : company ? company.name : shownValue(value);
  return (
    <span id={id} className={text ? undefined : 'muted'}>
      {text || t('merge.empty')}
    </span>
  );
}
