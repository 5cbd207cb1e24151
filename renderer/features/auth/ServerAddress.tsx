import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkSyncServerAddress } from '@domain/sync-server-address';

/** Which server this device signs in to, and a way to choose another (a team's own server). */
export function ServerAddress({ serverUrl, onChange }: { serverUrl: string; onChange: (url: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(!serverUrl);
  const [value, setValue] = useState(serverUrl);
  const [error, setError] = useState<string | null>(null);

  if (!editing) {
    return (
      <p className="muted auth-server">
        {t('auth.server.current', { url: serverUrl })}{' '}
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setEditing(true)}>
          {t('auth.server.change')}
        </button>
      </p>
    );
  }
  const apply = () => {
    const address = checkSyncServerAddress(value);
    if (!address.ok) {
      setError(t(address.problem === 'insecure' ? 'auth.server.insecure' : 'settings.sync.invalidUrl'));
      return;
    }
    setError(null);
    setEditing(false);
    onChange(address.url);
  };
  return (
    <div className="auth-server">
      <div className="field">
        <label htmlFor="auth-server-url">{t('auth.server.label')}</label>
        <input
          id="auth-server-url"
          className="input"
          type="url"
          value={value}
          placeholder="https://crm.example.com"
          aria-invalid={error ? true : undefined}
          aria-describedby="auth-server-url-hint"
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
          }}
        />
        <span
          className={error ? 'field-error' : 'field-hint'}
          id="auth-server-url-hint"
          role={error ? 'alert' : undefined}
        >
          {error ?? t('auth.server.hint')}
        </span>
      </div>
      <button type="button" className="btn" onClick={apply}>
        {t('auth.server.connect')}
      </button>
    </div>
  );
}
