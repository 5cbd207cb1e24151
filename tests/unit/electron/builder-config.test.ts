import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { loadBuilderConfig, validateBuilderConfig } from '../../../scripts/check-electron-builder-config.mjs';

type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const load = loadBuilderConfig as () => Config;
const validate = validateBuilderConfig as (config: unknown) => { valid: boolean; errors: string[] };

describe('electron-builder.yml', () => {
  // Compiling app-builder-lib's large schema takes seconds on a busy two-core machine.
  it("matches app-builder-lib's JSON schema", { timeout: 30_000 }, () => {
    expect(validate(load())).toEqual({ valid: true, errors: [] });
  });

  it.each<[string, (config: Config) => void, RegExp]>([
    [
      'nsis.oneClik',
      (config) => (config.nsis.oneClik = false),
      /\/nsis: must NOT have additional properties "oneClik"/,
    ],
    ['a misspelt fuse', (config) => (config.electronFuses.runAsNod = false), /\/electronFuses.*"runAsNod"/],
    ['a top-level typo', (config) => (config.productNme = 'Outpost'), /\(root\).*"productNme"/],
    ['a wrong type', (config) => (config.asar = 'yes'), /\/asar/],
  ])('catches %s', (_name, breakIt, message) => {
    const config = structuredClone(load());
    breakIt(config);
    const result = validate(config);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(message);
  });

  it('packages build output only, in an asar, with the fuses locked down', () => {
    const config = load();
    expect(config.appId).toBe('com.outpost.crm');
    expect(config.productName).toBe('Outpost');
    expect(config.files).toEqual(['out/**', 'dist/renderer/**', 'package.json']);
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.nsis.oneClick).toBe(false);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.publish.provider).toBe('generic');
  });

  it('points at build resources that exist: the entitlements and an icon of at least 1024 px', () => {
    const config = load();
    expect(config.directories.buildResources).toBe('build');
    expect(readFileSync(config.mac.entitlements, 'utf8')).toContain('com.apple.security.cs.allow-jit');
    const png = readFileSync('build/icon.png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1024);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(1024);
    expect(existsSync(config.linux.icon)).toBe(true);
  });

  it('registers outpost:// links with the system and ships the tray icon beside app.asar', () => {
    const config = load();
    expect(config.protocols).toEqual([{ name: 'Outpost record link', schemes: ['outpost'] }]);
    expect(config.extraResources).toEqual([
      { from: 'build/tray-icon.png', to: 'tray-icon.png' },
      { from: 'build/tray-icon@2x.png', to: 'tray-icon@2x.png' },
    ]);
    for (const [file, size] of [
      ['build/tray-icon.png', 16],
      ['build/tray-icon@2x.png', 32],
    ] as const) {
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
