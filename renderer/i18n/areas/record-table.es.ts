import type { Messages } from '../en';

export const recordTableEs: Messages['recordTable'] = {};
