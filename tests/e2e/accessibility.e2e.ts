import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import type { Page } from '@playwright/test';
import { expect, LAUNCH_PATH, test } from './server-fixture';
import { drawer, goTo } from './app-fixtures';
import { accountMenu, setUpTeam, signOut } from './auth-fixtures';

/** Every entry of the main navigation, as its link reads. */
const SCREENS = [
  'Pipeline',
  'Leads',
  'Deals',
  'Contacts',
  'Companies',
  'Activities',
  'Call center',
  'Reports',
  'Settings',
] as const;

const THEMES = [
  { name: 'Light', scheme: 'light' },
  { name: 'Dark', scheme: 'dark' },
] as const;

/**
 * axe leaves its experimental rules off by default, and one of them is label-content-name-mismatch
 * (WCAG 2.5.3 Label in Name, a level A criterion): every rule runs here, none is turned off.
 */
const ALL_RULES = Object.fromEntries(axe.getRules(['experimental']).map((rule) => [rule.ruleId, { enabled: true }]));

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  elements: string[];
}

/**
 * Runs axe on the page as it is now (or on `within`, a CSS selector, when the rest was just
 * scanned) and keeps the serious and critical violations.
 */
async function scan(page: Page, screen: string, findings: Finding[], within?: string) {
  const builder = new AxeBuilder({ page }).options({ rules: ALL_RULES });
  const results = await (within ? builder.include(within) : builder).analyze();
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    findings.push({
      screen,
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      elements: violation.nodes.map(
        (node) => `${node.target.join(' ')}\n      ${node.html}\n      ${node.failureSummary?.replace(/\n/g, ' ')}`,
      ),
    });
  }
}

const summary = (f: Finding) => `${f.screen}: ${f.rule} on ${f.elements.length} element(s)`;

function report(findings: Finding[]): string {
  if (findings.length === 0) return 'no serious or critical accessibility violations';
  return [
    `${findings.length} serious or critical accessibility violations:`,
    ...findings.map(
      (f) =>
        `- [${f.screen}] ${f.rule} (${f.impact}): ${f.help}\n  ${f.helpUrl}\n${f.elements.map((e) => `    ${e}`).join('\n')}`,
    ),
  ].join('\n');
}

/** Settings → Appearance → Theme, the way a user picks it. */
async function chooseTheme(page: Page, theme: 'Light' | 'Dark') {
  await goTo(page, 'Settings');
  await page.getByLabel('Theme').selectOption({ label: theme });
}

/** What each screen shows once its records are there, so axe sees the screen a person sees. */
async function waitForScreen(page: Page, screen: (typeof SCREENS)[number]) {
  const main = page.getByRole('main', { name: screen });
  switch (screen) {
    case 'Pipeline':
      await expect(main.getByRole('listitem').getByRole('button').first()).toBeVisible();
      await expect(main.getByRole('region', { name: / board$/ })).toHaveAttribute('aria-busy', 'false');
      return;
    case 'Leads':
    case 'Deals':
    case 'Contacts':
    case 'Companies':
    case 'Activities':
      await expect(main.getByRole('grid', { name: screen }).getByRole('row').nth(10)).toBeVisible();
      return;
    case 'Settings':
      await expect(main.getByRole('heading', { name: 'Appearance' })).toBeVisible();
      await expect(main.getByRole('heading', { name: 'Pipelines' })).toBeVisible();
      return;
    default:
      await expect(main.getByRole('heading', { level: 2 })).toBeVisible();
  }
}

for (const theme of THEMES) {
  test.describe(`${theme.name} theme`, () => {
    test.use({ colorScheme: theme.scheme });

    test(`every main screen, a record drawer and its dialogs have no serious axe violation in the ${theme.name.toLowerCase()} theme`, async ({
      page,
    }) => {
      // Eighteen axe runs over a few thousand demo records, on two shared cores.
      test.setTimeout(360_000);
      const findings: Finding[] = [];

      // Before anyone signs in there is no preference yet: the first-run screen follows the system.
      await page.goto(LAUNCH_PATH);
      const welcome = page.getByRole('dialog', { name: 'Welcome to Outpost' });
      await expect(welcome).toBeVisible();
      await scan(page, 'first run', findings);
      await welcome.getByLabel('Your name').fill('Maria Lopez');
      await welcome.getByRole('button', { name: 'Load demo data' }).click();
      await expect(welcome).toBeHidden({ timeout: 60_000 });

      // The user's own choice, which holds whatever the system says afterwards.
      await chooseTheme(page, theme.name);
      await page.emulateMedia({ colorScheme: theme.scheme === 'dark' ? 'light' : 'dark' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme.scheme);

      for (const screen of SCREENS) {
        await goTo(page, screen);
        await waitForScreen(page, screen);
        await scan(page, screen, findings);
      }

      await accountMenu(page, 'Maria Lopez').click();
      await expect(page.getByRole('group', { name: 'Account' })).toBeVisible();
      await scan(page, 'account menu', findings);
      await page.keyboard.press('Escape');

      // The command palette, with what was opened last and the commands, then with a search's results.
      await page.keyboard.press('Control+k');
      const palette = page.getByRole('dialog', { name: 'Command palette' });
      await expect(palette.getByRole('group', { name: 'Commands' }).getByRole('option').first()).toBeVisible();
      await scan(page, 'command palette', findings, 'dialog[open]');
      await palette.getByRole('combobox', { name: 'Search records and commands' }).fill('an');
      await expect(palette.getByRole('group', { name: 'Contacts' }).getByRole('option').first()).toBeVisible();
      await scan(page, 'command palette with results', findings, 'dialog[open]');
      await page.keyboard.press('Escape');
      await expect(palette).toBeHidden();

      // A record drawer over its list, then the confirmation its Delete button asks.
      await goTo(page, 'Leads');
      const leads = page.getByRole('grid', { name: 'Leads' });
      const lead = leads.getByRole('row').nth(1);
      const leadName = await lead.getByRole('gridcell').nth(1).innerText();
      await lead.click();
      const leadDrawer = drawer(page, leadName);
      await expect(leadDrawer).toBeVisible();
      await scan(page, 'lead drawer over the Leads list', findings);
      await leadDrawer.getByRole('button', { name: 'Delete' }).click();
      const confirm = page.getByRole('dialog', { name: `Delete ${leadName}?` });
      await expect(confirm).toBeVisible();
      await scan(page, 'delete confirmation', findings, 'dialog[open]');
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await leadDrawer.getByRole('button', { name: 'Close' }).click();

      await goTo(page, 'Deals');
      const deal = page.getByRole('grid', { name: 'Deals' }).getByRole('row').nth(1);
      const dealTitle = await deal.getByRole('gridcell').nth(1).innerText();
      await deal.click();
      const dealDrawer = drawer(page, dealTitle);
      await expect(dealDrawer.getByRole('region', { name: 'Stage history' })).toBeVisible();
      await scan(page, 'deal drawer over the Deals list', findings);

      // Offline, with a logged call waiting to sync: the header says so, and its dialog is scanned.
      await page.context().setOffline(true);
      await expect(page.getByRole('button', { name: /^Sync status and settings: Offline/ })).toBeVisible();
      await dealDrawer.getByRole('button', { name: 'Log a call' }).click();
      const call = page.getByRole('dialog', { name: 'Log a call' });
      await call.getByLabel('Subject').fill('Pricing questions');
      await scan(page, 'log a call dialog', findings, 'dialog[open]');
      await call.getByRole('button', { name: 'Log call' }).click();
      await expect(page.getByRole('button', { name: /changes? waiting/ })).toBeVisible();
      await scan(page, 'offline with a change waiting', findings, 'header');

      expect(findings.map(summary), report(findings)).toEqual([]);
    });
  });
}

test.describe('team sign-in', () => {
  test.use({ serverArgs: ['--auth', 'team'] });
  const manager = { name: 'Ana Torres', email: 'ana@andes.example', password: 'correct horse battery' };

  for (const theme of THEMES) {
    test.describe(`${theme.name} theme`, () => {
      // No one is signed in on these screens, so no one's preference exists: they follow the system.
      test.use({ colorScheme: theme.scheme });

      test(`team set-up, Settings → Users and sign-in have no serious axe violation in the ${theme.name.toLowerCase()} theme`, async ({
        page,
      }) => {
        test.setTimeout(180_000);
        const findings: Finding[] = [];
        await page.goto('/');
        await expect(page.getByRole('form', { name: 'Set up your team' })).toBeVisible();
        await scan(page, 'team set-up', findings);
        await setUpTeam(page, manager);

        await chooseTheme(page, theme.name);
        await page.getByRole('tab', { name: 'Users' }).click();
        await expect(page.getByRole('table', { name: 'Users' }).getByRole('row', { name: /Ana Torres/ })).toBeVisible();
        await scan(page, 'Settings → Users', findings);

        await signOut(page, manager.name);
        await scan(page, 'sign-in', findings);
        const form = page.getByRole('form', { name: 'Sign in to Outpost' });
        await form.getByLabel('Email').fill(manager.email);
        await form.getByLabel('Password').fill('not the password');
        await form.getByRole('button', { name: 'Sign in' }).click();
        await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
        await scan(page, 'sign-in with a wrong password', findings);

        expect(findings.map(summary), report(findings)).toEqual([]);
      });
    });
  }
});
