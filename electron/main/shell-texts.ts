import type { DesktopSection, DesktopSyncStatus } from '@domain/desktop-bridge';

/**
 * The words of the tray and of the "Go" menu. Main cannot import the renderer's catalogues
 * (docs/adr/0001-layers.md), so, as the server trust prompt does (ADR 0020), it carries the two
 * languages the app speaks and follows the system's language; the type checker holds the Spanish
 * to the same keys. The section names match the app's navigation in each language.
 */
const en = {
  appName: 'Outpost',
  status: {
    synced: 'Synced',
    syncing: 'Syncing…',
    offline: 'Offline',
    'sync-problem': 'Sync problem',
    'sign-in-needed': 'Sign-in needed',
    'local-only': 'Local only',
  } satisfies Record<DesktopSyncStatus, string>,
  show: 'Show Outpost',
  newLead: 'New lead',
  openPalette: 'Open command palette',
  quickLog: 'Log an activity',
  quit: 'Quit Outpost',
  goMenu: 'Go',
  /** Between the keys of a sequence shown beside a menu row (`G then P`), as the app says it. */
  then: 'then',
  sections: {
    pipeline: 'Pipeline',
    leads: 'Leads',
    deals: 'Deals',
    contacts: 'Contacts',
    companies: 'Companies',
    activities: 'Activities',
    'call-center': 'Call center',
    reports: 'Reports',
    settings: 'Settings',
  } satisfies Record<DesktopSection, string>,
};
export type ShellTexts = typeof en;

const es: ShellTexts = {
  appName: 'Outpost',
  status: {
    synced: 'Sincronizado',
    syncing: 'Sincronizando…',
    offline: 'Sin conexión',
    'sync-problem': 'Problema de sincronización',
    'sign-in-needed': 'Hay que iniciar sesión',
    'local-only': 'Solo local',
  },
  show: 'Mostrar Outpost',
  newLead: 'Nuevo prospecto',
  openPalette: 'Abrir la paleta de comandos',
  quickLog: 'Registrar una actividad',
  quit: 'Salir de Outpost',
  goMenu: 'Ir',
  then: 'y luego',
  sections: {
    pipeline: 'Embudo',
    leads: 'Prospectos',
    deals: 'Negocios',
    contacts: 'Contactos',
    companies: 'Empresas',
    activities: 'Actividades',
    'call-center': 'Centro de llamadas',
    reports: 'Informes',
    settings: 'Ajustes',
  },
};
export const SHELL_TEXTS = { en, es } as const;

/** The texts in the system's language (`locale`, e.g. app.getLocale()); English when it is neither. */
export function shellTexts(locale: string): ShellTexts {
  return locale.toLowerCase().startsWith('es') ? es : en;
}
