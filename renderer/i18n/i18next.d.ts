import 'i18next';
import type { Messages } from './en';

// Every `t()` key is checked against en.ts (docs/adr/0013-typed-translation-keys.md).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // String leaves, not English literals: `t()` returns a string, which in Spanish is not the English text.
    resources: { translation: Messages };
    // A `defaultValue` does not excuse a key English lacks; runtime keys go through `isMessageKey`.
    strictKeyChecks: true;
  }
}
