import { DEFAULT_PIPELINE_ID, DEFAULT_TEAM_ID } from '../default-records';

/**
 * Ids the example documents share, so that they link to each other as real records do. The team
 * and the pipeline are the fixed default records every server creates at setup; the rest are
 * UUIDv7 values of the examples' dates.
 */
export const EXAMPLE_USER_ID = '01956146-ad40-7a3e-9c1b-5d2f8e0a4b11';
export const EXAMPLE_TEAM_ID = DEFAULT_TEAM_ID;
export const EXAMPLE_PIPELINE_ID = DEFAULT_PIPELINE_ID;
/** "Qualified", the second stage of the default pipeline. */
export const EXAMPLE_STAGE_ID = '01900000-0000-7000-8000-000000001002';
/** "Lead in", the first stage of the default pipeline. */
export const EXAMPLE_FIRST_STAGE_ID = '01900000-0000-7000-8000-000000001001';

export const EXAMPLE_COMPANY_ID = '01956146-b1e0-7c42-8a17-3e9d0c5f7a21';
export const EXAMPLE_CONTACT_ID = '01956146-b5c8-7d10-9b3a-6c1e2f4d8a32';
export const EXAMPLE_LEAD_ID = '01956146-ba00-7e55-a2c4-7f3b1d9e0c43';
export const EXAMPLE_DEAL_ID = '01956c13-a0c0-7f21-8d6e-1a4c7b2e9f54';
export const EXAMPLE_ACTIVITY_ID = '01956c13-a4a8-7a09-b3f1-2c8e5d7a0b65';
export const EXAMPLE_STAGE_CHANGE_ID = '01956c13-a890-7b6d-9e2a-4f1c8d3b7a76';
export const EXAMPLE_SAVED_VIEW_ID = '01957c4f-6d10-7c88-8f4b-9a2e1c5d3b87';
export const EXAMPLE_PIPELINE_RECORD_ID = '01957c4f-70f8-7d33-a1e6-3b9c7f2d4e98';
export const EXAMPLE_SETTING_ID = '01957c4f-74e0-7e1a-b8d2-5c3a9e1f6d09';
export const EXAMPLE_LINE_ID = '01956c13-a0c1-7f22-8d6e-1a4c7b2e9f5a';
