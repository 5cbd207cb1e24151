import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthMode } from '@domain/auth-protocol';
import { authClient } from '../../auth/auth-client';
import { useSession } from '../../auth/session-context';
import { useWorkspace } from '../../db/workspace-context';
import { formatDuration } from '../../ui/format-duration';
import { DEMO_SETS, estimatedBytes, loadRate, offeredSets, type DemoSetName } from '../onboarding';
import { cancelDemoLoad, startDemoLoad, useDemoLoad, type DemoLoadState } from './demo-load-state';

/**
 * Settings → Demo data: a set to load (its size and the room it needs), a determinate progress bar
 * with the rate and the time left, and Cancel (what was written stays, docs/adr/0035). A team
 * server would sync the records to everyone: it is said, and the large set is not offered there.
 */
export function DemoDataCard() {
  const { t, i18n } = useTranslation();
  const ws = useWorkspace();
  const { keeper } = useSession();
  const load = useDemoLoad();
  const mode = useServerMode(keeper.serverUrl);
  const free = useFreeStorage(load.phase);
  const offered = offeredSets(mode === 'single-user');
  const [chosen, setChosen] = useState<DemoSetName>('small');
  const size = offered.includes(chosen) ? chosen : 'small';
  const busy = load.phase === 'loading';
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(Math.round(n));
  const bytes = (n: number) => formatBytes(n, i18n.language);

  return (
    <section className="card settings-card" aria-labelledby="settings-demo">
      <h2 id="settings-demo">{t('settings.demo')}</h2>
      <p className="muted">{t('settings.demoHint')}</p>
      <fieldset disabled={busy} style={{ border: 0, padding: 0, margin: '8px 0' }}>
        <legend className="subheading">{t('demoLoad.sizeLegend')}</legend>
        {offered.map((name) => (
          <label key={name} className="checkbox-row">
            <input
              type="radio"
              name="demo-size"
              value={name}
              checked={size === name}
              onChange={() => setChosen(name)}
            />
            <span>
              <strong>{t(`demoLoad.sets.${name}`)}</strong> —{' '}
              {t('demoLoad.setDetails', {
                contacts: number(DEMO_SETS[name].contacts),
                records: number(DEMO_SETS[name].records),
                storage: bytes(estimatedBytes(name)),
              })}
            </span>
          </label>
        ))}
      </fieldset>
      {mode === 'checking' && <p className="muted">{t('demoLoad.checkingServer')}</p>}
      {mode === 'unknown' && <p className="field-hint">{t('demoLoad.serverUnknown')}</p>}
      {mode === 'team' && (
        <>
          <p className="form-banner" role="note">
            {t('demoLoad.teamWarning', { url: keeper.serverUrl })}
          </p>
          <p className="field-hint">{t('demoLoad.largeLocalOnly')}</p>
        </>
      )}
      {free !== null &&
        (estimatedBytes(size) > free ? (
          <p className="form-banner" role="note">
            {t('demoLoad.storageShort', { needed: bytes(estimatedBytes(size)), available: bytes(free) })}
          </p>
        ) : (
          <p className="muted">{t('demoLoad.storageAvailable', { available: bytes(free) })}</p>
        ))}
      <div className="settings-row">
        <button type="button" className="btn" disabled={busy} onClick={() => void startDemoLoad(ws, size)}>
          {t('demoLoad.load')}
        </button>
        {busy && (
          <button type="button" className="btn" disabled={load.cancelling} onClick={cancelDemoLoad}>
            {t('demoLoad.cancel')}
          </button>
        )}
      </div>
      {load.phase === 'loading' && <LoadProgress load={load} number={number} />}
      <LoadOutcome load={load} number={number} />
    </section>
  );
}

function LoadProgress({
  load,
  number,
}: {
  load: Extract<DemoLoadState, { phase: 'loading' }>;
  number: (n: number) => string;
}) {
  const { t, i18n } = useTranslation();
  const { perSecond, secondsLeft } = loadRate(load.done, load.total, load.elapsedMs);
  const parts = [t('demoLoad.progress', { done: number(load.done), total: number(load.total) })];
  if (secondsLeft === null) parts.push(t('demoLoad.estimating'));
  else
    parts.push(
      t('demoLoad.rate', { rate: number(perSecond) }),
      t('demoLoad.timeLeft', { time: formatDuration(secondsLeft, i18n.language) }),
    );
  return (
    <div style={{ marginTop: 12 }}>
      <div
        className="progress"
        role="progressbar"
        aria-label={t('demoLoad.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={load.total}
        aria-valuenow={load.done}
        aria-valuetext={parts[0]}
      >
        <div style={{ width: `${load.total ? (100 * load.done) / load.total : 0}%` }} />
      </div>
      <p className="muted">{parts.join(' · ')}</p>
    </div>
  );
}

function LoadOutcome({ load, number }: { load: DemoLoadState; number: (n: number) => string }) {
  const { t } = useTranslation();
  if (load.phase === 'done')
    return (
      <p role="status" className="muted">
        {t('demoLoad.done', { records: number(load.written) })}
      </p>
    );
  if (load.phase === 'cancelled')
    return (
      <p role="status" className="muted">
        {t('demoLoad.cancelled', { written: number(load.written) })}
      </p>
    );
  if (load.phase === 'failed')
    return (
      <p role="alert" className="field-error">
        {load.quotaExceeded ? t('demoLoad.quota') : t('demoLoad.failed', { message: load.message })}
      </p>
    );
  return null;
}

type ServerMode = AuthMode | 'checking' | 'unknown';

/** Whether the server is this device's own (single-user): only then does demo data stay local. */
function useServerMode(serverUrl: string): ServerMode {
  const [mode, setMode] = useState<ServerMode>('checking');
  useEffect(() => {
    let current = true;
    authClient
      .status(serverUrl)
      .then((status) => current && setMode(status.mode))
      .catch(() => current && setMode('unknown'));
    return () => {
      current = false;
    };
  }, [serverUrl]);
  return mode;
}

/** What the browser lets this site still store (quota minus usage), asked again after each load. */
function useFreeStorage(phase: DemoLoadState['phase']): number | null {
  const [free, setFree] = useState<number | null>(null);
  useEffect(() => {
    if (phase === 'loading') return;
    let current = true;
    void navigator.storage
      ?.estimate?.()
      .then(({ quota, usage }) => current && quota !== undefined && setFree(Math.max(0, quota - (usage ?? 0))))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [phase]);
  return free;
}

function formatBytes(n: number, locale: string): string {
  const [unit, value] = n >= 1e9 ? (['gigabyte', n / 1e9] as const) : (['megabyte', Math.max(1, n / 1e6)] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0 }).format(
    value,
  );
}
