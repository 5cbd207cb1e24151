import type { SessionGrant } from '../../domain/auth-protocol';
import { uuidv7 } from '../../domain/ids';
import type { PushRow } from '../../domain/sync-protocol';
import { RecordFactory } from '../support/protocol-client';
import { contactBody, dealBody } from '../support/record-bodies';
import { drawer, goTo } from './app-fixtures';
import { expectSignedIn, signIn, type Account } from './auth-fixtures';
import { expect, test } from './server-fixture';

/**
 * Contacts, companies and deals may be made offline, so the server accepts a record that links one
 * it has not received yet. A device then holds a deal whose company it does not have: the lists and
 * the drawer say so instead of showing an empty cell, and the rest of the record stays usable.
 */

test.use({ serverArgs: ['--auth', 'team'] });

const manager: Account = { name: 'Marta Gil', email: 'marta@andes.example', password: 'a long enough passphrase' };

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

test('a deal and a contact whose company has not arrived say "Company not available"', async ({ page, server }) => {
  const grant = await post<SessionGrant>(`${server.url}/auth/setup`, { ...manager, teamName: 'Andes' });
  // Another device of hers made the company and contact offline; only the deal and a second
  // contact reached the server so far.
  const other = new RecordFactory('laptop');
  const keys = { ownerId: grant.user.id, teamId: grant.user.teamId };
  const deal = other.create(
    'deals',
    dealBody({ title: 'Pampa cold chain', companyId: uuidv7(), contactId: uuidv7(), ...keys }),
  );
  const contact = other.create('contacts', contactBody({ lastName: 'Quispe', companyId: uuidv7(), ...keys }));
  const push = async (collection: string, rows: PushRow[]) => {
    const answer = await post<{ rejected: unknown[] }>(
      `${server.url}/sync/${collection}/push`,
      { rows },
      grant.accessToken,
    );
    expect(answer.rejected).toEqual([]);
  };
  await push('deals', [{ newDocumentState: deal, assumedMasterState: null }]);
  await push('contacts', [{ newDocumentState: contact, assumedMasterState: null }]);

  await page.goto('/');
  await signIn(page, manager.email, manager.password);
  await expectSignedIn(page, manager.name, 'Sales manager');

  await goTo(page, 'Deals');
  const row = page.getByRole('grid', { name: 'Deals' }).getByRole('row', { name: /Pampa cold chain/ });
  await expect(row.getByRole('gridcell', { name: 'Company not available' })).toBeVisible();
  await row.click();
  const opened = drawer(page, 'Pampa cold chain');
  await expect(opened.getByRole('combobox', { name: 'Company' })).toHaveAccessibleDescription('Company not available');
  await expect(opened.getByRole('combobox', { name: 'Contact' })).toHaveAccessibleDescription('Contact not available');
  // The rest of the deal is still there to work with.
  await expect(opened.getByLabel('Deal name')).toHaveValue('Pampa cold chain');
  await opened.getByRole('button', { name: 'Close' }).click();

  await goTo(page, 'Contacts');
  const person = page.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: /Quispe/ });
  await expect(person.getByRole('gridcell', { name: 'Company not available' })).toBeVisible();
});
