import { useTranslation } from 'react-i18next';
import { SECTIONS, SECTION_ICONS, SECTION_LABEL_KEYS } from './sections';
import { useUi } from './ui-store';

export function SideNav() {
  const { t } = useTranslation();
  const section = useUi((s) => s.section);
  const navigate = useUi((s) => s.navigate);
  const main = SECTIONS.filter((s) => s !== 'settings');
  return (
    <nav className="sidenav" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          O
        </span>
        {t('app.name')}
      </div>
      {main.map((s) => (
        <a
          key={s}
          href={`#/${s}`}
          className="nav-link"
          aria-current={section === s ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            // A link activated with Enter reports no click count: the section takes focus on arrival.
            navigate(s, { focus: e.detail === 0 });
          }}
        >
          <span className="nav-icon" aria-hidden="true">
            {SECTION_ICONS[s]}
          </span>
          {t(SECTION_LABEL_KEYS[s])}
        </a>
      ))}
      <div className="nav-spacer" />
      <a
        href="#/settings"
        className="nav-link"
        aria-current={section === 'settings' ? 'page' : undefined}
        onClick={(e) => {
          e.preventDefault();
          navigate('settings');
        }}
      >
        <span className="nav-icon" aria-hidden="true">
          {SECTION_ICONS.settings}
        </span>
        {t('nav.settings')}
      </a>
    </nav>
  );
}
