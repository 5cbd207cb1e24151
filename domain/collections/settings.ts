import { manage, READ_EVERYTHING, sameRecord, type CollectionDefinition } from '../collection-definition';
import { settingSchema, type Setting } from '../schemas/setting';

export const settings: CollectionDefinition<'settings', Setting> = {
  name: 'settings',
  schema: settingSchema,
  migrations: { 1: sameRecord },
  appendOnly: false,
  hardDeletable: false,
  accessKeys: { owner: null, team: null },
  permissions: {
    SDR: READ_EVERYTHING,
    ACCOUNT_EXECUTIVE: READ_EVERYTHING,
    SUPERVISOR: READ_EVERYTHING,
    SALES_MANAGER: manage('all'),
  },
  governedFields: ['items'],
};
