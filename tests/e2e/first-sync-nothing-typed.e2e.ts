import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { CreateUserRequest, SessionGrant } from '../../domain/auth-protocol';
import { COLLECTION_NAMES } from '../../domain/collections';
import type { Role } from '../../domain/schemas/user-profile';
import { toIsoDate } from '../../domain/time';
import { DEFAULT_DEMO_SEED, type DemoUserSlot } from '../../demo-data';
import { seedStore } from '../../scripts/seed';
import { goTo } from './app-fixtures';
import { expectSignedIn, signIn, type Account } from './auth-fixtures';
import { expect, startE2eServer, test, type SyncServerHandle } from './server-fixture';

/**
 * A person signs in on a new device (a fresh browser profile) to a team server that already holds
 * the team's workspace, and types nothing. Everything the device holds came from the server, so
 * its first sync must end with nothing of its own to send and no edit of "theirs" replaced — the
 * defaults (pipeline, lists) come from the server, not from a copy the device makes while the
 * server's are still on the way. The server answers the pulls of pipelines and settings slowly,
 * as a busy server on a slow link does, so a device that does not wait for them shows it.
 */

const PASSWORD = 'a long enough passphrase';
const TEAM = 'Andes Field Sales';

interface Person extends Account {
  role: Role;
  label: string;
  /** The demo person whose records become theirs. */
  slot?: DemoUserSlot;
}

const manager: Person = {
  name: 'Marta Gil',
  email: 'marta@andes.example',
  password: PASSWORD,
  role: 'SALES_MANAGER',
  label: 'Sales manager',
};
const people: readonly Person[] = [
  manager,
  {
    name: 'Sofía Ruiz',
    email: 'sofia@andes.example',
    password: PASSWORD,
    role: 'SUPERVISOR',
    label: 'Supervisor',
    slot: 'supervisor',
  },
  {
    name: 'Bruno Díaz',
    email: 'bruno@andes.example',
    password: PASSWORD,
    role: 'ACCOUNT_EXECUTIVE',
    label: 'Account executive',
    slot: 'aeNorth',
  },
  {
    name: 'Carla Peña',
    email: 'carla@andes.example',
    password: PASSWORD,
    role: 'SDR',
    label: 'Sales development rep',
    slot: 'sdrNorth',
  },
];

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/**
 * A team server set up (with a team name) and its people added, then the small demo workspace
 * (about 750 records) written into its store as `npm run seed -- --into` does, the demo's people
 * being these accounts; the server restarts on the seeded store.
 */
async function teamServerWithWorkspace(): Promise<{ server: SyncServerHandle; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-e2e-first-sync-'));
  const dbFile = join(dir, 'outpost.db');
  let server = await startE2eServer(dbFile, ['--auth', 'team']);
  const userIds: Partial<Record<DemoUserSlot, string>> = {};
  try {
    const grant = await post<SessionGrant>(`${server.url}/auth/setup`, {
      name: manager.name,
      email: manager.email,
      password: manager.password,
      teamName: TEAM,
    });
    for (const person of people) {
      if (!person.slot) continue;
      const body: CreateUserRequest = {
        name: person.name,
        email: person.email,
        password: person.password,
        role: person.role,
        teamId: grant.user.teamId,
      };
      const created = await post<{ id: string }>(`${server.url}/admin/users`, body, grant.accessToken);
      userIds[person.slot] = created.id;
    }
  } finally {
    await server.stop();
  }
  await seedStore(`sqlite:${dbFile}`, {
    size: 'small',
    seed: DEFAULT_DEMO_SEED,
    today: toIsoDate(Date.now()),
    userIds,
  });
  server = await startE2eServer(dbFile, ['--auth', 'team']);
  return {
    server,
    async close() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The device's own changes it sends, and the collections whose pulls reached the server's head. */
function watchSync(page: Page, slowCollections: readonly string[]) {
  const pushes: string[] = [];
  const caughtUp = new Set<string>();
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/sync\/[^/]+\/push/.test(request.url())) pushes.push(request.url());
  });
  page.on('response', async (response) => {
    const match = /\/sync\/([^/]+)\/pull/.exec(response.url());
    if (!match || !response.ok()) return;
    const page = (await response.json().catch(() => null)) as { documents?: unknown[] } | null;
    // An empty page: this device's pulls of the collection have reached the server's head.
    if (page?.documents?.length === 0) caughtUp.add(match[1]!);
  });
  const slow = new RegExp(`/sync/(${slowCollections.join('|')})/pull`);
  void page.context().route(slow, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await route.continue().catch(() => undefined);
  });
  return { pushes, caughtUp };
}

for (const person of people) {
  test(`a new device that typed nothing ends its first sync with nothing to push and nothing replaced (${person.label})`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const workspace = await teamServerWithWorkspace();
    const context = await browser.newContext({ baseURL: workspace.server.url });
    try {
      const page = await context.newPage();
      const sync = watchSync(page, ['pipelines', 'settings']);
      await page.goto('/');
      await signIn(page, person.email, person.password);
      await expectSignedIn(page, person.name, person.label);

      // The first sync is complete: every collection pulled to the server's head, nothing pending.
      await expect.poll(() => COLLECTION_NAMES.filter((c) => !sync.caughtUp.has(c)), { timeout: 60_000 }).toEqual([]);
      await expect(page.getByRole('button', { name: /^Sync status and settings: Synced\./ })).toBeVisible({
        timeout: 20_000,
      });
      // Long enough for a write made once the pulls were in to be made and sent.
      await page.waitForTimeout(3_000);

      await expect(page.getByRole('button', { name: /change.? waiting/ })).toHaveCount(0);
      expect(sync.pushes).toEqual([]);
      await goTo(page, 'Settings');
      await page.getByRole('tab', { name: 'General' }).click();
      await expect(page.getByText('None of your edits were replaced.')).toBeVisible();
    } finally {
      await context.close();
      await workspace.close();
    }
  });
}
