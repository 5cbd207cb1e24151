/** English strings of the leadSettings area; Spanish in lead-settings.es.ts (same keys, checked by the type of en.ts). */
export const leadSettingsEn = {
  lists: {
    'disqualify-reasons': {
      title: 'Disqualification reasons',
      hint: 'What a rep picks when a lead is disqualified.',
      newItem: 'New disqualification reason',
      add: 'Add reason',
    },
    'lead-sources': {
      title: 'Lead sources',
      hint: 'Where leads and contacts come from: their forms offer these.',
      newItem: 'New lead source',
      add: 'Add source',
    },
  },
  itemName: 'Name of {{label}}',
  rename: 'Rename {{label}}',
  moveUp: 'Move {{label}} up',
  moveDown: 'Move {{label}} down',
  remove: 'Remove {{label}}',
  removed: 'Removed {{label}}',
  restored: 'Restored {{label}}',
  saved: 'Saved',
  problems: {
    blank: 'Type a name.',
    tooLong: 'Use at most 100 characters.',
    duplicate: 'The list already has an item of that name.',
    full: 'The list is full (500 items).',
  },
} as const;
