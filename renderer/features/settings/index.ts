/** The settings feature as other parts of the app see it. */
export { settingsManifest } from './manifest';
