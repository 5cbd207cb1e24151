import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS, MAX_SESSION_LENGTH } from '@domain/desktop-bridge';
import { createSessionStore } from '../../../electron/main/session-store';
import { createFakeSafeStorage } from './fake-electron';
import { invokeFromApp, mainWindow, startMainProcess } from './main-bootstrap';

const SESSION = JSON.stringify({ serverUrl: 'https://crm.example.com', grant: { accessToken: 'eyJ.secret.token' } });

function sessionFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'outpost-session-')), 'nested', 'session.bin');
}

describe('session store (Electron main)', () => {
  it('writes the session encrypted, never as plaintext, and reads it back in a later run', async () => {
    const file = sessionFile();
    await createSessionStore({ file, cipher: createFakeSafeStorage() }).write(SESSION);
    const onDisk = readFileSync(file);
    expect(onDisk.toString('utf8')).not.toContain('secret');
    expect(onDisk.toString('latin1')).not.toContain('crm.example.com');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);

    const nextRun = createSessionStore({ file, cipher: createFakeSafeStorage() });
    await expect(nextRun.read()).resolves.toBe(SESSION);
  });

  it('leaves no temporary file behind (atomic write)', async () => {
    const file = sessionFile();
    const store = createSessionStore({ file, cipher: createFakeSafeStorage() });
    await store.write(SESSION);
    await store.write(`${SESSION} `);
    expect(readdirSync(join(file, '..'))).toEqual(['session.bin']);
  });

  it('forgets the session on write(null) and removes the file', async () => {
    const file = sessionFile();
    const store = createSessionStore({ file, cipher: createFakeSafeStorage() });
    await store.write(SESSION);
    await store.write(null);
    expect(existsSync(file)).toBe(false);
    await expect(store.read()).resolves.toBeNull();
    await expect(createSessionStore({ file, cipher: createFakeSafeStorage() }).read()).resolves.toBeNull();
  });

  it('keeps the session in memory only, and says so, when the OS offers no encryption', async () => {
    const file = sessionFile();
    const onMemoryOnly = vi.fn();
    const store = createSessionStore({ file, cipher: createFakeSafeStorage({ available: false }), onMemoryOnly });
    await store.write(SESSION);
    expect(existsSync(file)).toBe(false);
    await expect(store.read()).resolves.toBe(SESSION);
    await expect(store.persistent()).resolves.toBe(false);
    expect(onMemoryOnly).toHaveBeenCalledOnce();
    await expect(createSessionStore({ file, cipher: createFakeSafeStorage() }).read()).resolves.toBeNull();
  });

  it("treats Linux's basic_text backend (a constant key) as no encryption", async () => {
    const file = sessionFile();
    const cipher = createFakeSafeStorage({ backend: 'basic_text' });
    const store = createSessionStore({ file, cipher });
    await store.write(SESSION);
    expect(existsSync(file)).toBe(false);
    expect(cipher.encryptStringAsync).not.toHaveBeenCalled();
    await expect(store.read()).resolves.toBe(SESSION);
  });

  it('answers null for a session another keychain wrote, or a damaged file', async () => {
    const file = sessionFile();
    await createSessionStore({ file, cipher: createFakeSafeStorage({ key: 1 }) }).write(SESSION);
    await expect(createSessionStore({ file, cipher: createFakeSafeStorage({ key: 2 }) }).read()).resolves.toBeNull();
    writeFileSync(file, 'garbage');
    await expect(createSessionStore({ file, cipher: createFakeSafeStorage() }).read()).resolves.toBeNull();
  });

  it('re-encrypts a session when the OS rotated its key', async () => {
    const file = sessionFile();
    const cipher = createFakeSafeStorage();
    await createSessionStore({ file, cipher }).write(SESSION);
    cipher.decryptStringAsync.mockImplementationOnce(async () => ({ shouldReEncrypt: true, result: SESSION }));
    await expect(createSessionStore({ file, cipher }).read()).resolves.toBe(SESSION);
    expect(cipher.encryptStringAsync).toHaveBeenCalledTimes(2);
  });

  it('runs writes in order, so a sign-out never loses the race to a token rotation', async () => {
    const file = sessionFile();
    const store = createSessionStore({ file, cipher: createFakeSafeStorage() });
    await Promise.all([store.write(SESSION), store.write(null)]);
    expect(existsSync(file)).toBe(false);
    await expect(store.read()).resolves.toBeNull();
  });
});

describe('session IPC channels', () => {
  it('validates what the renderer sends: a string up to 16 KB or null, nothing else', async () => {
    const fake = await startMainProcess();
    await mainWindow();
    const write = (...args: unknown[]) => invokeFromApp(fake, BRIDGE_CHANNELS.writeSession, ...args);
    await expect(write(SESSION)).resolves.toBeUndefined();
    await expect(invokeFromApp(fake, BRIDGE_CHANNELS.readSession)).resolves.toBe(SESSION);
    const file = join(fake.app.getPath('userData'), 'session.bin');
    expect(readFileSync(file).toString('utf8')).not.toContain('secret');

    await expect(write('x'.repeat(MAX_SESSION_LENGTH + 1))).rejects.toThrow(/longer than/);
    await expect(write({ accessToken: 'x' })).rejects.toThrow(/string or null/);
    await expect(write(undefined)).rejects.toThrow(/string or null/);
    await expect(write(SESSION, 'extra')).rejects.toThrow(/expected 1 argument/);
    await expect(invokeFromApp(fake, BRIDGE_CHANNELS.readSession, 'extra')).rejects.toThrow(/no arguments/);

    await expect(write(null)).resolves.toBeUndefined();
    await expect(invokeFromApp(fake, BRIDGE_CHANNELS.readSession)).resolves.toBeNull();
    expect(existsSync(file)).toBe(false);
  });
});
