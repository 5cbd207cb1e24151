/** Sign-in as the rest of the app sees it: the gate main.tsx renders, and what the app and shell show of it. */
export { AuthGate } from './AuthGate';
export { DefaultRecordsFallback } from './DefaultRecordsFallback';
export { SessionEndedBanner } from './SessionEndedBanner';
export type { SignedInProps } from './sign-in-types';
