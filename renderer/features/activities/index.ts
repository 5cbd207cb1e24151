/** The activities feature as other parts of the app see it: its manifest, and the timeline a record's drawer shows. */
export { activitiesManifest } from './manifest';
export { ActivityTimeline } from './ActivityTimeline';
