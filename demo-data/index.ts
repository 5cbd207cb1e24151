/**
 * Deterministic demo workspaces: `demoBatches` streams one for the app's "Load demo data" and the
 * seed script; `generateDemoData` returns a small one whole. Same seed and day, same bytes.
 */
export {
  DEFAULT_DEMO_SEED,
  DEMO_SIZES,
  DEMO_USER_SLOTS,
  createDemoWorld,
  type DemoCollections,
  type DemoCounts,
  type DemoDataOptions,
  type DemoSize,
  type DemoUserSlot,
} from './demo-world';
export {
  MAX_DEMO_BATCH,
  demoBatches,
  demoRecordCount,
  generateDemoData,
  type DemoBatch,
  type DemoBatchOptions,
} from './generate-demo-data';
export { DEMO_LATAM_TEAM_ID, DEMO_RENEWALS_PIPELINE_ID, DEMO_RENEWALS_STAGE_IDS, demoUuidv7 } from './demo-ids';
export { DEFAULT_PIPELINE_ID, DEFAULT_TEAM_ID, SETTING_IDS } from '@domain/default-records';
export { createRandom, permuteIndex } from './random';
