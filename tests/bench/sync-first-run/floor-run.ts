import { fillWithDefaultSettings, type RxJsonSchema } from 'rxdb';
import { getDexieStoreSchema } from 'rxdb/plugins/storage-dexie';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS } from '../../../domain/collections';
import type { SpawnedBenchServer } from '../support/bench-server';
import { launchBenchBrowser } from '../support/chromium';
import { MANAGER, PART, PULL_LIMIT } from './first-run-common';
import type { FloorOptions, FloorResult } from './page/protocol';

const FLOOR_PATH = '/bench-floor/index.html';

async function accessToken(url: string): Promise<string> {
  const response = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: MANAGER.email, password: MANAGER.password, deviceName: 'bench floor' }),
  });
  if (!response.ok) throw new Error(`login answered ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The Dexie store spec RxDB's Dexie storage gives each collection: its primary key and every index. */
export function appStores(): Record<string, string> {
  return Object.fromEntries(
    COLLECTION_NAMES.map((c) => [
      c,
      getDexieStoreSchema(fillWithDefaultSettings(COLLECTION_SCHEMAS[c] as unknown as RxJsonSchema<unknown>)),
    ]),
  );
}

export async function runFloor(
  server: SpawnedBenchServer,
  stores?: Record<string, string>,
): Promise<FloorResult & { browserVersion: string }> {
  const browser = await launchBenchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (error) => console.error(`  [${PART}] floor page error: ${error.message}`));
    await page.goto(`${server.url}${FLOOR_PATH}`);
    await page.waitForFunction(() => window.firstRunFloor !== undefined);
    const options: FloorOptions = {
      name: 'bench-first-run-floor',
      accessToken: await accessToken(server.url),
      collections: COLLECTION_NAMES,
      limit: PULL_LIMIT,
      ...(stores ? { name: 'bench-first-run-floor-indexed', stores } : {}),
    };
    const result = await page.evaluate((o) => window.firstRunFloor!.floor(o), options);
    return { ...result, browserVersion: browser.version };
  } finally {
    await browser.close();
  }
}
