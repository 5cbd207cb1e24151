/** The deals feature as other parts of the app see it. */
export { dealsManifest } from './manifest';
