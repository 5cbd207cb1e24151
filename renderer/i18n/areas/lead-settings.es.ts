import type { Messages } from '../en';

export const leadSettingsEs: Messages['leadSettings'] = {};
