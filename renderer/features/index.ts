import type { FeatureManifest } from '../shell/manifest';
import { activitiesManifest } from './activities/manifest';
import { callCenterManifest } from './call-center/manifest';
import { companiesManifest } from './companies/manifest';
import { contactsManifest } from './contacts/manifest';
import { dealsManifest } from './deals/manifest';
import { leadsManifest } from './leads/manifest';
import { pipelineManifest } from './pipeline/manifest';
import { reportsManifest } from './reports/manifest';
import { settingsManifest } from './settings/manifest';

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
  activitiesManifest,
  callCenterManifest,
  reportsManifest,
  settingsManifest,
];

/** The section an address that names none (or an unknown one) opens. */
export const DEFAULT_SECTION = 'leads';
