import type { Messages } from '../en';

export const savedViewsEs: Messages['savedViews'] = {};
