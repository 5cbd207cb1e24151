import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../db/workspace-context';
import { loadDemoData } from '../onboarding';

export function DemoDataCard() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const busy = progress !== null;
  const load = async () => {
    setMessage(null);
    setProgress({ done: 0, total: 0 });
    try {
      const count = await loadDemoData(ws, (done, total) => setProgress({ done, total }));
      setMessage({ text: t('onboarding.done', { count }), error: false });
    } catch (error) {
      setMessage({
        text: t('onboarding.failed', { message: error instanceof Error ? error.message : String(error) }),
        error: true,
      });
    } finally {
      setProgress(null);
    }
  };
  return (
    <section className="card settings-card" aria-labelledby="settings-demo">
      <h2 id="settings-demo">{t('settings.demo')}</h2>
      <p className="muted">{t('settings.demoHint')}</p>
      <button type="button" className="btn" disabled={busy} onClick={() => void load()}>
        {t('settings.loadDemo')}
      </button>
      {progress && (
        <div style={{ marginTop: 12 }}>
          <div
            className="progress"
            role="progressbar"
            aria-label={t('settings.loadDemo')}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
          >
            <div style={{ width: `${progress.total ? (100 * progress.done) / progress.total : 0}%` }} />
          </div>
          <p className="muted">{t('onboarding.loading', progress)}</p>
        </div>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'field-error' : 'muted'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
