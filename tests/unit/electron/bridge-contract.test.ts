import {
  BRIDGE_CHANNELS,
  BRIDGE_METHODS,
  BRIDGE_SUBSCRIPTIONS,
  DESKTOP_EVENT_CHANNEL,
  type OutpostBridge,
} from '@domain/desktop-bridge';
import { describe, expect, it, vi } from 'vitest';
import { resetFakeElectron, type FakeElectron } from './fake-electron';
import { mainWindow, startMainProcess } from './main-bootstrap';

async function loadPreload(): Promise<{ fake: FakeElectron; bridge: OutpostBridge }> {
  const fake = resetFakeElectron();
  await import('../../../electron/preload/index');
  expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  return { fake, bridge: fake.contextBridge.exposed.get('outpost') as OutpostBridge };
}

describe('preload bridge', () => {
  it('exposes window.outpost as a frozen object with exactly the contract methods', async () => {
    const { fake, bridge } = await loadPreload();
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['outpost']);
    expect(Object.keys(bridge).sort()).toEqual([...BRIDGE_METHODS, ...BRIDGE_SUBSCRIPTIONS].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    for (const method of BRIDGE_METHODS) expect(typeof bridge[method]).toBe('function');
    for (const leak of ['ipcRenderer', 'send', 'invoke', 'on', 'sendSync', 'postMessage']) {
      expect(bridge).not.toHaveProperty(leak);
    }
  });

  it('forwards only the declared arguments, each method on its own channel', async () => {
    const { fake, bridge } = await loadPreload();
    const loose = bridge as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await loose.appInfo?.('extra');
    await loose.syncServerUrl?.({ evil: true });
    await loose.openExternal?.('https://example.com/', 'extra');
    await loose.notify?.('Title', 'Body', { silent: false });
    await loose.readSession?.('extra');
    await loose.writeSession?.('{"grant":{}}', 'extra');
    await loose.writeSession?.(null);
    await loose.localSessionKey?.('http://127.0.0.1:5183', 'extra');
    await loose.setGlobalHotkeys?.({ 'quick-log': null }, 'extra');
    await loose.reportSyncStatus?.('synced', 'extra');
    await loose.setMenuKeys?.({ 'go:leads': 'g l' }, 'extra');
    await loose.saveCsvFile?.('contacts.csv', 'a,b', 'extra');
    expect(fake.ipcRenderer.invoke.mock.calls).toEqual([
      [BRIDGE_CHANNELS.appInfo],
      [BRIDGE_CHANNELS.syncServerUrl],
      [BRIDGE_CHANNELS.openExternal, 'https://example.com/'],
      [BRIDGE_CHANNELS.notify, 'Title', 'Body'],
      [BRIDGE_CHANNELS.readSession],
      [BRIDGE_CHANNELS.writeSession, '{"grant":{}}'],
      [BRIDGE_CHANNELS.writeSession, null],
      [BRIDGE_CHANNELS.localSessionKey, 'http://127.0.0.1:5183'],
      [BRIDGE_CHANNELS.setGlobalHotkeys, { 'quick-log': null }],
      [BRIDGE_CHANNELS.reportSyncStatus, 'synced'],
      [BRIDGE_CHANNELS.setMenuKeys, { 'go:leads': 'g l' }],
      [BRIDGE_CHANNELS.saveCsvFile, 'contacts.csv', 'a,b'],
    ]);
  });

  it('returns what main answered', async () => {
    const { fake, bridge } = await loadPreload();
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ version: '1.2.3', shell: 'desktop', os: 'linux' });
    await expect(bridge.appInfo()).resolves.toEqual({ version: '1.2.3', shell: 'desktop', os: 'linux' });
  });
});

describe('events from main through preload', () => {
  const ID = '0193a4b2-7c3d-7e10-8f00-0123456789ab';

  it('listens on the one event channel and hands the page the link or the command, never the IPC event', async () => {
    const { fake, bridge } = await loadPreload();
    expect([...fake.ipcRenderer.listeners.keys()]).toEqual([DESKTOP_EVENT_CHANNEL]);
    const links = vi.fn();
    const commands = vi.fn();
    bridge.onOpenRecord(links);
    bridge.onDesktopCommand(commands);
    const ipcEvent = { sender: fake.ipcRenderer, ports: [] };
    fake.ipcRenderer.emit(DESKTOP_EVENT_CHANNEL, ipcEvent, {
      kind: 'open-record',
      link: { collection: 'deals', id: ID },
    });
    fake.ipcRenderer.emit(DESKTOP_EVENT_CHANNEL, ipcEvent, { kind: 'command', command: 'go:leads' });
    expect(links.mock.calls).toEqual([[{ collection: 'deals', id: ID }]]);
    expect(commands.mock.calls).toEqual([['go:leads']]);
  });

  it('drops a payload that is not a well-formed event', async () => {
    const { fake, bridge } = await loadPreload();
    const listener = vi.fn();
    bridge.onOpenRecord(listener);
    bridge.onDesktopCommand(listener);
    for (const payload of [
      undefined,
      'go:leads',
      { kind: 'command', command: 'rm -rf' },
      { kind: 'command', command: 'go:leads', extra: true },
      { kind: 'open-record', link: { collection: 'users', id: ID } },
      { kind: 'open-record', link: { collection: 'deals', id: '../secrets' } },
      { kind: 'open-record', link: { collection: 'deals', id: ID, prefill: { stage: 'won' } } },
      { kind: 'eval', code: 'alert(1)' },
    ]) {
      fake.ipcRenderer.emit(DESKTOP_EVENT_CHANNEL, {}, payload);
    }
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops calling a listener once it unsubscribes, and refuses a listener that is not a function', async () => {
    const { fake, bridge } = await loadPreload();
    const listener = vi.fn();
    const unsubscribe = bridge.onDesktopCommand(listener);
    fake.ipcRenderer.emit(DESKTOP_EVENT_CHANNEL, {}, { kind: 'command', command: 'quick-log' });
    unsubscribe();
    fake.ipcRenderer.emit(DESKTOP_EVENT_CHANNEL, {}, { kind: 'command', command: 'quick-log' });
    expect(listener).toHaveBeenCalledOnce();
    expect(() => bridge.onOpenRecord('alert(1)' as unknown as () => void)).toThrow(TypeError);
  });
});

describe('one contract, three places', () => {
  it('main registers, preload invokes and BRIDGE_CHANNELS declares the same channels', async () => {
    const declared = new Set(Object.values(BRIDGE_CHANNELS));

    const main = await startMainProcess();
    await mainWindow();
    const registered = new Set(main.ipcMain.handlers.keys());

    const { fake, bridge } = await loadPreload();
    for (const method of BRIDGE_METHODS) {
      await (bridge[method] as (...args: unknown[]) => Promise<unknown>)('a', 'b');
    }
    const invoked = new Set(fake.ipcRenderer.invoke.mock.calls.map(([channel]) => channel));

    expect(registered).toEqual(declared);
    expect(invoked).toEqual(declared);
    expect(Object.keys(BRIDGE_CHANNELS).sort()).toEqual([...BRIDGE_METHODS].sort());
  });
});
