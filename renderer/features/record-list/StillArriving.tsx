import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RefreshCw, SearchX } from 'lucide-react';
import { useCollectionArrival } from '../../db/sync/use-collection-arrival';
import type { CollectionProgress } from '../../db/sync/sync-progress';
import { EmptyState } from '../../ui/EmptyState';
import type { TableSection } from '../../ui/record-table/table-field';

/** "Still syncing — 42,000 of 100,000 contacts so far" (without the total until the server counted). */
function stillArrivingText(t: TFunction, section: TableSection, arriving: CollectionProgress): string {
  return arriving.total === null
    ? t(`syncProgress.stillArrivingUncounted.${section}`, { received: arriving.received })
    : t(`syncProgress.stillArriving.${section}`, { received: arriving.received, total: arriving.total });
}

/**
 * Above a list whose records are still arriving: how many are here of how many. Its own component,
 * so that the counts moving draw this line again, not the list.
 */
export function StillArrivingNotice({ section }: { section: TableSection }) {
  const { t } = useTranslation();
  const arriving = useCollectionArrival(section);
  return arriving && <p className="sync-arriving">{stillArrivingText(t, section, arriving)}</p>;
}

/** What an empty list says while its records are still arriving: not everything is here yet. */
export function StillArrivingEmpty({ section, query }: { section: TableSection; query: string }) {
  const { t } = useTranslation();
  const arriving = useCollectionArrival(section);
  return (
    <EmptyState
      icon={query ? SearchX : RefreshCw}
      title={t('syncProgress.notAllHere')}
      hint={
        query ? t('syncProgress.notAllHereHint', { query }) : arriving ? stillArrivingText(t, section, arriving) : ''
      }
    />
  );
}
