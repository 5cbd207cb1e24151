/** English strings of these areas; Spanish in the .es.ts file of the same name (same keys, checked by the type of en.ts). */
export const authEn = {
  connecting: 'Connecting to the server…',
  connectingHint: 'Checking how {{url}} signs people in.',
  signingIn: 'Signing you in…',
  signingInHint: 'Opening your workspace on this computer.',
  email: 'Email',
  password: 'Password',
  confirmPassword: 'Confirm password',
  name: 'Your name',
  passwordHint: 'At least {{min}} characters.',
  passwordsDiffer: 'The two passwords are not the same.',
  invalidEmail: 'Enter an email like name@example.com.',
  fillBoth: 'Enter your email and password.',
  signedInTo: 'Signed in to {{url}} as {{email}}. To use another server, sign out and sign in there.',
  signIn: {
    title: 'Sign in to Outpost',
    hint: 'Use the email and password your sales manager gave you.',
    submit: 'Sign in',
    busy: 'Signing in…',
  },
  setup: {
    title: 'Set up your team',
    hint: 'You become the Sales Manager. You add everyone else later in Settings → Users.',
    teamName: 'Team name',
    teamNameHint: 'Optional, e.g. “North region”.',
    submit: 'Create account',
    busy: 'Creating your account…',
    fillAll: 'Enter your name and email.',
  },
  server: {
    label: 'Server address',
    hint: 'The address your team’s Outpost server runs at.',
    current: 'Server: {{url}}',
    change: 'Change server',
    connect: 'Connect',
    none: 'This device has no server to sign in to yet. Enter your team’s server address.',
    insecure:
      'A server on another computer must use a secure address that starts with https://. Plain http:// works only for a server on this computer.',
    notOutpost: 'Outpost could not reach an Outpost server at {{url}}. Check the address, then try again.',
    declined: 'Outpost did not connect to {{url}}: the connection was not allowed.',
    refused:
      'This address can’t be used here. In a browser, open your team server’s own address instead; on the desktop, check it is a full address such as https://crm.example.com.',
  },
  unreachable: {
    title: 'Can’t reach the server',
    retry: 'Try again',
  },
};

export const authErrorsEn = {
  auth: {
    required: 'Please sign in.',
    invalidToken: 'Your sign-in expired. Please sign in again.',
    invalidCredentials: 'Wrong email or password.',
    refreshInvalid: 'Your session has ended. Please sign in again.',
    deactivated: 'This account has been deactivated. Ask your sales manager.',
    setupDone: 'This server is already set up. Sign in instead.',
    localOnly: 'This server needs you to sign in with an email and password.',
    localKeyInvalid:
      'This window was not opened by the Outpost that started this server. Open Outpost again: the desktop app, or the address `npm start` printed.',
    busy: 'Many sign-ins are being checked right now. Try again in a moment.',
    emailTaken: 'An account with this email already exists.',
    weakPassword: 'Use a password of at least {{min}} characters.',
  },
  user: {
    notFound: 'This user no longer exists. Reload the list.',
  },
  permission: {
    denied: 'Your role does not allow this.',
  },
  rateLimited_one: 'Too many attempts. Try again in {{count}} minute.',
  rateLimited_other: 'Too many attempts. Try again in {{count}} minutes.',
  offlineFirst:
    'The server can’t be reached. The first sign-in on a device needs the server; after that, Outpost also works offline.',
  offline: 'The server can’t be reached. Check the connection and try again.',
  noAuth: 'This server does not offer sign-in. Check the server address or update the server.',
  server: 'The server had a problem. Try again in a moment.',
  unknown: 'Something went wrong: {{message}}',
};
