import { useTranslation } from 'react-i18next';
import type { SearchStatus } from '../db/use-record-search';

export function ListToolbar({
  searchLabel,
  search,
  onSearch,
  status,
  newLabel,
  onNew,
  disabled,
  incomplete,
}: {
  searchLabel: string;
  search: string;
  onSearch: (value: string) => void;
  /** The search's progress or match count; null while not searching. */
  status: SearchStatus | null;
  newLabel: string;
  onNew: () => void;
  disabled?: boolean;
  /** The list's records are still arriving (a long sync): a count is of what is here so far. */
  incomplete?: boolean;
}) {
  const { t } = useTranslation();
  const matchesText = (count: number) =>
    !incomplete
      ? t('common.matches', { count })
      : count === 0
        ? t('syncProgress.noMatchesYet')
        : t('syncProgress.matchesSoFar', { count });
  return (
    <div className="page-toolbar">
      <input
        type="search"
        className="input search"
        aria-label={searchLabel}
        placeholder={t('common.search')}
        value={search}
        onChange={(e) => onSearch(e.target.value)}
      />
      {/* Always present, so screen readers announce each new count as the person types. */}
      <span className="muted" role="status">
        {status?.state === 'preparing'
          ? t('common.searchPreparing')
          : status?.state === 'failed'
            ? t('common.searchFailed')
            : status?.state === 'ready'
              ? matchesText(status.matches)
              : ''}
      </span>
      <div className="toolbar-spacer" />
      <button type="button" className="btn btn-primary" onClick={onNew} disabled={disabled}>
        + {newLabel}
      </button>
    </div>
  );
}
