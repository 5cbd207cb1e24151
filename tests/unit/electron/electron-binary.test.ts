import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import * as electronBinary from '../../../scripts/electron-binary.mjs';

type Resolution = { path: string | null; reason: string };
const { electronBinaryPath, resolveElectronBinary } = electronBinary as {
  electronBinaryPath: (projectDir: string, env?: Record<string, string>) => string | null;
  resolveElectronBinary: (
    projectDir: string,
    options?: { timeoutMs?: number; env?: Record<string, string> },
  ) => Promise<Resolution>;
};

function fakeProject({ pathTxt, binary, installer }: { pathTxt?: string; binary?: boolean; installer?: string }) {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-electron-'));
  const electronDir = join(dir, 'node_modules', 'electron');
  mkdirSync(join(electronDir, 'dist'), { recursive: true });
  if (pathTxt !== undefined) writeFileSync(join(electronDir, 'path.txt'), pathTxt);
  if (binary) writeFileSync(join(electronDir, 'dist', pathTxt ?? 'electron'), '');
  if (installer !== undefined) writeFileSync(join(electronDir, 'install.js'), installer);
  return dir;
}

describe('electron binary resolution', () => {
  it('finds the binary that path.txt names', () => {
    const dir = fakeProject({ pathTxt: 'electron', binary: true });
    expect(electronBinaryPath(dir, {})).toBe(join(dir, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('reports none when path.txt or the binary is missing', () => {
    expect(electronBinaryPath(fakeProject({}), {})).toBeNull();
    expect(electronBinaryPath(fakeProject({ pathTxt: 'electron' }), {})).toBeNull();
  });

  it('tries the download once, quietly, and reports why it failed', async () => {
    const dir = fakeProject({
      installer: 'console.log("noise"); console.error("ENOTFOUND github.com"); process.exit(1);',
    });
    await expect(resolveElectronBinary(dir, { env: {} })).resolves.toMatchObject({
      path: null,
      reason: 'download failed',
    });
  });

  it('gives up on a download that hangs', async () => {
    const dir = fakeProject({ installer: 'setInterval(() => {}, 1000);' });
    await expect(resolveElectronBinary(dir, { env: {}, timeoutMs: 200 })).resolves.toMatchObject({
      path: null,
      reason: 'download timed out',
    });
  });

  it('uses a binary that the download produced', async () => {
    const installer = [
      "const { writeFileSync } = require('node:fs');",
      "writeFileSync(__dirname + '/path.txt', 'electron');",
      "writeFileSync(__dirname + '/dist/electron', '');",
    ].join('\n');
    const dir = fakeProject({ installer });
    const resolved = await resolveElectronBinary(dir, { env: {} });
    expect(resolved.path).toBe(join(dir, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('does not download when told not to', async () => {
    const dir = fakeProject({ installer: 'throw new Error("must not run")' });
    await expect(resolveElectronBinary(dir, { env: { OUTPOST_NO_ELECTRON_DOWNLOAD: '1' } })).resolves.toMatchObject({
      path: null,
      reason: 'download skipped',
    });
  });
});
