/** The contacts feature as other parts of the app see it. */
export { contactsManifest } from './manifest';
