import { describe, expect, it } from 'vitest';
import {
  shouldRegisterServiceWorker,
  type ServiceWorkerSetting,
} from '../../../renderer/platform/should-register-service-worker';

const browser: ServiceWorkerSetting = { shell: 'web', protocol: 'http:', supported: true, dev: false };

describe('the app-shell service worker', () => {
  it('is registered by the production build served to a plain browser, over http or https', () => {
    expect(shouldRegisterServiceWorker(browser)).toBe(true);
    expect(shouldRegisterServiceWorker({ ...browser, protocol: 'https:' })).toBe(true);
  });

  it('is never registered inside the desktop app, which loads from app:// and opens offline without it', () => {
    expect(shouldRegisterServiceWorker({ ...browser, shell: 'desktop', protocol: 'app:' })).toBe(false);
    // Whatever the page's address, the bridge says desktop.
    expect(shouldRegisterServiceWorker({ ...browser, shell: 'desktop' })).toBe(false);
  });

  it('is not registered by the development server, a page opened from a file, or a browser without service workers', () => {
    expect(shouldRegisterServiceWorker({ ...browser, dev: true })).toBe(false);
    expect(shouldRegisterServiceWorker({ ...browser, protocol: 'file:' })).toBe(false);
    expect(shouldRegisterServiceWorker({ ...browser, supported: false })).toBe(false);
  });
});
