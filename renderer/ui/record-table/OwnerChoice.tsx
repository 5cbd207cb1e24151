import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { VIEW_TOKENS } from '@domain/record-views/view-state';
import { useRecord, useRxQuery } from '../../db/use-rx';
import { useWorkspace } from '../../db/workspace-context';

/**
 * An owner filter's value: Me, My team, or any one person. The people are the users on this
 * device, which are those the reader may see (the server sends no other, docs/security.md).
 * Mounted only for an owner filter, so the filter bar needs a workspace only then.
 */
export function OwnerSelect({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t, i18n } = useTranslation();
  const { user } = useWorkspace();
  const { docs } = useRxQuery('users', { selector: { deletedAt: null }, sort: [{ email: 'asc' }] });
  const people = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return docs.filter((u) => u.id !== user.id).sort((a, b) => collator.compare(a.name, b.name));
  }, [docs, user.id, i18n.language]);
  return (
    <select
      aria-label={t('recordTable.filters.value')}
      className="input input-small"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value={VIEW_TOKENS.me}>{t('recordTable.filters.me')}</option>
      <option value={VIEW_TOKENS.myTeam}>{t('recordTable.filters.myTeam')}</option>
      {people.length > 0 && (
        <optgroup label={t('recordTable.filters.people')}>
          {people.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}

/** The name of the person an owner filter names, for its chip; "Unknown" for one not on this device. */
export function OwnerName({ id, children }: { id: string; children: (name: string) => ReactNode }) {
  const { t } = useTranslation();
  const person = useRecord('users', id);
  return <>{children(person === undefined ? '' : (person?.name ?? t('common.unknown')))}</>;
}
