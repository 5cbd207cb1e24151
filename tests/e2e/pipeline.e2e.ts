import type { Locator, Page } from '@playwright/test';
import { expect, test } from './server-fixture';
import { drawer, goTo, startWorkspace } from './app-fixtures';

/** A deal made through the Deals drawer, the way a user makes one; it starts in the first stage. */
async function createDeal(page: Page, title: string, amount: string) {
  await page.getByRole('button', { name: 'New deal' }).first().click();
  const form = drawer(page, 'New deal');
  await form.getByLabel('Deal name').fill(title);
  await form.getByLabel('Value').fill(amount);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(drawer(page, title)).toBeVisible();
  await drawer(page, title).getByRole('button', { name: 'Close' }).click();
}

const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true });
/**
 * Cards are found by their accessible name, which is what they show: "Acme renewal $12,000.00 No
 * next activity". The column they are in, a region named by its stage, says where they are.
 */
const card = (scope: Page | Locator, title: string) => scope.getByRole('button', { name: new RegExp(`^${title} \\$`) });

/** A real mouse drag: press, move past dnd-kit's 5 px activation distance in steps, release. */
async function dragWithMouse(page: Page, source: Locator, target: Locator) {
  await source.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 90, { steps: 12 });
  await page.mouse.move(to.x + to.width / 2, to.y + 92, { steps: 2 });
  await page.mouse.up();
}

test('deals move on the board by mouse, keys and keyboard drag, close as won and lost, and it all persists', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startWorkspace(page);
  await goTo(page, 'Deals');
  await createDeal(page, 'Acme renewal', '12,000.00');
  await createDeal(page, 'Beta pilot', '5,000.00');
  await createDeal(page, 'Gamma expansion', '30,000.00');
  await createDeal(page, 'Delta upgrade', '8,000.00');
  await createDeal(page, 'Epsilon audit', '2,500.00');

  await goTo(page, 'Pipeline');
  const leadIn = column(page, 'Lead in');
  const qualified = column(page, 'Qualified');
  await expect(leadIn.getByText('5 deals')).toBeVisible();
  await expect(card(leadIn, 'Acme renewal')).toHaveAccessibleName('Acme renewal $12,000.00 No next activity');

  // 1. Mouse: drag Acme renewal to the next stage.
  await dragWithMouse(page, card(leadIn, 'Acme renewal'), qualified);
  await expect(card(qualified, 'Acme renewal')).toBeVisible();
  await expect(leadIn.getByText('4 deals')).toBeVisible();
  await expect(qualified.getByText('1 deal', { exact: true })).toBeVisible();

  // 2. `]` moves the focused deal to the next stage; Ctrl-Z takes it back; `]` again.
  await card(leadIn, 'Beta pilot').focus();
  await page.keyboard.press(']');
  await expect(card(qualified, 'Beta pilot')).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(card(leadIn, 'Beta pilot')).toBeVisible();
  await card(leadIn, 'Beta pilot').focus();
  await page.keyboard.press(']');
  await expect(card(qualified, 'Beta pilot')).toBeVisible();

  // Shortcuts stay quiet while typing in a field.
  await page.getByLabel('Min value (USD)').pressSequentially('w]x');
  await expect(card(leadIn, 'Gamma expansion')).toBeVisible();
  await expect(card(leadIn, 'Delta upgrade')).toBeVisible();
  await page.getByLabel('Min value (USD)').fill('');

  // 3. `W` marks the focused deal won: it leaves the board.
  await card(leadIn, 'Gamma expansion').focus();
  await page.keyboard.press('w');
  await expect(card(page, 'Gamma expansion')).toHaveCount(0);
  await expect(page.getByText('Gamma expansion marked as won.')).toBeVisible();

  // 4. `X` asks why the deal was lost, then marks it lost.
  await card(leadIn, 'Delta upgrade').focus();
  await page.keyboard.press('x');
  const why = page.getByRole('dialog', { name: 'Why was Delta upgrade lost?' });
  await expect(why).toBeVisible();
  // The dialog is modal: board keys typed now do nothing.
  await page.keyboard.press('w');
  await why.getByLabel('Lost reason').selectOption({ label: 'No budget' });
  await why.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(card(page, 'Delta upgrade')).toHaveCount(0);

  // 5. Keyboard-only drag through dnd-kit's keyboard sensor: Space, ArrowRight, Space.
  const epsilon = card(leadIn, 'Epsilon audit');
  await epsilon.focus();
  await page.keyboard.press('Space');
  await page.waitForTimeout(150);
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(150);
  await page.keyboard.press('Space');
  await expect(card(qualified, 'Epsilon audit')).toBeFocused();
  await expect(leadIn.getByText('No deals here.', { exact: false })).toBeVisible();

  // Everything is stored: after a reload the board is the same.
  await page.reload();
  await goTo(page, 'Pipeline');
  await expect(qualified.getByText('3 deals')).toBeVisible();
  for (const title of ['Acme renewal', 'Beta pilot', 'Epsilon audit']) {
    await expect(cardStarting(qualified, title)).toBeVisible();
  }
  await expect(card(page, 'Gamma expansion')).toHaveCount(0);
  await expect(card(page, 'Delta upgrade')).toHaveCount(0);

  // Enter opens the drawer, whose timeline shows the stage_change records.
  await card(qualified, 'Beta pilot').focus();
  await page.keyboard.press('Enter');
  const beta = drawer(page, 'Beta pilot');
  const history = beta.getByRole('region', { name: 'Stage history' });
  await expect(history.getByRole('listitem')).toHaveText([
    /Created in Lead in/,
    /Lead in → Qualified/,
    /Qualified → Lead in/,
    /Lead in → Qualified/,
  ]);
  await beta.getByRole('button', { name: 'Close' }).click();

  // Won and lost deals left the board but stay in the Deals list, with their history.
  await goTo(page, 'Deals');
  const deals = page.getByRole('grid', { name: 'Deals' });
  await expect(deals.getByRole('row', { name: /Gamma expansion.*Won/ })).toBeVisible();
  await expect(deals.getByRole('row', { name: /Delta upgrade.*Lost/ })).toBeVisible();
  // The list sorts by an indexed column (docs/adr/0031-record-table-queries.md): the deal name,
  // ascending, then descending.
  const byName = deals.getByRole('columnheader', { name: 'Deal name' });
  await expect(byName).toHaveAttribute('aria-sort', 'ascending');
  await expect(deals.getByRole('row').nth(1)).toContainText('Acme renewal');
  await deals.getByRole('button', { name: 'Sort by Deal name' }).click();
  await expect(byName).toHaveAttribute('aria-sort', 'descending');
  await expect(deals.getByRole('row').nth(1)).toContainText('Gamma expansion');
  await deals.getByRole('row', { name: /Delta upgrade/ }).click();
  const delta = drawer(page, 'Delta upgrade');
  await expect(delta.getByText('Lost reason: No budget')).toBeVisible();
  await expect(delta.getByText(/^Lost on /)).toBeVisible();
  await expect(delta.getByLabel('Owner')).toHaveValue(/.+/);
  await expect(delta.getByRole('region', { name: 'Stage history' }).getByRole('listitem')).toHaveText([
    /Created in Lead in/,
    /Marked Lost/,
  ]);
  await delta.getByRole('button', { name: 'Close' }).click();
  await deals.getByRole('row', { name: /Epsilon audit/ }).click();
  await expect(
    drawer(page, 'Epsilon audit').getByRole('region', { name: 'Stage history' }).getByRole('listitem'),
  ).toHaveText([/Created in Lead in/, /Lead in → Qualified/]);
});

test('the Sales Manager edits stages in Settings, and retiring one moves its deals with their history', async ({
  page,
}) => {
  await startWorkspace(page);
  await goTo(page, 'Deals');
  await createDeal(page, 'Zeta onboarding', '1,000.00');

  await goTo(page, 'Settings');
  const card = page.getByRole('region', { name: 'Pipelines' });
  await expect(card.getByLabel('Pipeline to edit')).toHaveValue(/.+/);

  const demo = card.getByRole('form', { name: 'Stage Demo' });
  await demo.getByLabel('Stage name').fill('Live demo');
  await demo.getByLabel('Probability (%)').fill('55');
  await demo.getByRole('button', { name: 'Save Demo' }).click();
  await expect(card.getByRole('form', { name: 'Stage Live demo' })).toBeVisible();

  const add = card.getByRole('form', { name: 'Add stage' });
  await add.getByLabel('New stage name').fill('Contract');
  await add.getByRole('button', { name: 'Add stage' }).click();
  await card.getByRole('button', { name: 'Move Contract earlier' }).click();

  await card.getByRole('button', { name: 'Retire Lead in' }).click();
  const retire = page.getByRole('dialog', { name: 'Retire Lead in?' });
  await expect(retire.getByText('Its 1 open deal moves to the stage you choose.')).toBeVisible();
  await retire.getByLabel('Move open deals to').selectOption({ label: 'Qualified' });
  await retire.getByRole('button', { name: 'Retire stage' }).click();
  await expect(card.getByRole('button', { name: 'Restore Lead in' })).toBeVisible();

  await goTo(page, 'Pipeline');
  const board = page.getByRole('region', { name: 'Sales board' });
  await expect(board.getByRole('heading', { level: 2 })).toHaveText([
    'Qualified',
    'Live demo',
    'Proposal',
    'Contract',
    'Negotiation',
  ]);
  const zeta = column(page, 'Qualified').getByRole('button', { name: /^Zeta onboarding \$/ });
  await expect(zeta).toBeVisible();
  await zeta.focus();
  await page.keyboard.press('Enter');
  await expect(
    drawer(page, 'Zeta onboarding').getByRole('region', { name: 'Stage history' }).getByRole('listitem'),
  ).toHaveText([/Created in Lead in/, /Lead in → Qualified/]);
});

test('J, K, H and L walk the board, Enter opens the focused deal, and filters narrow every column', async ({
  page,
}) => {
  await startWorkspace(page);
  await goTo(page, 'Deals');
  await createDeal(page, 'Small fix', '1,000.00');
  await createDeal(page, 'Mid rollout', '5,000.00');
  await createDeal(page, 'Big migration', '20,000.00');

  await goTo(page, 'Pipeline');
  const leadIn = column(page, 'Lead in');
  const qualified = column(page, 'Qualified');
  await card(leadIn, 'Big migration').focus();
  await page.keyboard.press(']');
  await expect(card(qualified, 'Big migration')).toBeFocused();

  // J and K move down and up a column; L and H to the next and previous column with deals.
  const leadInCards = leadIn.getByRole('listitem').getByRole('button');
  await expect(leadInCards).toHaveCount(2);
  await leadInCards.first().focus();
  await page.keyboard.press('j');
  await expect(leadInCards.nth(1)).toBeFocused();
  await page.keyboard.press('k');
  await expect(leadInCards.first()).toBeFocused();
  await page.keyboard.press('l');
  await expect(card(qualified, 'Big migration')).toBeFocused();
  await page.keyboard.press('h');
  await expect(leadInCards.first()).toBeFocused();
  await page.keyboard.press('Enter');
  const opened = drawer(page, /^(Small fix|Mid rollout)$/);
  await expect(opened).toBeVisible();
  const openedTitle = await opened.getByRole('heading', { level: 2 }).innerText();
  await expect(leadInCards.first()).toHaveAccessibleName(new RegExp(`^${openedTitle} \\$`));
  await opened.getByRole('button', { name: 'Close' }).click();

  // A minimum value hides the smaller deals in every column; clearing the filters brings them back.
  await page.getByLabel('Min value (USD)').fill('4000');
  await expect(card(leadIn, 'Small fix')).toHaveCount(0);
  await expect(card(leadIn, 'Mid rollout')).toBeVisible();
  await expect(card(qualified, 'Big migration')).toBeVisible();
  await page.getByLabel('Min value (USD)').fill('50000');
  await expect(leadIn.getByText('No deals here.', { exact: false })).toBeVisible();
  await expect(qualified.getByText('No deals here.', { exact: false })).toBeVisible();
  await page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'Clear filters' }).click();
  await expect(leadInCards).toHaveCount(2);
  await expect(card(qualified, 'Big migration')).toBeVisible();
});

test('the board opens focused from the keyboard, and keeps focus on a card after Ctrl-Z', async ({ page }) => {
  await startWorkspace(page);
  await goTo(page, 'Deals');
  await createDeal(page, 'Small fix', '1,000.00');
  await createDeal(page, 'Big migration', '20,000.00');

  // Choosing Pipeline with the keyboard lands on the first card, not 13 Tabs away from it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).focus();
  await page.keyboard.press('Enter');
  const leadIn = column(page, 'Lead in');
  const qualified = column(page, 'Qualified');
  const first = leadIn.getByRole('listitem').getByRole('button').first();
  await expect(first).toBeFocused();

  // Move a card on, take it back with Ctrl-Z: focus stays on the card, and the next key works.
  await card(leadIn, 'Big migration').focus();
  await page.keyboard.press(']');
  await expect(card(qualified, 'Big migration')).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(card(leadIn, 'Big migration')).toBeVisible();
  await expect(card(leadIn, 'Big migration')).toBeFocused();
  await page.keyboard.press(']');
  await expect(card(qualified, 'Big migration')).toBeFocused();
});

/** A card's deal title (what it shows first), escaped for a pattern. */
/** A card by the title it starts with, whatever the currency of its value. */
const cardStarting = (scope: Locator, title: string) =>
  scope.getByRole('listitem').getByRole('button', { name: new RegExp(`^${title} `) });

async function titleOf(cardLocator: Locator): Promise<string> {
  const title = await cardLocator.locator('.deal-card-title').innerText();
  return title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Holds the local database's stage_change writes (a transaction of our own on that IndexedDB
 * store, kept open) until the returned function is called: a drop's deal write is then stored,
 * and the columns' queries show it, while the drop itself still waits for its stage_change —
 * the order a slow disk or a busy machine gives now and then.
 */
async function holdStageChangeWrites(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(async () => {
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.endsWith('--stage_changes'));
    if (!name) throw new Error('no stage_changes database');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction([...db.objectStoreNames], 'readwrite');
    const store = tx.objectStore(db.objectStoreNames[0]!);
    const hold = window as unknown as { releaseStageChanges?: () => void };
    let held = true;
    hold.releaseStageChanges = () => (held = false);
    // A transaction stays open while it has requests: one after the other until released.
    const spin = () => {
      if (held) store.get('held').onsuccess = spin;
    };
    spin();
    tx.oncomplete = () => db.close();
  });
  return () => page.evaluate(() => (window as unknown as { releaseStageChanges: () => void }).releaseStageChanges());
}

test('a dropped card lands in a column that stays where it was, no longer held, and can be dragged on from there', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startWorkspace(page, { demo: true });
  await goTo(page, 'Pipeline');
  const qualified = column(page, 'Qualified');
  const qualifiedCards = qualified.getByRole('listitem').getByRole('button');
  await expect(qualified.getByText(/^\d+ deals$/)).toBeVisible({ timeout: 30_000 });
  // The target column is longer than the screen, so it could scroll.
  expect(await qualified.getByRole('list').evaluate((list) => list.scrollHeight > list.clientHeight)).toBe(true);

  for (let round = 0; round < 3; round++) {
    const leadIn = column(page, 'Lead in');
    const moving = leadIn.getByRole('listitem').getByRole('button').first();
    const title = await titleOf(moving);
    const firstBefore = await qualifiedCards.first().getAttribute('data-deal-id');
    // Whether a frame ever shows the card in the column it was dropped in while the drag is not
    // over: drawn there as the faded card being held (aria-pressed) under the one still floating.
    await qualified.evaluate(
      (target, id) => {
        const seen = window as unknown as { heldInNewColumn: boolean };
        seen.heldInNewColumn = false;
        const check = () => {
          const landed = target.querySelector(`[data-deal-id="${id}"]`);
          if (landed?.getAttribute('aria-pressed') === 'true') seen.heldInNewColumn = true;
          requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      },
      await moving.getAttribute('data-deal-id'),
    );
    const release = await holdStageChangeWrites(page);
    // Dropped over the second card of Qualified.
    const from = (await moving.boundingBox())!;
    const over = (await qualifiedCards.nth(1).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2, { steps: 4 });
    await page.mouse.move(over.x + over.width / 2, over.y + 20, { steps: 12 });
    await page.mouse.up();
    await page.waitForTimeout(500);
    await release();

    await expect(cardStarting(qualified, title)).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { heldInNewColumn: boolean }).heldInNewColumn)).toBe(false);
    // The column did not move under the person: the card that was on top is still on top, in view.
    await expect(qualifiedCards.first()).toHaveAttribute('data-deal-id', firstBefore!);
    await expect(qualifiedCards.first()).toBeInViewport({ ratio: 1 });
  }

  // A card just moved answers the mouse as any other: on to Demo.
  const demo = column(page, 'Demo');
  const last = qualifiedCards.nth(1);
  const title = await titleOf(last);
  await dragWithMouse(page, last, demo);
  await expect(cardStarting(demo, title)).toBeVisible();
});
