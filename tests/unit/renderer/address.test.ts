import { describe, expect, it } from 'vitest';
import { formatAddress, parseAddress, type RouteTable } from '../../../renderer/shell/address';

const table: RouteTable = {
  defaultSection: 'leads',
  sections: new Map([
    ['leads', { recordCollection: 'leads' as const }],
    ['deals', { recordCollection: 'deals' as const }],
    ['contacts', { recordCollection: 'contacts' as const }],
    ['pipeline', { recordCollection: 'deals' as const }],
    ['activities', {}],
    ['settings', { tabs: ['general', 'profile', 'users', 'keyboard'] }],
  ]),
  drawerCollections: new Set(['leads', 'deals', 'contacts', 'companies']),
};
const id = '0190a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b';

describe('addresses', () => {
  it('opens a section, and a record of its kind in the drawer', () => {
    expect(parseAddress('#/deals', table)).toEqual({ section: 'deals', tab: null, drawer: null });
    expect(parseAddress(`#/deals/${id}`, table)).toEqual({
      section: 'deals',
      tab: null,
      drawer: { collection: 'deals', id },
    });
    expect(parseAddress(`#/pipeline/${id}`, table).drawer).toEqual({ collection: 'deals', id });
  });

  it('carries a drawer tab, and leaves it to the drawer to ignore', () => {
    expect(parseAddress(`#/contacts/${id}?tab=activities`, table).drawer).toEqual({
      collection: 'contacts',
      id,
      tab: 'activities',
    });
  });

  it('reads Settings tabs, the first one being the plain section', () => {
    expect(parseAddress('#/settings/keyboard', table)).toEqual({ section: 'settings', tab: 'keyboard', drawer: null });
    expect(parseAddress('#/settings/general', table)).toEqual({ section: 'settings', tab: null, drawer: null });
    expect(formatAddress({ section: 'settings', tab: 'profile', drawer: null }, table)).toBe('#/settings/profile');
    expect(formatAddress({ section: 'settings', tab: 'general', drawer: null }, table)).toBe('#/settings');
  });

  it('still opens the older links that name the collection after the section', () => {
    expect(parseAddress(`#/leads/deals/${id}`, table)).toEqual({
      section: 'leads',
      tab: null,
      drawer: { collection: 'deals', id },
    });
    expect(formatAddress({ section: 'leads', tab: null, drawer: { collection: 'deals', id } }, table)).toBe(
      `#/leads/deals/${id}`,
    );
  });

  it('falls back to the default section for anything it does not know, without throwing', () => {
    for (const hash of ['', '#', '#/', '#/nowhere', '#/%E0%A4%A', '#k=abc', '#/deals/not-an-id', '#/activities/x/y']) {
      const address = parseAddress(hash, table);
      expect(table.sections.has(address.section), hash).toBe(true);
    }
    expect(parseAddress('#/nowhere/deals', table)).toEqual({ section: 'leads', tab: null, drawer: null });
    expect(parseAddress(`#/activities/${id}`, table).drawer).toBeNull();
  });

  it('formats every place so that reading it back gives the same place', () => {
    const places = [
      { section: 'deals', tab: null, drawer: null },
      { section: 'deals', tab: null, drawer: { collection: 'deals' as const, id } },
      { section: 'contacts', tab: null, drawer: { collection: 'contacts' as const, id, tab: 'activities' } },
      { section: 'pipeline', tab: null, drawer: { collection: 'deals' as const, id } },
      { section: 'settings', tab: 'users', drawer: null },
    ];
    for (const place of places) expect(parseAddress(formatAddress(place, table), table)).toEqual(place);
  });

  it('gives a new record form no address of its own', () => {
    expect(formatAddress({ section: 'deals', tab: null, drawer: { collection: 'deals', id: 'new' } }, table)).toBe(
      '#/deals',
    );
  });
});
