import { render, type RenderResult } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { initI18n, type SupportedLocale } from '../../../renderer/i18n/i18n';

/** Renders `ui` with the app's own i18next instance and messages, as main.tsx provides them. */
export async function renderWithI18n(
  ui: ReactNode,
  locale: SupportedLocale = 'en',
): Promise<RenderResult & { i18n: I18n }> {
  const i18n = await initI18n(locale);
  return { ...render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>), i18n };
}
