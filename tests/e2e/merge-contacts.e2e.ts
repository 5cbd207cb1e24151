import { expect, test } from './server-fixture';
import { drawer, goTo, startWorkspace } from './app-fixtures';

/** Text as a regular expression that matches it literally. */
const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

test('a duplicate contact is flagged as it is typed, merged into one choosing a field, and Undo takes the merge back', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await startWorkspace(page, { demo: true });

  // A demo deal and the contact it is with: the contact that will be merged away.
  await goTo(page, 'Deals');
  const dealRow = page.getByRole('grid', { name: 'Deals' }).getByRole('row').nth(1);
  await dealRow.click();
  const dealDrawer = page.locator('.drawer');
  const dealTitle = (await dealDrawer.getByRole('heading', { level: 2 }).first().textContent())!.trim();
  const contactField = dealDrawer.getByRole('combobox', { name: 'Contact' });
  await expect(contactField).not.toHaveValue('');
  const [existingName = '', existingEmail = ''] = (await contactField.inputValue()).split(' · ');
  expect(existingEmail, 'the demo deal’s contact has an email').toContain('@');
  await dealDrawer.getByRole('button', { name: 'Close' }).click();

  // Typing the same email into a new contact warns at once, with the way to the existing one.
  await goTo(page, 'Contacts');
  await page.getByRole('button', { name: 'New contact' }).first().click();
  const form = drawer(page, 'New contact');
  await form.getByLabel('First name').fill('Zed');
  await form.getByLabel('Last name').fill('Duplicado');
  await form.getByLabel('Email').fill(existingEmail.toUpperCase());
  await expect(form.getByText('This may already be here:')).toBeVisible();
  await form.getByRole('button', { name: `Open existing ${existingName}` }).click();
  const existing = drawer(page, existingName);
  const existingFirst = await existing.getByLabel('First name').inputValue();
  const existingLast = await existing.getByLabel('Last name').inputValue();

  // Back to the new contact (its typing kept), saved anyway: now there are two of them, and the rep
  // merges the existing one into this one.
  await page.getByRole('button', { name: 'New contact' }).first().click();
  await expect(form.getByLabel('Email')).toHaveValue(existingEmail.toUpperCase());
  await form.getByRole('button', { name: 'Save' }).click();
  const twin = drawer(page, 'Zed Duplicado');
  await expect(twin).toBeVisible();
  await twin.getByRole('button', { name: 'Merge with…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge Zed Duplicado with another record' });
  const picker = dialog.getByRole('combobox', { name: 'Contact to merge into this one' });
  // The picker finds people by last name first, as the contact list sorts them.
  await picker.fill(existingLast);
  await dialog.getByRole('option', { name: `${existingName} · ${existingEmail}` }).click();
  await expect(dialog.getByRole('radio', { name: 'First name Zed' })).toBeChecked();
  await dialog.getByRole('radio', { name: `First name ${existingFirst}` }).check();
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  // The dialog's title follows the survivor's name, which the merge changes: found by its start.
  await expect(page.getByRole('dialog', { name: /^Merge / })).toBeHidden();

  // One contact: the chosen first name, and the existing contact's deal now with it.
  const merged = drawer(page, new RegExp(`^${existingFirst} Duplicado$`));
  await expect(merged).toBeVisible();
  const deals = merged.getByRole('region', { name: 'Deals' });
  await expect(deals.getByRole('button', { name: literally(dealTitle) })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill(existingLast);
  await expect(
    page.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: literally(existingName) }),
  ).toHaveCount(0);

  // One Undo: both contacts back as they were, the deal with its contact again.
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(drawer(page, 'Zed Duplicado')).toBeVisible();
  await expect(drawer(page, 'Zed Duplicado').getByRole('region', { name: 'Deals' })).toContainText(
    'No deals with this contact yet.',
  );
  await expect(
    page.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: literally(existingName) }),
  ).toHaveCount(1);
});
