/** The leads feature as other parts of the app see it: its manifest, and the lead-source field contacts reuse. */
export { leadsManifest } from './manifest';
export { LeadSourceField } from './LeadSourceField';
