export { SavedViewsMenu, type SavedViewsMenuProps } from './SavedViewsMenu';
export { viewsManifest } from './manifest';
