import { useTranslation } from 'react-i18next';
import { Kanban, SearchX } from 'lucide-react';
import { EmptyState } from '../../ui/EmptyState';

/** What an empty board says: that the filters hide every card (and a way out), or that there are none. */
export function BoardEmpty({
  pipelineName,
  filtered,
  onClearFilters,
}: {
  pipelineName: string;
  filtered: boolean;
  onClearFilters: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="board-empty">
      {filtered ? (
        <EmptyState
          icon={SearchX}
          title={t('pipeline.noMatches')}
          hint={t('pipeline.noMatchesHint')}
          action={
            <button type="button" className="btn" onClick={onClearFilters}>
              {t('pipeline.filters.clear')}
            </button>
          }
        />
      ) : (
        <EmptyState
          icon={Kanban}
          title={t('pipeline.emptyBoard', { pipeline: pipelineName })}
          hint={t('pipeline.emptyBoardHint')}
        />
      )}
    </div>
  );
}
