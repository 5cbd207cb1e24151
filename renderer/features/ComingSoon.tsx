import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { LucideIcon } from 'lucide-react';
import { EmptyState } from '../ui/EmptyState';

/** The sections not built yet: each has a `title` and a `soon` string in en.ts. */
export type SoonSection = 'activities' | 'callCenter' | 'reports';

/** Sections that arrive in later releases say so plainly, and point to what works today. */
export function ComingSoon({ icon, section }: { icon: LucideIcon; section: SoonSection }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={icon}
      title={t('common.comingSoonTitle', { section: t(`${section}.title`) })}
      hint={t(`${section}.soon`)}
    />
  );
}

/** A section page that says the section is coming, for a manifest's `page`. */
export function comingSoonPage(icon: LucideIcon, section: SoonSection): ComponentType {
  const Page = () => <ComingSoon icon={icon} section={section} />;
  Page.displayName = `ComingSoon(${section})`;
  return Page;
}
