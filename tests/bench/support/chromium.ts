import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../../support/chromium-launch';

export interface BenchBrowser {
  context: BrowserContext;
  version: string;
  /** The profile's folder: a later launch given it starts on the same IndexedDB. */
  profile: string;
  close(): Promise<void>;
}

export interface BenchBrowserOptions {
  /**
   * A profile an earlier launch left (with `keepProfile`): a cold start of the browser on data
   * already stored. By default a new empty profile.
   */
  profile?: string;
  /** Leave the profile on disk when closing (the caller removes it). */
  keepProfile?: boolean;
}

/**
 * Headless Chromium with a persistent on-disk profile: a default (incognito) context keeps
 * IndexedDB in memory, which is not what Electron does.
 */
export async function launchBenchBrowser(options: BenchBrowserOptions = {}): Promise<BenchBrowser> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'outpost-bench-profile-'));
  const removeProfile = () => {
    if (!options.keepProfile) rmSync(profile, { recursive: true, force: true });
  };
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_EXECUTABLE,
      args: CHROMIUM_ARGS,
      headless: true,
    });
    return {
      context,
      version: context.browser()?.version() ?? 'unknown',
      profile,
      async close() {
        await context.close();
        removeProfile();
      },
    };
  } catch (error) {
    removeProfile();
    throw error;
  }
}
