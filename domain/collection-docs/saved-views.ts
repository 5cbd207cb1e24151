import type { CollectionDoc } from './collection-doc';
import { LOST_EDIT_FIELDS, RECORD_FIELDS } from './common-fields';
import { EXAMPLE_SAVED_VIEW_ID, EXAMPLE_USER_ID } from './example-ids';

export const savedViewsDoc: CollectionDoc<'saved_views'> = {
  summary: 'A named list view — filters, sort, columns — a user saved for a section, for themselves or their team.',
  fields: {
    ...RECORD_FIELDS,
    ...LOST_EDIT_FIELDS,
    userId: 'Whose view it is; access treats it as the owner.',
    sharedWithTeamId: 'The team it is shared with, or `""` for a private view; access treats it as the team.',
    section: 'The list the view is for.',
    name: 'The view’s name.',
    filters: 'Conditions a record must meet, all of them.',
    'filters[].field': 'The field of the section’s records the condition tests.',
    'filters[].op': 'How it tests it.',
    'filters[].value':
      'The operand, JSON-encoded (`"\\"OPEN\\""`, `"[1,2]"`), so one shape holds text, numbers, dates and lists.',
    sort: 'Sort keys, first one first.',
    'sort[].field': 'The field to sort by.',
    'sort[].direction': 'Ascending or descending.',
    columns: 'The columns shown, in order.',
    'columns[].field': 'The field the column shows.',
    'columns[].width': 'Its width in CSS pixels.',
    density: 'Row height of the list.',
    position: 'Order of the user’s views in the section, 0 first.',
  },
  example: {
    id: EXAMPLE_SAVED_VIEW_ID,
    createdAt: '2025-03-08T10:00:00.000Z',
    updatedAt: '2025-03-08T10:00:00.000Z',
    createdBy: EXAMPLE_USER_ID,
    updatedBy: EXAMPLE_USER_ID,
    hlc: '001741428000000-00001-ana01',
    clocks: {},
    deletedAt: null,
    userId: EXAMPLE_USER_ID,
    sharedWithTeamId: '',
    section: 'deals',
    name: 'Open deals over $10k',
    filters: [
      { field: 'status', op: 'eq', value: '"OPEN"' },
      { field: 'value.amount', op: 'gte', value: '1000000' },
    ],
    sort: [{ field: 'expectedCloseDate', direction: 'asc' }],
    columns: [
      { field: 'title', width: 320 },
      { field: 'value', width: 140 },
      { field: 'expectedCloseDate', width: 140 },
    ],
    density: 'comfortable',
    position: 0,
  },
  rules: [
    'The one collection whose records may be removed outright: push the view with `_deleted: true`. The server then sends everyone a removal of it.',
    'Who may read and change a view follows `userId` (as the owner) and `sharedWithTeamId` (as the team).',
  ],
};
