import type { CollectionName } from '@domain/collections';

/** What the address bar says: a section, maybe a sub-page of it, maybe a record open in the drawer. */
export interface Address {
  section: string;
  /** A section's sub-page (`#/settings/profile`); null for its first one. */
  tab: string | null;
  drawer: { collection: CollectionName; id: string; tab?: string } | null;
}

/** What the manifests say about addresses: which sections exist, and what a record id in one opens. */
export interface RouteTable {
  defaultSection: string;
  sections: ReadonlyMap<
    string,
    { recordCollection?: CollectionName | undefined; tabs?: readonly string[] | undefined }
  >;
  drawerCollections: ReadonlySet<string>;
}

const RECORD_ID = /^[0-9a-f-]{36}$/;

/**
 * Reads `#/deals`, `#/deals/<id>`, `#/contacts/<id>?tab=activities` and `#/settings/<tab>`, and
 * the older `#/<section>/<collection>/<id>` links (a record of another kind open over a section).
 * Anything else is the default section: an address from an older or newer build never breaks.
 */
export function parseAddress(hash: string, table: RouteTable): Address {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [raw = '', first = '', second = ''] = path.split('/').map(safeDecode);
  const section = table.sections.get(raw);
  if (!section) return { section: table.defaultSection, tab: null, drawer: null };
  const drawerTab = new URLSearchParams(query).get('tab') || undefined;
  const withTab = (collection: CollectionName, id: string) =>
    drawerTab ? { collection, id, tab: drawerTab } : { collection, id };
  if (section.tabs?.includes(first)) {
    return { section: raw, tab: first === section.tabs[0] ? null : first, drawer: null };
  }
  if (RECORD_ID.test(first) && section.recordCollection && table.drawerCollections.has(section.recordCollection)) {
    return { section: raw, tab: null, drawer: withTab(section.recordCollection, first) };
  }
  if (table.drawerCollections.has(first) && RECORD_ID.test(second)) {
    return { section: raw, tab: null, drawer: withTab(first as CollectionName, second) };
  }
  return { section: raw, tab: null, drawer: null };
}

/** The address of a place: the shortest form `parseAddress` reads back to the same place. */
export function formatAddress(address: Address, table: RouteTable): string {
  const section = table.sections.get(address.section);
  const { drawer } = address;
  if (drawer && drawer.id !== 'new') {
    const path =
      section?.recordCollection === drawer.collection
        ? `#/${address.section}/${drawer.id}`
        : `#/${address.section}/${drawer.collection}/${drawer.id}`;
    return drawer.tab ? `${path}?tab=${encodeURIComponent(drawer.tab)}` : path;
  }
  if (address.tab && section?.tabs?.includes(address.tab) && address.tab !== section.tabs[0]) {
    return `#/${address.section}/${address.tab}`;
  }
  return `#/${address.section}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}
