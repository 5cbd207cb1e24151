import { expect, test, type Page } from '@playwright/test';
import { openLargeWorkspace, type LargeWorkspace } from './large-workspace';

/**
 * Outpost works from the keyboard on a large local workspace (~26,600 records pulled through real
 * replication). One device and one page for the whole file: the workspace is pulled once.
 */
test.describe.configure({ mode: 'serial' });

let workspace: LargeWorkspace;
let page: Page;

test.beforeAll(async ({ browser }) => {
  // Seeding the server's store and the device's first pull, on a shared two-core machine.
  test.setTimeout(240_000);
  workspace = await openLargeWorkspace(browser);
  page = workspace.page;
  const records = workspace.seeded.total.toLocaleString('en');
  console.log(
    `large workspace: ${records} records seeded in ${(workspace.seeded.elapsedMs / 1000).toFixed(1)} s, ` +
      `pulled by the device in ${(workspace.pullMs / 1000).toFixed(1)} s`,
  );
});

test.afterAll(async () => {
  await workspace?.close();
});

/** Keys as a person presses them, one after another. */
async function press(...keys: string[]) {
  for (const key of keys) await page.keyboard.press(key);
}

test('the workspace holds at least 20,000 records', () => {
  expect(workspace.seeded.total).toBeGreaterThanOrEqual(20_000);
});

test('G then P goes to the pipeline from a list row, and the board’s first card takes focus', async () => {
  await page.getByRole('table', { name: 'Contacts' }).getByRole('row').nth(1).focus();
  await press('g', 'p');
  await expect(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: /Lead in/ })
      .getByRole('button')
      .first(),
  ).toBeFocused();
});
