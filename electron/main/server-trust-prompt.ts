import type { MessageBoxOptions } from 'electron';

/**
 * The native dialog in which the person at the machine allows a new sync server
 * (docs/adr/0020-sync-server-origin-confirmed-by-main.md). Its words are main's own, never the
 * page's: a script in the page could otherwise word the question to get a yes. Main has no
 * access to the renderer's catalogues (renderer/i18n), so the two languages the app speaks are
 * here, picked by the system's language as every other native dialog is.
 */
const en = {
  title: 'Connect to a new server?',
  message: 'Connect Outpost to {{origin}}?',
  detail:
    'Outpost will send your sign-in and your records to this server. Connect only to your team’s own Outpost server; if you did not just type this address, choose Cancel.',
  connect: 'Connect',
  cancel: 'Cancel',
};
const es: typeof en = {
  title: '¿Conectar con un servidor nuevo?',
  message: '¿Conectar Outpost con {{origin}}?',
  detail:
    'Outpost enviará tu inicio de sesión y tus registros a este servidor. Conéctate solo al servidor de Outpost de tu equipo; si no acabas de escribir esta dirección, elige Cancelar.',
  connect: 'Conectar',
  cancel: 'Cancelar',
};
export const SERVER_TRUST_TEXTS = { en, es } as const;

/** Index of the button that allows; Cancel is the default and what Esc answers. */
export const CONNECT_BUTTON = 1;

/** The dialog for `origin` in the system's language (`locale`, e.g. app.getLocale()). */
export function serverTrustPrompt(origin: string, locale: string): MessageBoxOptions {
  const texts = locale.toLowerCase().startsWith('es') ? es : en;
  return {
    type: 'question',
    title: texts.title,
    message: texts.message.replace('{{origin}}', origin),
    detail: texts.detail,
    buttons: [texts.cancel, texts.connect],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}
