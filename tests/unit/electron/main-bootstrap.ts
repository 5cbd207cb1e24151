import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { APP_ORIGIN } from '../../../electron/main/app-origin';
import { FakeBrowserWindow, resetFakeElectron, type FakeElectron } from './fake-electron';

/** Starts the real composition root (electron/main/index.ts) against a fresh fake Electron. */
export async function startMainProcess(configure: (fake: FakeElectron) => void = () => {}): Promise<FakeElectron> {
  const fake = resetFakeElectron();
  const appPath = mkdtempSync(join(tmpdir(), 'outpost-app-'));
  mkdirSync(join(appPath, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Outpost</title>');
  fake.app.getAppPath.mockReturnValue(appPath);
  configure(fake);
  await import('../../../electron/main/index');
  return fake;
}

/** Waits until the main window has been created and asked to load the renderer. */
export async function mainWindow(): Promise<FakeBrowserWindow> {
  await vi.waitFor(() => {
    if (FakeBrowserWindow.instances[0]?.loadURL.mock.calls.length !== 1) throw new Error('no window loaded yet');
  });
  return FakeBrowserWindow.instances[0] as FakeBrowserWindow;
}

/** Calls a registered IPC handler as the app's own top-level frame would. */
export function invokeFromApp(fake: FakeElectron, channel: string, ...args: unknown[]): Promise<unknown> {
  const handler = fake.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler on ${channel}`);
  const senderFrame = { origin: APP_ORIGIN, url: `${APP_ORIGIN}/`, parent: null };
  return Promise.resolve(handler({ senderFrame }, ...args));
}
