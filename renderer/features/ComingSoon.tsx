import { useTranslation } from 'react-i18next';
import { EmptyState } from '../ui/EmptyState';

/** Sections that arrive in later releases say so plainly, and point to what works today. */
export function ComingSoon({ icon, titleKey, hintKey }: { icon: string; titleKey: string; hintKey: string }) {
  const { t } = useTranslation();
  return <EmptyState icon={icon} title={t('common.comingSoonTitle', { section: t(titleKey) })} hint={t(hintKey)} />;
}
