import type { Messages } from '../en';

export const mergeEs: Messages['merge'] = {};
