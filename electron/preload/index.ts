/**
 * Preload, bundled into one CommonJS file (out/preload/index.cjs) because the renderer is
 * sandboxed. It exposes the typed bridge and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadBridge } from './preload-bridge';

contextBridge.exposeInMainWorld(
  'outpost',
  createPreloadBridge(
    (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    // The IPC event is dropped here: the page must never get hold of it.
    (channel, listener) => void ipcRenderer.on(channel, (_event, payload: unknown) => listener(payload)),
  ),
);
