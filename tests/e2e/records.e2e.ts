import { expect, test } from './server-fixture';
import { drawer, goTo, startWorkspace } from './app-fixtures';

test('a company, a contact in it and a lead for that contact survive a reload', async ({ page }) => {
  await startWorkspace(page);

  await goTo(page, 'Companies');
  await page.getByRole('button', { name: 'New company' }).first().click();
  const newCompany = drawer(page, 'New company');
  await newCompany.getByLabel('Company name').fill('Andes Logistics');
  await newCompany.getByLabel('Domain').fill('https://www.andeslogistics.com/');
  await newCompany.getByLabel('City').fill('Bogotá');
  await newCompany.getByRole('button', { name: 'Save' }).click();
  await expect(drawer(page, 'Andes Logistics')).toBeVisible();
  await expect(drawer(page, 'Andes Logistics').getByLabel('Domain')).toHaveValue('andeslogistics.com');
  await expect(
    page.getByRole('grid', { name: 'Companies' }).getByRole('row', { name: /Andes Logistics/ }),
  ).toBeVisible();

  await goTo(page, 'Contacts');
  await page.getByRole('button', { name: 'New contact' }).first().click();
  const newContact = drawer(page, 'New contact');
  await newContact.getByLabel('First name').fill('Lucía');
  await newContact.getByLabel('Last name').fill('Fernández');
  await newContact.getByLabel('Email').fill('lucia@andeslogistics.com');
  await newContact.getByRole('combobox', { name: 'Company' }).fill('andes');
  await newContact.getByRole('option', { name: 'Andes Logistics' }).click();
  await newContact.getByRole('button', { name: 'Save' }).click();
  await expect(drawer(page, 'Lucía Fernández')).toBeVisible();
  await expect(
    page.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: /Lucía Fernández.*Andes Logistics/ }),
  ).toBeVisible();

  await goTo(page, 'Leads');
  await page.getByRole('button', { name: 'New lead' }).first().click();
  const newLead = drawer(page, 'New lead');
  await newLead.getByRole('combobox', { name: 'Contact' }).fill('fern');
  await newLead.getByRole('option', { name: /Lucía Fernández/ }).click();
  await newLead.getByLabel('First name').fill('Lucía');
  await newLead.getByLabel('Last name').fill('Fernández');
  await newLead.getByLabel('Company name').fill('Andes Logistics');
  await newLead.getByLabel('Estimated value').fill('12,500.00');
  await newLead.getByRole('button', { name: 'Save' }).click();
  await expect(drawer(page, 'Lucía Fernández')).toBeVisible();

  await page.reload();

  await goTo(page, 'Leads');
  const leadRow = page
    .getByRole('grid', { name: 'Leads' })
    .getByRole('row', { name: /Lucía Fernández.*Andes Logistics.*New/ });
  await expect(leadRow).toBeVisible();
  await leadRow.click();
  const lead = drawer(page, 'Lucía Fernández');
  await expect(lead.getByRole('combobox', { name: 'Contact' })).toHaveValue(/Lucía Fernández/);
  await expect(lead.getByLabel('Estimated value')).toHaveValue('12500.00');

  await goTo(page, 'Contacts');
  await expect(
    page.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: /Lucía Fernández.*Andes Logistics/ }),
  ).toBeVisible();
  await goTo(page, 'Companies');
  const companyRow = page.getByRole('grid', { name: 'Companies' }).getByRole('row', { name: /Andes Logistics/ });
  await companyRow.click();
  await expect(drawer(page, 'Andes Logistics').getByRole('region', { name: 'People at this company' })).toContainText(
    'Lucía Fernández',
  );
});

test('a form explains what is wrong and saves nothing until it is fixed', async ({ page }) => {
  await startWorkspace(page);
  await goTo(page, 'Contacts');
  await page.getByRole('button', { name: 'New contact' }).first().click();
  const form = drawer(page, 'New contact');
  await form.getByLabel('Email').fill('not-an-email');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Enter a first or last name.')).toBeVisible();
  await expect(form.getByText('Enter an email like name@example.com.')).toBeVisible();
  await form.getByLabel('Last name').fill('Okafor');
  await form.getByLabel('Email').fill('ada@okafor.ng');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(drawer(page, 'Okafor')).toBeVisible();
});

test('a lead form refuses a negative estimate, as the server would, and saves once it is fixed', async ({ page }) => {
  await startWorkspace(page);
  await goTo(page, 'Leads');
  await page.getByRole('button', { name: 'New lead' }).first().click();
  const form = drawer(page, 'New lead');
  await form.getByLabel('Last name').fill('Quispe');
  await form.getByLabel('Estimated value').fill('-45,000.00');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText('A lead’s estimated value cannot be negative.');
  await expect(drawer(page, 'Quispe')).toHaveCount(0);
  await form.getByLabel('Estimated value').fill('45,000.00');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(drawer(page, 'Quispe')).toBeVisible();
});

test('switching the language to Spanish translates the navigation', async ({ page }) => {
  await startWorkspace(page);
  await goTo(page, 'Settings');
  await page.getByLabel('Language').selectOption({ label: 'Español' });
  const nav = page.getByRole('navigation', { name: 'Principal' });
  for (const label of [
    'Embudo',
    'Prospectos',
    'Negocios',
    'Contactos',
    'Empresas',
    'Actividades',
    'Centro de llamadas',
    'Informes',
    'Ajustes',
  ]) {
    await expect(nav.getByRole('link', { name: label })).toBeVisible();
  }
  await page.reload();
  await expect(
    page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Empresas' }),
  ).toBeVisible();
});

test('deleting a company asks first and can be undone', async ({ page }) => {
  await startWorkspace(page);
  await goTo(page, 'Companies');
  await page.getByRole('button', { name: 'New company' }).first().click();
  await drawer(page, 'New company').getByLabel('Company name').fill('Patagonia Foods');
  await drawer(page, 'New company').getByRole('button', { name: 'Save' }).click();
  await drawer(page, 'Patagonia Foods').getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete Patagonia Foods?' });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'No companies yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(
    page.getByRole('grid', { name: 'Companies' }).getByRole('row', { name: /Patagonia Foods/ }),
  ).toBeVisible();
});
