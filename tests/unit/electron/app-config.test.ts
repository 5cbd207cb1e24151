import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSyncUrl, resolveAppConfig } from '../../../electron/main/app-config';
import { buildAppMenuTemplate } from '../../../electron/main/app-menu';

const paths = { appPath: '/opt/outpost/resources/app.asar', mainDir: '/opt/outpost/resources/app.asar/out/main' };

describe('resolveAppConfig', () => {
  it('loads the app:// origin from the packaged renderer build', () => {
    const config = resolveAppConfig({ isPackaged: true, env: {}, ...paths });
    expect(config).toEqual({
      rendererUrl: 'app://outpost/',
      trustedOrigin: 'app://outpost',
      rendererDir: join(paths.appPath, 'dist', 'renderer'),
      preloadPath: join(paths.appPath, 'out', 'preload', 'index.cjs'),
      configuredSyncUrl: null,
      configuredLocalKey: null,
      isDevelopment: false,
    });
  });

  it('ignores a dev server URL in a packaged app', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' };
    expect(resolveAppConfig({ isPackaged: true, env, ...paths }).rendererUrl).toBe('app://outpost/');
  });

  it('uses a loopback dev server during development and trusts only its origin', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' };
    const config = resolveAppConfig({ isPackaged: false, env, ...paths });
    expect(config.rendererUrl).toBe('http://127.0.0.1:5173/');
    expect(config.trustedOrigin).toBe('http://127.0.0.1:5173');
    expect(config.isDevelopment).toBe(true);
  });

  it.each(['https://evil.example', 'http://evil.example:5173', 'file:///tmp/index.html', 'http://user@localhost:5173'])(
    'refuses the non-loopback dev server %s',
    (url) => {
      const config = resolveAppConfig({ isPackaged: false, env: { ELECTRON_RENDERER_URL: url }, ...paths });
      expect(config.trustedOrigin).toBe('app://outpost');
    },
  );

  it('accepts a configured sync server only as a plain http(s) URL', () => {
    expect(parseSyncUrl('https://sync.example.com/')).toBe('https://sync.example.com');
    expect(parseSyncUrl('https://sync.example.com/outpost/')).toBe('https://sync.example.com/outpost');
    expect(parseSyncUrl('https://user:pw@sync.example.com')).toBeNull();
    expect(parseSyncUrl('javascript:alert(1)')).toBeNull();
    expect(parseSyncUrl('https://sync.example.com/?token=1')).toBeNull();
    expect(parseSyncUrl('')).toBeNull();
  });
});

describe('buildAppMenuTemplate', () => {
  const roles = (template: ReturnType<typeof buildAppMenuTemplate>): unknown[] =>
    template.flatMap((item) => [
      item.role ?? item.label,
      ...(Array.isArray(item.submenu) ? item.submenu.map((s) => s.role) : []),
    ]);

  it('uses standard roles, with the app menu on macOS only', () => {
    expect(roles(buildAppMenuTemplate({ platform: 'darwin', isDevelopment: false }))).toContain('appMenu');
    const linux = roles(buildAppMenuTemplate({ platform: 'linux', isDevelopment: false }));
    expect(linux).not.toContain('appMenu');
    expect(linux).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'windowMenu', 'help', 'about']));
  });

  it('offers reload and developer tools only in development', () => {
    expect(roles(buildAppMenuTemplate({ platform: 'linux', isDevelopment: false }))).not.toContain('toggleDevTools');
    expect(roles(buildAppMenuTemplate({ platform: 'linux', isDevelopment: true }))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });
});
