import { ChevronDown, ChevronUp, ChevronsUpDown } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useEffect, useRef, type ReactNode } from 'react';
import { LIST_ROW } from './list-commands';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  primary?: boolean;
  /** The header becomes a button that sorts by this column (the list does the sorting). */
  sortable?: boolean;
}

export interface TableSort {
  key: string;
  dir: 'asc' | 'desc';
}

/**
 * A plain, accessible list of records; rows open the drawer on click or Enter, and J and K walk
 * them. Not virtualized: the list pages hand it one page of rows at a time (useRecordList, with
 * "show more").
 */
export function SimpleRecordTable<T extends { id: string }>({
  label,
  rows,
  columns,
  selectedId,
  onOpen,
  canShowMore,
  onShowMore,
  moreLabel,
  sort,
  onSort,
  takeArrivalFocus,
}: {
  label: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  selectedId: string | null;
  onOpen: (row: T) => void;
  canShowMore: boolean;
  onShowMore: () => void;
  moreLabel: string;
  sort?: TableSort;
  onSort?: (key: string) => void;
  /**
   * Asked once rows are shown: true when the section was reached from the keyboard (G then a
   * letter), so the first row takes focus and J, K and Enter work at once.
   */
  takeArrivalFocus?: () => boolean;
}) {
  const { t } = useTranslation();
  const body = useRef<HTMLTableSectionElement>(null);
  const hasRows = rows.length > 0;
  useEffect(() => {
    if (hasRows && takeArrivalFocus?.()) body.current?.querySelector<HTMLElement>('tr')?.focus();
  }, [hasRows, takeArrivalFocus]);
  return (
    <div className="card">
      <table className="record-table" aria-label={label} data-command-scope="list">
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                style={c.primary ? { width: '26%' } : undefined}
                aria-sort={
                  sort?.key === c.key
                    ? sort.dir === 'asc'
                      ? 'ascending'
                      : 'descending'
                    : c.sortable
                      ? 'none'
                      : undefined
                }
              >
                {c.sortable && onSort ? (
                  <button type="button" className="th-sort" onClick={() => onSort(c.key)}>
                    {c.header}
                    <SortMark dir={sort?.key === c.key ? sort.dir : null} />
                  </button>
                ) : (
                  c.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((row) => (
            <tr
              key={row.id}
              tabIndex={0}
              aria-selected={row.id === selectedId}
              onClick={() => onOpen(row)}
              // J, K and Enter on a row are the list's commands (ui/list-commands.ts).
              {...{ [LIST_ROW]: '' }}
            >
              {columns.map((c) => (
                <td key={c.key} className={c.primary ? 'cell-primary' : undefined}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="list-footer">
        <span>{t('common.showing', { count: rows.length })}</span>
        {canShowMore && (
          <button type="button" className="btn btn-small" aria-label={moreLabel} onClick={onShowMore}>
            {t('common.showMore')}
          </button>
        )}
      </div>
    </div>
  );
}

function SortMark({ dir }: { dir: TableSort['dir'] | null }) {
  const Icon = dir === 'asc' ? ChevronUp : dir === 'desc' ? ChevronDown : ChevronsUpDown;
  return <Icon className="th-sort-mark" size={12} aria-hidden="true" />;
}
