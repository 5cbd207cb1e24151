import type { Messages } from '../en';

export const demoLoadEs: Messages['demoLoad'] = {};
