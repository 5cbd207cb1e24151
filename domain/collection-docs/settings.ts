import { SETTING_IDS } from '../default-records';
import type { CollectionDoc } from './collection-doc';
import { LOST_EDIT_FIELDS, RECORD_FIELDS } from './common-fields';
import { EXAMPLE_USER_ID } from './example-ids';

export const settingsDoc: CollectionDoc<'settings'> = {
  summary:
    'Small configuration lists, one record per list, keyed by `kind`. Every server starts with one record of each kind under a fixed id: ' +
    Object.entries(SETTING_IDS)
      .map(([kind, id]) => `\`${kind}\` \`${id}\``)
      .join(', ') +
    '. The example is an edit of the `tags` list.',
  fields: {
    ...RECORD_FIELDS,
    ...LOST_EDIT_FIELDS,
    kind: 'Which list the record holds.',
    items: 'The list’s items, in display order.',
    'items[].key': 'Stable key records store (a lead’s `source`, a deal’s `lostReason`, a record’s `teamId`…).',
    'items[].label': 'What people see (the UI translates the built-in keys).',
    'items[].retired': 'A retired item is kept for the records that use it but offered no more.',
  },
  example: {
    id: SETTING_IDS.tags,
    createdAt: '2025-03-04T14:00:00.000Z',
    updatedAt: '2025-03-08T10:00:00.000Z',
    createdBy: '',
    updatedBy: EXAMPLE_USER_ID,
    hlc: '001741428000000-00002-ana01',
    clocks: { items: '001741428000000-00002-ana01' },
    deletedAt: null,
    kind: 'tags',
    items: [
      { key: 'enterprise', label: 'Enterprise', retired: false },
      { key: 'cold-chain', label: 'Cold chain', retired: false },
      { key: 'q2', label: 'Q2 push', retired: false },
    ],
  },
  rules: [
    'Only a Sales Manager changes settings; everyone reads them.',
    'Edit the record of a kind under its fixed id (pull it, change `items`, push it with the pulled version as the assumed state): the app reads only that record. The server does not refuse a record of a kind under another id, but no app shows it.',
    'Retire an item (`retired: true`) rather than removing it: records keep its key. Team keys are the ids of teams (`teams`: the default team is `01900000-0000-7000-8000-000000000201`).',
  ],
};
