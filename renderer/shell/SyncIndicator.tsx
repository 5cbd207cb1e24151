import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import type { SessionState } from '../auth/session-keeper';
import type { SyncProgress } from '../db/sync/sync-progress';
import { useSync } from '../db/sync/sync-context';
import { collectionProgressText, leadingCollection, percentOf, timeLeftText } from '../ui/sync-progress-text';
import { useUi } from './ui-store';

/**
 * The header's sync status: online or offline, how many local changes are waiting, when the last
 * sync succeeded, and while a long sync runs its progress: "Preparing…" until the server has
 * counted what it will send, then a bar, the collection most of the wait is for ("Contacts 42,000
 * of 100,000") and the time left. Opens the sync settings. The session
 * comes first: "Synced" is never shown while the server cannot renew the session or has ended it.
 */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const { status } = useSync();
  const session = useSessionState();
  const navigate = useUi((s) => s.navigate);
  const time = (iso: string) => new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(new Date(iso));

  let label: string;
  let dot = '';
  let hint: string;
  if (!status) {
    label = t('header.sync.localOnly');
    hint = t('header.sync.localOnlyHint');
  } else if (session === 'ended') {
    label = t('header.sync.sessionEnded');
    hint = t('header.sync.sessionEndedHint');
    dot = 'error';
  } else if (session === 'retrying' && status.state !== 'offline') {
    label = t('header.sync.sessionRetrying');
    hint = t('header.sync.sessionRetryingHint');
    dot = 'offline';
  } else {
    hint = status.lastSyncedAt
      ? t('header.sync.lastSynced', { time: time(status.lastSyncedAt) })
      : t('header.sync.never');
    if (status.state === 'offline') {
      label = t('header.sync.offline');
      dot = 'offline';
    } else if (status.state === 'error') {
      label = t('header.sync.error');
      dot = 'error';
      if (status.lastError) hint = `${hint} — ${status.lastError}`;
    } else if (status.state === 'connecting') {
      label = t('header.sync.connecting');
    } else {
      label = status.pending > 0 || status.progress !== null ? t('header.sync.syncing') : t('header.sync.synced');
      dot = 'online';
    }
  }
  const pending = status && status.pending > 0 ? t('header.sync.pending', { count: status.pending }) : null;
  return (
    <div className="sync-indicator">
      <button
        type="button"
        className="sync-pill"
        title={hint}
        // The name holds the pill's text exactly as shown ("Offline · 2 changes waiting"), so speech
        // control finds the button by what is on screen.
        aria-label={`${t('header.sync.open')}: ${label}${pending ? ` · ${pending}` : ''}. ${hint}`}
        onClick={() => navigate('settings')}
      >
        <span className={`sync-dot ${dot}`} aria-hidden="true" />
        <span role="status">
          {label}
          {pending && (
            <>
              {' · '}
              <span className="sync-pending">{pending}</span>
            </>
          )}
        </span>
      </button>
      {status?.progress && <SyncProgressLine progress={status.progress} />}
    </div>
  );
}

function SyncProgressLine({ progress }: { progress: SyncProgress }) {
  const { t, i18n } = useTranslation();
  if (progress.phase === 'preparing') {
    return (
      <>
        {/* No value: how much there is to sync is not known yet. */}
        <div
          className="progress sync-progress indeterminate"
          role="progressbar"
          aria-label={t('syncProgress.preparing')}
        >
          <div />
        </div>
        <span className="sync-progress-text" title={t('syncProgress.preparingHint')}>
          {t('syncProgress.preparing')}
        </span>
      </>
    );
  }
  const percent = percentOf(progress);
  const leading = leadingCollection(progress);
  const detail = [leading ? collectionProgressText(t, leading) : null, timeLeftText(t, i18n.language, progress)]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <div
        className="progress sync-progress"
        role="progressbar"
        aria-label={t('syncProgress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${t('syncProgress.percent', { percent })} ${detail}`}
      >
        <div style={{ width: `${percent}%` }} />
      </div>
      <span className="sync-progress-text">{detail}</span>
    </>
  );
}

/** The session's state as it changes: active, retrying a renewal, or ended by the server. */
export function useSessionState(): SessionState {
  const { keeper } = useSession();
  const [state, setState] = useState<SessionState>('active');
  useEffect(() => {
    const subscription = keeper.state$.subscribe(setState);
    return () => subscription.unsubscribe();
  }, [keeper]);
  return state;
}
