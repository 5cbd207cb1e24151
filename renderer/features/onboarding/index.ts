/** The first-run choice and the demo-data loader, for sign-in and Settings. */
export { Onboarding, type OnboardingChoice } from './Onboarding';
export { loadDemoData, type DemoLoadOptions, type DemoLoadResult } from './load-demo-data';
export { DEMO_SETS, estimatedBytes, offeredSets, type DemoSetName } from './demo-sets';
export { loadRate } from './load-rate';
