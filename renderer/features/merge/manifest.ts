import type { FeatureManifest } from '../../shell/manifest';
import { MERGE_COMMAND } from './merge-commands';

/** Merging duplicates: no section of its own, a command on the open contact or company. */
export const mergeManifest: FeatureManifest = {
  id: 'merge',
  commands: [MERGE_COMMAND],
};
