/** The first-run choice and the demo-data loader, for sign-in and Settings. */
export { Onboarding, type OnboardingChoice } from './Onboarding';
export { loadDemoData } from './load-demo-data';
