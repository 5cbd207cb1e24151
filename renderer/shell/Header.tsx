import { useTranslation } from 'react-i18next';
import { SECTION_LABEL_KEYS } from './sections';
import { SyncIndicator } from './SyncIndicator';
import { useUi } from './ui-store';
import { UserMenu } from './UserMenu';

/** The section's title, the sync status and the signed-in user. */
export function Header() {
  const { t } = useTranslation();
  const section = useUi((s) => s.section);
  return (
    <header className="header">
      <h1 className="header-title">{t(SECTION_LABEL_KEYS[section])}</h1>
      <SyncIndicator />
      <UserMenu />
    </header>
  );
}
