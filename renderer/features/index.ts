import type { FeatureManifest } from '../shell/manifest';
import { activitiesManifest } from './activities';
import { callCenterManifest } from './call-center';
import { companiesManifest } from './companies';
import { contactsManifest } from './contacts';
import { dealsManifest } from './deals';
import { importManifest } from './import';
import { leadsManifest } from './leads';
import { mergeManifest } from './merge';
import { pipelineManifest } from './pipeline';
import { reportsManifest } from './reports';
import { settingsManifest } from './settings';
import { viewsManifest } from './views';

/**
 * Every feature the shell shows. Navigation, addresses, drawers and commands are built from this
 * list (shell/registry.ts): a new area is a folder with a manifest and one line here.
 */
export const FEATURES: readonly FeatureManifest[] = [
  pipelineManifest,
  leadsManifest,
  dealsManifest,
  contactsManifest,
  companiesManifest,
  mergeManifest,
  activitiesManifest,
  callCenterManifest,
  reportsManifest,
  settingsManifest,
  viewsManifest,
  importManifest,
];

/** The section an address that names none (or an unknown one) opens. */
export const DEFAULT_SECTION = 'leads';
