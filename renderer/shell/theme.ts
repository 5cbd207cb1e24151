import type { DevicePreferences } from '../db/device-preferences';

let media: MediaQueryList | undefined;
let listener: (() => void) | undefined;

/** Light, dark, or follow the system (and keep following it while the app runs). */
export function applyTheme(theme: DevicePreferences['theme']): void {
  media ??= window.matchMedia('(prefers-color-scheme: dark)');
  if (listener) media.removeEventListener('change', listener);
  const set = () => {
    const dark = theme === 'dark' || (theme === 'system' && media!.matches);
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  };
  set();
  listener = theme === 'system' ? set : undefined;
  if (listener) media.addEventListener('change', listener);
}
