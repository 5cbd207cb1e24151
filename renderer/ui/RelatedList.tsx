import type { ReactNode } from 'react';

export function RelatedList<T extends { id: string }>({
  title,
  empty,
  items,
  render,
  onOpen,
}: {
  title: string;
  empty: string;
  items: readonly T[];
  render: (item: T) => ReactNode;
  onOpen: (item: T) => void;
}) {
  return (
    <section className="drawer-section" aria-label={title}>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="related-list">
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" onClick={() => onOpen(item)}>
                {render(item)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
