import { useTranslation } from 'react-i18next';
import { personName } from '@domain/derived-fields';
import type { Company } from '@domain/schemas/company';
import type { Contact } from '@domain/schemas/contact';
import type { LikelyDuplicate } from '../db/use-likely-duplicates';

/** How many likely duplicates are listed; the strongest come first. */
const SHOWN = 3;

function nameOf(match: LikelyDuplicate): string {
  if (match.collection === 'companies') return (match.record as Company).name;
  const person = match.record as Contact;
  return personName(person) || person.email;
}

/**
 * Says, while a new contact, company or lead is typed, which stored records look like the same
 * one and why, each with "Open existing". Polite: it never takes focus from the field being typed.
 */
export function DuplicateWarning({
  matches,
  onOpen,
}: {
  matches: readonly LikelyDuplicate[];
  onOpen: (match: LikelyDuplicate) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field-wide" role="status" aria-live="polite">
      {matches.length > 0 && (
        <div className="form-banner info">
          <p>{t('merge.duplicates.title', { count: matches.length })}</p>
          <ul className="related-list">
            {matches.slice(0, SHOWN).map((match) => {
              const name = nameOf(match);
              return (
                <li key={`${match.collection}:${match.record.id}`}>
                  <span>
                    {t(`merge.duplicates.kind.${match.collection}`)}: {name} (
                    {match.reasons.map((r) => t(`merge.duplicates.reason.${r}`)).join(', ')})
                  </span>{' '}
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={t('merge.duplicates.openNamed', { name })}
                    onClick={() => onOpen(match)}
                  >
                    {t('merge.duplicates.open')}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
