/** The companies feature as other parts of the app see it. */
export { companiesManifest } from './manifest';
