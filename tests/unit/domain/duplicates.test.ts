import { describe, expect, it } from 'vitest';
import { companyNameKey, DuplicateIndex, duplicateKeysOf, emailKey, phoneKey } from '@domain/duplicates';
import { makeCompany, makeContact, makeLead } from './fixtures';

describe('the facts a duplicate is recognised by', () => {
  it('compares emails whatever their case and surrounding spaces', () => {
    expect(emailKey('  Ana.Perez@Example.COM ')).toBe('ana.perez@example.com');
    expect(emailKey('')).toBeNull();
  });

  it('compares phone numbers on their digits, whatever prefix or punctuation was typed', () => {
    expect(phoneKey('+34 912 345 678')).toBe(phoneKey('912-345-678'));
    expect(phoneKey('0034 (91) 234 5678')).toBe(phoneKey('91 234 56 78'));
    expect(phoneKey('+1 (555) 014-2231')).not.toBe(phoneKey('+1 (555) 014-2232'));
  });

  it('ignores numbers too short to identify anyone', () => {
    expect(phoneKey('112')).toBeNull();
    expect(phoneKey('ext. 204')).toBeNull();
  });

  it('compares company names without accents, punctuation or legal forms', () => {
    expect(companyNameKey('Núñez & Hijos, S.A. de C.V.')).toBe('nunez y hijos');
    expect(companyNameKey('nunez and hijos')).toBe('nunez y hijos');
    expect(companyNameKey('Acme, Inc.')).toBe(companyNameKey('ACME Corporation'));
    expect(companyNameKey('The Home Depot')).toBe('home depot');
    expect(companyNameKey('Distribuciones Ibéricas S.L.')).toBe('distribuciones ibericas');
  });

  it('keeps words that only look like legal forms when they are the whole name or in its middle', () => {
    expect(companyNameKey('Co')).toBe('co');
    expect(companyNameKey('Casa de Campo')).toBe('casa de campo');
    expect(companyNameKey('   ')).toBeNull();
  });

  it('keys a contact on email, both phones and the same name at the same company', () => {
    const contact = makeContact({
      firstName: 'Ana',
      lastName: 'Pérez',
      email: 'Ana@Example.com',
      phone: '+34 912 345 678',
      mobile: '600 111 222',
      companyId: 'company-1',
    });
    expect(duplicateKeysOf('contacts', contact)).toEqual([
      { reason: 'email', value: 'ana@example.com' },
      { reason: 'phone', value: '912345678' },
      { reason: 'phone', value: '600111222' },
      { reason: 'name', value: 'ana perez@company-1' },
    ]);
  });

  it('does not key a person without a company on the name alone: two Ana Pérez are two people', () => {
    const keys = duplicateKeysOf(
      'contacts',
      makeContact({ firstName: 'Ana', lastName: 'Pérez', email: '', phone: '', mobile: '', companyId: '' }),
    );
    expect(keys).toEqual([]);
  });

  it('keys a company on its web domain as people paste it, its name and its phone', () => {
    const company = makeCompany({ name: 'Acme Inc.', domain: 'acme.com', phone: '' });
    expect(duplicateKeysOf('companies', company)).toEqual([
      { reason: 'domain', value: 'acme.com' },
      { reason: 'name', value: 'acme' },
    ]);
  });

  it('keys a lead like a contact, so a lead typed in for an existing contact is found', () => {
    const lead = makeLead({ email: 'ana@example.com', phone: '912 345 678' });
    const contact = makeContact({ email: 'ANA@example.com', phone: '+34912345678', mobile: '', companyId: '' });
    const index = new DuplicateIndex();
    index.put(contact.id, duplicateKeysOf('contacts', contact));
    expect(index.find(duplicateKeysOf('leads', lead))).toEqual([{ id: contact.id, reasons: ['email', 'phone'] }]);
  });
});

describe('finding likely duplicates', () => {
  const key = (reason: 'email' | 'phone' | 'domain' | 'name', value: string) => ({ reason, value });

  it('lists the records sharing a fact, strongest reason first', () => {
    const index = new DuplicateIndex();
    index.put('by-phone', [key('phone', '912345678')]);
    index.put('by-email', [key('email', 'ana@example.com')]);
    index.put('unrelated', [key('email', 'bob@example.com')]);
    expect(index.find([key('phone', '912345678'), key('email', 'ana@example.com')])).toEqual([
      { id: 'by-email', reasons: ['email'] },
      { id: 'by-phone', reasons: ['phone'] },
    ]);
  });

  it('never reports a record as a duplicate of itself', () => {
    const index = new DuplicateIndex();
    index.put('a', [key('email', 'ana@example.com')]);
    expect(index.find([key('email', 'ana@example.com')], 'a')).toEqual([]);
  });

  it('follows edits and deletions: an old email no longer matches, a removed record is gone', () => {
    const index = new DuplicateIndex();
    index.put('a', [key('email', 'old@example.com')]);
    index.put('a', [key('email', 'new@example.com')]);
    expect(index.find([key('email', 'old@example.com')])).toEqual([]);
    expect(index.find([key('email', 'new@example.com')])).toEqual([{ id: 'a', reasons: ['email'] }]);
    index.remove('a');
    expect(index.find([key('email', 'new@example.com')])).toEqual([]);
    expect(index.size).toBe(0);
  });
});
