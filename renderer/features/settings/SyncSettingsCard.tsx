import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../db/device-preferences';
import { useSync } from '../../db/sync/sync-context';
import { useLocalItems } from '../../db/use-local-items';
import { SYNC_LOCAL_DOCS, type ConflictEntry, type RejectedChange } from '../../db/sync/sync-journal';
import { useWorkspace } from '../../db/workspace-context';
import { describeDomainError } from '../../i18n/domain-errors';
import { useSession } from '../../auth/session-context';
import { recordName } from '../../ui/record-display';
import { collectionProgressText, percentOf, timeLeftText } from '../../ui/sync-progress-text';
import type { SyncProgress } from '../../db/sync/sync-progress';
import { ConflictLog } from './ConflictLog';
import type { DomainErrorCode } from '@domain/errors';

/** Which server, the live status, and what sync could not keep as typed: nothing hidden. */
export function SyncSettingsCard() {
  const { t, i18n } = useTranslation();
  const ws = useWorkspace();
  const [prefs, save] = usePreferences();
  const { engine, status } = useSync();
  const { keeper } = useSession();
  const conflicts = useLocalItems<ConflictEntry>(SYNC_LOCAL_DOCS.conflicts);
  const rejected = useLocalItems<RejectedChange>(SYNC_LOCAL_DOCS.rejections);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  const stateLabel = status
    ? t(`header.sync.${status.state === 'online' ? 'synced' : status.state === 'stopped' ? 'localOnly' : status.state}`)
    : t('header.sync.localOnly');

  return (
    <section className="card settings-card" aria-labelledby="settings-sync">
      <h2 id="settings-sync">{t('settings.sync.title')}</h2>
      <label className="checkbox-row">
        <input
          type="checkbox"
          checked={prefs.syncEnabled}
          onChange={(e) => void save({ syncEnabled: e.target.checked })}
        />
        {t('settings.sync.enabled')}
      </label>
      <div className="settings-row" style={{ marginTop: 10 }}>
        {/* Tokens are only good at the server that issued them: another server means signing in there. */}
        <p className="muted" style={{ margin: 0 }}>
          {t('auth.signedInTo', { url: keeper.serverUrl, email: ws.user.email })}
        </p>
        <button type="button" className="btn" disabled={!engine} onClick={() => engine?.resync()}>
          {t('settings.sync.syncNow')}
        </button>
      </div>
      <p className="muted">
        {t('settings.sync.status', { status: stateLabel })}
        {status?.pending ? ` · ${t('header.sync.pending', { count: status.pending })}` : ''}
        {status?.lastSyncedAt ? ` · ${t('header.sync.lastSynced', { time: when(status.lastSyncedAt) })}` : ''}
      </p>
      {status?.progress && <SyncProgressDetails progress={status.progress} />}

      <h3 className="subheading">{t('settings.sync.rejected')}</h3>
      <p className="field-hint">{t('settings.sync.rejectedHint')}</p>
      {rejected.length === 0 ? (
        <p className="muted">{t('settings.sync.noRejected')}</p>
      ) : (
        <ul className="related-list" aria-label={t('settings.sync.rejected')}>
          {rejected.map((r) => (
            <li key={r.key} className="journal-row">
              <span>
                <strong>
                  {recordName(r.attempted) || t('settings.sync.recordLabel', { collection: r.collection })}
                </strong>
                :{' '}
                {describeDomainError(t, {
                  code: r.code as DomainErrorCode,
                  message: r.message,
                  ...(r.params ? { params: r.params } : {}),
                })}
                <span className="muted"> ({when(r.at)})</span>
              </span>
              <button type="button" className="btn btn-small" onClick={() => void ws.journal.dismissRejection(r.key)}>
                {t('settings.sync.dismiss')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3 className="subheading">{t('settings.sync.conflicts')}</h3>
      <p className="field-hint">{t('settings.sync.conflictsHint')}</p>
      {conflicts.length === 0 ? (
        <p className="muted">{t('settings.sync.noConflicts')}</p>
      ) : (
        <ConflictLog entries={conflicts} when={when} />
      )}
    </section>
  );
}

/** A long sync, collection by collection: what has arrived of what the server counted, and the time left. */
function SyncProgressDetails({ progress }: { progress: SyncProgress }) {
  const { t, i18n } = useTranslation();
  const percent = percentOf(progress);
  const preparing = progress.phase === 'preparing';
  return (
    <div className="sync-progress-details">
      <div
        className="progress"
        role="progressbar"
        aria-label={t('syncProgress.listTitle')}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(preparing ? {} : { 'aria-valuenow': percent })}
      >
        <div style={{ width: preparing ? 0 : `${percent}%` }} />
      </div>
      <p className="muted">
        {preparing
          ? t('syncProgress.preparingHint')
          : `${t('syncProgress.percent', { percent })} · ${timeLeftText(t, i18n.language, progress)}`}
      </p>
      <ul className="related-list" aria-label={t('syncProgress.listTitle')}>
        {progress.collections.map((c) => (
          <li key={c.collection}>{collectionProgressText(t, c)}</li>
        ))}
      </ul>
    </div>
  );
}
