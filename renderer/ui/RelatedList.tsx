import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Items a related list shows until "Show all" is pressed. */
const FIRST_SHOWN = 5;

/**
 * Records linked to the one in the drawer, with their count in the title. The first few are shown;
 * "Show all" lists the rest of what was read (a bounded read: `capped` says there are more).
 */
export function RelatedList<T extends { id: string }>({
  title,
  empty,
  items,
  render,
  onOpen,
  capped = false,
}: {
  title: string;
  empty: string;
  items: readonly T[];
  render: (item: T) => ReactNode;
  onOpen: (item: T) => void;
  capped?: boolean;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const count = capped ? `${items.length}+` : String(items.length);
  const shown = all ? items : items.slice(0, FIRST_SHOWN);
  return (
    <section className="drawer-section" aria-label={title}>
      <h3>
        {title} <span className="muted">({count})</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="related-list">
          {shown.map((item) => (
            <li key={item.id}>
              <button type="button" onClick={() => onOpen(item)}>
                {render(item)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {items.length > FIRST_SHOWN && (
        <button type="button" className="btn btn-small btn-ghost" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('merge.related.showFewer') : t('merge.related.showAll', { total: count })}
        </button>
      )}
    </section>
  );
}
