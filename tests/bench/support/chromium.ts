import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../../support/chromium-launch';

export interface BenchBrowser {
  context: BrowserContext;
  version: string;
  close(): Promise<void>;
}

/**
 * Headless Chromium with a persistent on-disk profile: a default (incognito) context keeps
 * IndexedDB in memory, which is not what Electron does.
 */
export async function launchBenchBrowser(): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'outpost-bench-profile-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_EXECUTABLE,
      args: CHROMIUM_ARGS,
      headless: true,
    });
    return {
      context,
      version: context.browser()?.version() ?? 'unknown',
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
