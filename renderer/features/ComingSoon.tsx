import { useTranslation } from 'react-i18next';
import { EmptyState } from '../ui/EmptyState';

/** The sections not built yet: each has a `title` and a `soon` string in en.ts. */
export type SoonSection = 'activities' | 'callCenter' | 'reports';

/** Sections that arrive in later releases say so plainly, and point to what works today. */
export function ComingSoon({ icon, section }: { icon: string; section: SoonSection }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={icon}
      title={t('common.comingSoonTitle', { section: t(`${section}.title`) })}
      hint={t(`${section}.soon`)}
    />
  );
}
