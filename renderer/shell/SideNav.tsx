import { useTranslation } from 'react-i18next';
import type { SectionManifest } from './manifest';
import { allSections } from './registry';
import { useUi } from './ui-store';

export function SideNav() {
  const { t } = useTranslation();
  const main = allSections().filter((s) => s.placement !== 'end');
  const end = allSections().filter((s) => s.placement === 'end');
  return (
    <nav className="sidenav" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          O
        </span>
        {t('app.name')}
      </div>
      {main.map((s) => (
        <NavLink key={s.route} section={s} />
      ))}
      <div className="nav-spacer" />
      {end.map((s) => (
        <NavLink key={s.route} section={s} />
      ))}
    </nav>
  );
}

function NavLink({ section }: { section: SectionManifest }) {
  const { t } = useTranslation();
  const current = useUi((s) => s.section);
  const navigate = useUi((s) => s.navigate);
  const Icon = section.icon;
  return (
    <a
      href={`#/${section.route}`}
      className="nav-link"
      aria-current={current === section.route ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        // A link activated with Enter reports no click count: the section takes focus on arrival.
        navigate(section.route, { focus: e.detail === 0 });
      }}
    >
      <Icon className="nav-icon" size={18} aria-hidden="true" />
      {t(section.label)}
    </a>
  );
}
