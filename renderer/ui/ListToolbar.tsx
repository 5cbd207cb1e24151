import { useTranslation } from 'react-i18next';

export function ListToolbar({
  searchLabel,
  search,
  onSearch,
  newLabel,
  onNew,
  disabled,
}: {
  searchLabel: string;
  search: string;
  onSearch: (value: string) => void;
  newLabel: string;
  onNew: () => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
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
      <div className="toolbar-spacer" />
      <button type="button" className="btn btn-primary" onClick={onNew} disabled={disabled}>
        + {newLabel}
      </button>
    </div>
  );
}
