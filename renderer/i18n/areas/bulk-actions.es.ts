import type { Messages } from '../en';

export const bulkEs: Messages['bulk'] = {};
