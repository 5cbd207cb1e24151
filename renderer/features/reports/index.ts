/** The reports feature as other parts of the app see it. */
export { reportsManifest } from './manifest';
