/** English strings of the demoLoad area; Spanish in demo-load.es.ts (same keys, checked by the type of en.ts). */
export const demoLoadEn = {
  sizeLegend: 'Size',
  sets: { small: 'Small', medium: 'Medium', large: 'Large' },
  setDetails: '{{contacts}} contacts, about {{records}} records in all; needs about {{storage}}',
  storageAvailable: 'Free for Outpost on this device: about {{available}}.',
  storageShort:
    'This device may not have room for this set: it needs about {{needed}} and about {{available}} is free.',
  checkingServer: 'Checking which server this device syncs with…',
  serverUnknown:
    'The server did not answer, so Outpost cannot tell whether it is this device’s own: the large set is offered once it answers.',
  teamWarning:
    'This device is signed in to a team server ({{url}}): demo records sync to it, and everyone allowed to see them will. Load them only on a server you use for trying Outpost.',
  largeLocalOnly:
    'The large set (about 435,000 records) is offered only in a workspace on this device alone: on a team server it would sync to everyone. To try it with a team, seed the server with npm run seed before starting it.',
  load: 'Load demo data',
  cancel: 'Cancel loading',
  progressLabel: 'Loading demo data',
  progress: '{{done}} of {{total}} records',
  rate: '{{rate}} records/s',
  timeLeft: 'about {{time}} left',
  estimating: 'working out the time left…',
  done: 'Demo data loaded: {{records}} records.',
  cancelled:
    'Loading stopped. The {{written}} records written so far are kept, each complete; load the same set again today to add the rest.',
  quota:
    'This device has run out of room for Outpost’s data. Free some disk space or choose a smaller set, then load again: the records written so far are kept.',
  failed: 'Demo data could not be loaded: {{message}}',
} as const;
