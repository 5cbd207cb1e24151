import { useTranslation } from 'react-i18next';
import { sectionOf } from './registry';
import { SyncIndicator } from './SyncIndicator';
import { useUi } from './ui-store';
import { UserMenu } from './UserMenu';

/** The section's title, the sync status and the signed-in user. */
export function Header() {
  const { t } = useTranslation();
  const section = sectionOf(useUi((s) => s.section));
  return (
    <header className="header">
      <h1 className="header-title">{section ? t(section.label) : ''}</h1>
      <SyncIndicator />
      <UserMenu />
    </header>
  );
}
