import { vi } from 'vitest';

// Every test in the 'electron' project sees the fake: an unmocked import would try to download
// Electron's binary and fail. Vitest caches a mock factory's result even across vi.resetModules(),
// so the module is a set of getters that always read the current fake (see resetFakeElectron).
vi.mock('electron', async () => {
  const { fakeElectron } = await import('./fake-electron');
  const electron: Record<string, unknown> = {};
  for (const key of Object.keys(fakeElectron())) {
    Object.defineProperty(electron, key, {
      enumerable: true,
      get: () => fakeElectron()[key as keyof ReturnType<typeof fakeElectron>],
    });
  }
  Object.defineProperty(electron, 'default', { enumerable: true, get: () => fakeElectron() });
  return electron;
});
