/** Merging two contacts or two companies: the drawer action and the manifest with its command. */
export { MergeAction } from './MergeAction';
export { mergeManifest } from './manifest';
