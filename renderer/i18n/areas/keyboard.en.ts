/** English strings of these areas; Spanish in the .es.ts file of the same name (same keys, checked by the type of en.ts). */
export const commandsEn = {
  keyHint: 'Shortcut: {{keys}}',
  paletteOpen: 'Open the command palette',
  showShortcuts: 'Show keyboard shortcuts',
  createRecord: 'New record in this section',
  undo: 'Undo the last change',
  closeDrawer: 'Close the record',
  closePopup: 'Close the menu',
  goTo: 'Go to {{section}}',
  listNext: 'Next row',
  listPrevious: 'Previous row',
  listOpen: 'Open the row’s record',
  listToggleSelection: 'Tick or untick the row (Shift: through from the last one ticked)',
  listEditCell: 'Edit the row in place (Tab: next cell, Enter: save, Esc: cancel)',
  boardDown: 'Next card in the column',
  boardUp: 'Previous card in the column',
  boardLeft: 'Column to the left',
  boardRight: 'Column to the right',
  nextStage: 'Move the deal to the next stage',
  previousStage: 'Move the deal to the previous stage',
  markWon: 'Mark the deal as won',
  markLost: 'Mark the deal as lost',
  boardGrab: 'Pick the card up to move it with the arrow keys',
  boardOpen: 'Open the deal',
  assignToMe: 'Assign to me',
  assigned: 'Assigned to you.',
  alreadyYours: 'It is already yours.',
  nextPipeline: 'Switch to the next pipeline',
  useTheme: 'Theme: {{theme}}',
  useLanguage: 'Language: {{language}}',
  scopes: {
    global: 'Everywhere',
    list: 'Lists',
    board: 'Board',
    drawer: 'Open record',
    dialog: 'Dialogs and menus',
  },
};

export const keyboardEn = {
  title: 'Keyboard shortcuts',
  intro:
    'Choose Change, then press the new key, or two keys one after the other. Esc cancels. Your keys are kept on this device.',
  command: 'Command',
  keys: 'Keys',
  actions: 'Actions',
  pressKeys: 'Press the new keys…',
  changeShort: 'Change',
  change: 'Change keys for {{command}}',
  recordingShort: 'Recording…',
  recording: 'Recording keys for {{command}}',
  resetShort: 'Reset',
  reset: 'Reset {{command}} to its default keys',
  conflict: '{{keys}} is already used by “{{command}}” ({{scope}}). Choose other keys.',
};

export const cheatSheetEn = {
  title: 'Keyboard shortcuts',
  noKey: 'No key',
};

export const keysEn = {
  space: 'Space',
  enter: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Delete',
  then: 'then',
  or: 'or',
};

export const paletteEn = {
  title: 'Command palette',
  inputLabel: 'Search records and commands',
  placeholder: 'Find a contact, company, lead or deal, or type a command…',
  results: 'Results',
  recent: 'Recently opened',
  commands: 'Commands',
  indexing_one: 'Indexing {{count}} record…',
  indexing_other: 'Indexing {{count}} records…',
  empty: 'Nothing matches “{{query}}”. Try fewer letters, or another word.',
  failed: 'Search is not available right now: {{message}}',
};
