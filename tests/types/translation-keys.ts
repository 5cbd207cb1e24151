/**
 * Proves at compile time that translation keys are checked (`npm run typecheck` includes tests/).
 * Each `@ts-expect-error` fails the type check if its line stops being an error, so a change that
 * quietly lets any string through `t()` or lets es.ts drift from en.ts cannot pass.
 */
import type { TFunction } from 'i18next';
import type { LeadStatus } from '@domain/schemas/lead';
import type { Messages } from '../../renderer/i18n/en';
import { es } from '../../renderer/i18n/es';
import { isMessageKey } from '../../renderer/i18n/message-key';

declare const t: TFunction;
declare const status: LeadStatus;
declare const runtimeText: string;

export const known: string[] = [
  t('nav.leads'),
  t('header.sync.pending', { count: 2 }),
  t('errors.record.appendOnly'),
  t(`leads.status.${status}`),
];

// @ts-expect-error a key English does not have
t('no.such.key');
// @ts-expect-error a misspelt key
t('nav.lead');
// @ts-expect-error a default value does not excuse a missing key
t('no.such.key', { defaultValue: 'Fallback' });
// @ts-expect-error an object is not a string key
t('header.sync');
// @ts-expect-error a key built from any string, not from a union of known parts
t(`leads.status.${runtimeText}`);

const runtimeKey = `options.lead-sources.${runtimeText}` as const;
if (isMessageKey(runtimeKey)) t(runtimeKey);

const { retry: _retry, ...appWithoutRetry } = es.app;
// @ts-expect-error Spanish without a key English has
export const missingKey: Messages = { ...es, app: appWithoutRetry };

// @ts-expect-error Spanish with a key English lacks
export const extraKey: Messages = { ...es, app: { ...es.app, retryLater: 'Reintentar más tarde' } };

const { pending_other: _other, ...syncWithoutOther } = es.header.sync;
// @ts-expect-error Spanish without one of English's plural forms
export const missingPlural: Messages = { ...es, header: { ...es.header, sync: syncWithoutOther } };

// @ts-expect-error a Spanish value that is not a string
export const notAString: Messages = { ...es, nav: { ...es.nav, label: 1 } };

// @ts-expect-error Spanish flattening a nested section
export const flattened: Messages = { ...es, header: { ...es.header, themes: 'Tema' } };
