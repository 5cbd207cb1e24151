import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { defaultPreferences } from './db/device-preferences';
import { App } from './App';
import { AuthGate } from './features/auth';
import { initI18n } from './i18n/i18n';
import { en } from './i18n/en';
import { es } from './i18n/es';
import { getBridge } from './platform/bridge';
import { adoptLaunchKeyFromAddress } from './platform/launch-key';
import { registerServiceWorker } from './platform/register-service-worker';
import { connectDesktopEvents } from './shell/desktop-events';
import { applyTheme } from './shell/theme';
import { useUi } from './shell/ui-store';
import './styles/theme.css';
import './styles/app.css';
import './styles/auth.css';

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

/**
 * Until someone is signed in there is no user database (each user has their own), so the sign-in
 * screens use the browser's language and the system theme; the user's own preferences apply once
 * their database opens.
 */
async function boot() {
  adoptLaunchKeyFromAddress();
  // The desktop's record links and commands (outpost:// links, global hotkeys, the Go menu, the
  // tray) are heard from before the first await: main sends a launch link once the page has loaded.
  let translate: ((key: 'desktop.quickLogSoon') => string) | null = null;
  connectDesktopEvents(getBridge(), () => {
    const ui = useUi.getState();
    return {
      navigate: ui.navigate,
      openDrawer: ui.openDrawer,
      toast: (key) => translate && ui.showToast(translate(key)),
      dispatch: (event) => window.dispatchEvent(event),
    };
  });
  const initial = defaultPreferences();
  applyTheme(initial.theme);
  const i18n = await initI18n(initial.locale);
  translate = (key) => i18n.t(key);
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <AuthGate app={App} />
      </I18nextProvider>
    </StrictMode>,
  );
  // In a plain browser the app shell is kept by a service worker, so the app opens offline. A new
  // build takes over in the background; the open page keeps what it loaded and offers a reload.
  void registerServiceWorker(() =>
    useUi.getState().showToast(i18n.t('app.updated'), {
      label: i18n.t('app.reloadToUpdate'),
      run: () => location.reload(),
    }),
  ).catch((error: unknown) => console.error('Outpost could not be set up to open offline:', error));
}

boot().catch(renderFailure);
