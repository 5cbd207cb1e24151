/** The CSV import feature as other parts of the app see it. */
export { importManifest } from './manifest';
