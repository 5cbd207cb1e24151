/** The call-center feature as other parts of the app see it. */
export { callCenterManifest } from './manifest';
