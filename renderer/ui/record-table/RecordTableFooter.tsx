import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordSelection } from './record-selection';
import type { TableSection } from './table-field';

export interface RecordTableFooterProps {
  section: TableSection;
  /** How many rows the list holds, null while counting. */
  count: number | null;
  selection: RecordSelection;
  /** Offers its own "Clear selection" when there is no bulk action bar to hold one. */
  clearable: boolean;
  onClear: () => void;
}

/**
 * Below the grid: how many records the list holds and how many are ticked. Memoized: drawn again
 * when the count or the selection changes, not with every row the table draws.
 */
export const RecordTableFooter = memo(function RecordTableFooter({
  section,
  count,
  selection,
  clearable,
  onClear,
}: RecordTableFooterProps) {
  const { t } = useTranslation();
  return (
    <div className="list-footer">
      {/* Polite, not a status: the search box's status line already says how many match. */}
      <span aria-live="polite">
        {count === null ? t('recordTable.counting') : t(`recordTable.count.${section}`, { count })}
      </span>
      {selection.size > 0 && (
        <span>
          {t('recordTable.selectedCount', { count: selection.size })}{' '}
          {/* A bulk action bar has its own "Clear selection"; one control per action. */}
          {clearable && (
            <button type="button" className="btn btn-small btn-ghost" onClick={onClear}>
              {t('recordTable.clearSelection')}
            </button>
          )}
        </span>
      )}
    </div>
  );
});
