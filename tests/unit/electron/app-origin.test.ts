import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isSameOrigin, originOf } from '../../../electron/main/app-origin';

describe('originOf', () => {
  it.each([
    ['app://outpost/', 'app://outpost'],
    ['app://OUTPOST/index.html?x#y', 'app://outpost'],
    ['app://outpost:8080/', 'app://outpost:8080'],
    ['app://outpost.evil/', 'app://outpost.evil'],
    ['https://Example.com:443/a', 'https://example.com'],
    ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173'],
  ])('%s has origin %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  it.each([
    'app://user@outpost/',
    'app://:secret@outpost/',
    'https://user:pass@example.com/',
    'file:///etc/passwd',
    'data:text/html,x',
    'javascript:alert(1)',
    'app:outpost',
    'about:blank',
    'outpost',
    '',
    null,
    42,
  ])('%s has no trusted origin', (url) => {
    expect(originOf(url)).toBeNull();
  });

  it('compares whole origins, never prefixes', () => {
    expect(isSameOrigin('app://outpost/deals', APP_ORIGIN)).toBe(true);
    expect(isSameOrigin('app://outpost.evil/', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin('app://outpostx/', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin('app://outpost@evil/', APP_ORIGIN)).toBe(false);
  });
});
