import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTION_LABEL_KEYS } from './sections';
import { useUi } from './ui-store';

/** Section title and the sync status (a placeholder until the sync server lands: local only). */
export function Header() {
  const { t } = useTranslation();
  const section = useUi((s) => s.section);
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  const label = online ? t('header.sync.localOnly') : t('header.sync.offline');
  return (
    <header className="header">
      <h1 className="header-title">{t(SECTION_LABEL_KEYS[section])}</h1>
      <span className="sync-pill" role="status" title={t('header.sync.localOnlyHint')}>
        <span className={`sync-dot ${online ? '' : 'offline'}`} aria-hidden="true" />
        {label}
      </span>
    </header>
  );
}
