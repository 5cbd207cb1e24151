// Finds Electron's binary for `npm start` / `npm run dev`, and tries once to download it when it is
// missing (the electron package defers that download; on offline machines it fails).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Electron executable under node_modules/electron/dist, or null when it is not there. */
export function electronBinaryPath(projectDir, env = process.env) {
  const packageDir = join(projectDir, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  if (!relative && !env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const binary = join(distDir, relative || 'electron');
  return existsSync(binary) ? binary : null;
}

/**
 * Runs electron's own install.js once, with its output captured rather than printed, and kills
 * it after `timeoutMs`. Resolves to { ok, reason, output }.
 */
export function installElectronBinary(projectDir, { timeoutMs = 60_000, env = process.env } = {}) {
  const installer = join(projectDir, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return Promise.resolve({ ok: false, reason: 'electron is not installed', output: '' });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: projectDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (data) => {
      output = (output + data).slice(-16_384);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: `download could not start: ${error.message}`, output });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) resolve({ ok: false, reason: 'download timed out', output });
      else resolve(code === 0 ? { ok: true, reason: '', output } : { ok: false, reason: 'download failed', output });
    });
  });
}

/**
 * The binary, downloading it once if needed: { path } or { path: null, reason }. Downloads are
 * skipped when ELECTRON_SKIP_BINARY_DOWNLOAD or OUTPOST_NO_ELECTRON_DOWNLOAD is set.
 */
export async function resolveElectronBinary(projectDir, { timeoutMs = 60_000, env = process.env } = {}) {
  const present = electronBinaryPath(projectDir, env);
  if (present) return { path: present, reason: '' };
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD || env.OUTPOST_NO_ELECTRON_DOWNLOAD) {
    return { path: null, reason: 'download skipped' };
  }
  const attempt = await installElectronBinary(projectDir, { timeoutMs, env });
  const downloaded = electronBinaryPath(projectDir, env);
  if (downloaded) return { path: downloaded, reason: '' };
  return {
    path: null,
    reason: attempt.ok ? 'download did not produce a binary' : attempt.reason,
    output: attempt.output,
  };
}
