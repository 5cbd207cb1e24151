import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { seedStore } from '../../scripts/seed';
import { goTo, startWorkspace } from './app-fixtures';
import { expectFullySynced, largeWorkspaceOptions } from './large-workspace';
import { startE2eServer } from './server-fixture';

/**
 * A new device's first sync of a busy workspace (demo-data's medium size, on the built server's
 * SQLite store) with a list open from the start: the list is mounted through every write of the
 * sync, and once the header says Synced it shows what arrived, counted.
 */
test('a list open through a whole first sync shows the synced rows and their count once it ends', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'outpost-e2e-first-sync-list-'));
  const dbFile = join(dir, 'outpost.db');
  const seeded = await seedStore(`sqlite:${dbFile}`, largeWorkspaceOptions());
  const server = await startE2eServer(dbFile);
  const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await startWorkspace(page);
    await goTo(page, 'Leads');
    const leads = page.getByRole('grid', { name: 'Leads' });

    await expectFullySynced(page);
    await expect(
      page.getByText(`${seeded.written.leads.toLocaleString('en-US')} leads`, { exact: true }),
    ).toBeVisible();
    // The first row after the header row.
    await expect(leads.getByRole('row').nth(1)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No leads yet' })).toHaveCount(0);
  } finally {
    await context.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
