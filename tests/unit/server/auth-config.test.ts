import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { assertAuthModeFitsHost, isLoopbackAddress, isLoopbackHost } from '../../../sync-server/auth/auth-config';
import { hadAccessTokenInUrl, stripAccessToken } from '../../../sync-server/auth/query-token';

describe('the single-user loopback rule', () => {
  it('knows loopback peers in every form a socket reports them', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopbackAddress(address)).toBe(true);
    }
    for (const address of ['10.0.0.1', '::ffff:192.168.1.2', '0.0.0.0', '::', '', undefined, '128.0.0.1']) {
      expect(isLoopbackAddress(address)).toBe(false);
    }
  });

  it('refuses to start single-user mode on a host other machines can reach', () => {
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(() => assertAuthModeFitsHost('single-user', '127.0.0.1')).not.toThrow();
    expect(() => assertAuthModeFitsHost('single-user', '0.0.0.0')).toThrow(/loopback only/);
    expect(() => assertAuthModeFitsHost('single-user', '::')).toThrow(/--auth team/);
    expect(() => assertAuthModeFitsHost('team', '0.0.0.0')).not.toThrow();
  });
});

describe('an access token put in the URL', () => {
  it('is cut out of the URL before anything logs it, and only remembered as having been there', () => {
    const request = { url: '/sync/stream?access_token=abc.def.ghi&x=1' } as IncomingMessage;
    expect(stripAccessToken(request)).toBe('/sync/stream?x=1');
    expect(hadAccessTokenInUrl(request)).toBe(true);
    const alone = { url: '/sync/stream?access_token=t' } as IncomingMessage;
    expect(stripAccessToken(alone)).toBe('/sync/stream');
    const none = { url: '/sync/deals/pull?checkpoint=3' } as IncomingMessage;
    expect(stripAccessToken(none)).toBe('/sync/deals/pull?checkpoint=3');
    expect(hadAccessTokenInUrl(none)).toBe(false);
    const lookalike = { url: '/sync/deals/pull?not_access_token=3' } as IncomingMessage;
    expect(stripAccessToken(lookalike)).toBe('/sync/deals/pull?not_access_token=3');
    expect(hadAccessTokenInUrl(lookalike)).toBe(false);
  });
});
