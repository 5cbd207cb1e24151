import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '@domain/schemas/contact';
import type { Lead } from '@domain/schemas/lead';
import { insertRecord, softDeleteRecord } from '../../../renderer/db/record-writes';
import { findLikelyDuplicates } from '../../../renderer/db/use-likely-duplicates';
import { contactBody } from '../../support/record-bodies';
import { openTestWorkspace } from '../support/open-test-workspace';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

const draft = (overrides: Partial<Contact>) => ({ ...contactBody(), ...overrides }) as Contact;

describe('likely duplicates of a record being created', () => {
  it('finds the contact with the same email or the same phone digits, strongest reason first', async () => {
    workspace = await openTestWorkspace(['contacts', 'companies', 'leads']);
    const byEmail = await insertRecord(workspace, 'contacts', contactBody({ email: 'lucia@andes.example', phone: '' }));
    const byPhone = await insertRecord(
      workspace,
      'contacts',
      contactBody({ firstName: 'Other', email: 'other@andes.example', phone: '+57 601 555 0101' }),
    );
    await insertRecord(workspace, 'contacts', contactBody({ email: 'someone@else.example', phone: '' }));

    const found = await findLikelyDuplicates(
      workspace,
      'contacts',
      draft({ email: ' Lucia@Andes.example ', phone: '601 555 0101' }),
    );
    expect(found.map((m) => [m.record.id, m.reasons])).toEqual([
      [byEmail.id, ['email']],
      [byPhone.id, ['phone']],
    ]);
  });

  it('leaves out deleted records, and finds a lead’s email among contacts too', async () => {
    workspace = await openTestWorkspace(['contacts', 'companies', 'leads']);
    const gone = await insertRecord(workspace, 'contacts', contactBody({ email: 'gone@andes.example' }));
    await softDeleteRecord(workspace, 'contacts', gone.id);
    const kept = await insertRecord(workspace, 'contacts', contactBody({ email: 'lucia@andes.example' }));

    expect(
      await findLikelyDuplicates(workspace, 'contacts', draft({ email: 'gone@andes.example', phone: '' })),
    ).toEqual([]);
    const forLead = await findLikelyDuplicates(workspace, 'leads', { email: 'lucia@andes.example', phone: '' } as Lead);
    expect(forLead.map((m) => [m.collection, m.record.id])).toEqual([['contacts', kept.id]]);
  });

  it('finds a company by its normalized name or web domain', async () => {
    workspace = await openTestWorkspace(['companies']);
    const company = await insertRecord(workspace, 'companies', {
      name: 'Núñez & Hijos, S.A. de C.V.',
      domain: 'nunez.example',
      industry: '',
      size: '',
      phone: '',
      website: '',
      address: {},
      tags: [],
      notes: '',
      ownerId: '',
      teamId: '',
    });
    const found = await findLikelyDuplicates(workspace, 'companies', {
      ...company,
      id: 'draft',
      name: 'nunez y hijos',
      domain: 'NUNEZ.example',
    });
    expect(found.map((m) => [m.record.id, m.reasons])).toEqual([[company.id, ['domain', 'name']]]);
  });
});
