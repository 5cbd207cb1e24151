import { describe, expect, it } from 'vitest';
import { checkSyncServerAddress } from '@domain/sync-server-address';

describe('a sync server address', () => {
  it('takes an https server anywhere, normalised without a trailing slash', () => {
    expect(checkSyncServerAddress('  https://CRM.Andes.example/ ')).toEqual({
      ok: true,
      url: 'https://crm.andes.example',
      origin: 'https://crm.andes.example',
    });
    expect(checkSyncServerAddress('https://crm.andes.example:8443/outpost/')).toEqual({
      ok: true,
      url: 'https://crm.andes.example:8443/outpost',
      origin: 'https://crm.andes.example:8443',
    });
  });

  it('takes plain http only on this machine: 127.0.0.1, localhost and [::1]', () => {
    for (const local of ['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787', 'http://LOCALHOST']) {
      expect(checkSyncServerAddress(local).ok, local).toBe(true);
    }
  });

  it('refuses http to another machine as insecure, however the host is written', () => {
    for (const remote of [
      'http://crm.andes.example',
      'http://192.168.1.20:8787',
      'http://localhost.andes.example',
      'http://127.0.0.1.nip.io',
      'http://[::2]:8787',
    ]) {
      expect(checkSyncServerAddress(remote), remote).toEqual({ ok: false, problem: 'insecure' });
    }
  });

  it('refuses what is not a plain http(s) address', () => {
    for (const bad of [
      '',
      'crm.andes.example',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'ftp://crm.andes.example',
      'https://user:pw@crm.andes.example',
      'https://crm.andes.example/?x=1',
      'https://crm.andes.example/#top',
    ]) {
      expect(checkSyncServerAddress(bad), bad).toEqual({ ok: false, problem: 'invalid' });
    }
  });
});
