import type { TFunction } from 'i18next';
import type { CollectionProgress, SyncProgress } from '../db/sync/sync-progress';
import { formatDuration } from './format-duration';

/** "Contacts 42,000 of 100,000" (or "… so far" while the server's count is not known). */
export function collectionProgressText(t: TFunction, c: CollectionProgress): string {
  const name = t(`syncProgress.names.${c.collection}`);
  if (c.total === null) return t('syncProgress.collectionSoFar', { name, received: c.received });
  if (c.done) return t('syncProgress.collectionDone', { name, total: c.total });
  return t('syncProgress.collection', { name, received: c.received, total: c.total });
}

/** "about 3 minutes left", or that the estimate is still being worked out. */
export function timeLeftText(t: TFunction, locale: string, progress: SyncProgress): string {
  return progress.secondsLeft === null
    ? t('syncProgress.estimating')
    : t('syncProgress.timeLeft', { time: formatDuration(progress.secondsLeft, locale) });
}

/**
 * The collection a short status names: the unfinished one with the most still to come (what the
 * wait is mostly for), else the first unfinished one.
 */
export function leadingCollection(progress: SyncProgress): CollectionProgress | null {
  const open = progress.collections.filter((c) => !c.done);
  let leading: CollectionProgress | null = null;
  for (const c of open) {
    const left = c.total === null ? 0 : c.total - c.received;
    const best = leading && leading.total !== null ? leading.total - leading.received : -1;
    if (left > best) leading = c;
  }
  return leading ?? open[0] ?? null;
}

/** The percentage a progress bar shows. */
export const percentOf = (progress: SyncProgress) => Math.floor(progress.fraction * 100);
