import type { Messages } from '../en';

export const csvEs: Messages['csv'] = {};
