import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { openDatabase } from './db/database';
import { openDeviceClock } from './db/device-clock';
import { readPreferences } from './db/device-preferences';
import { openSyncJournal } from './db/sync/sync-journal';
import { initI18n } from './i18n/i18n';
import { en } from './i18n/en';
import { es } from './i18n/es';
import { applyTheme } from './shell/theme';
import './styles/theme.css';
import './styles/app.css';

const root = createRoot(document.getElementById('root')!);

function renderFailure(error: unknown) {
  const messages = navigator.language.toLowerCase().startsWith('es') ? es.app : en.app;
  console.error(error);
  root.render(
    <div className="empty-state" role="alert">
      <h2>{messages.openFailed}</h2>
      <p>{messages.openFailedHint}</p>
      <button type="button" className="btn btn-primary" onClick={() => location.reload()}>
        {messages.retry}
      </button>
    </div>,
  );
}

async function boot() {
  const db = await openDatabase({ name: 'outpost', devMode: __OUTPOST_DEV__ });
  const prefs = await readPreferences(db);
  applyTheme(prefs.theme);
  const [i18n, clock, journal] = await Promise.all([initI18n(prefs.locale), openDeviceClock(db), openSyncJournal(db)]);
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App db={db} clock={clock} journal={journal} />
      </I18nextProvider>
    </StrictMode>,
  );
}

boot().catch(renderFailure);
