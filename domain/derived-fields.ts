import type { CollectionName, CollectionDocs } from './collections';

/** Lower-cased, accent-free text for ordering and search ("Núñez" sorts and matches as "nunez"). */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function personName(p: { firstName: string; lastName: string }): string {
  return [p.firstName, p.lastName].filter(Boolean).join(' ');
}

/**
 * Index keys are computed from the fields they mirror, here and nowhere else, after every create,
 * edit and merge: a merge that takes `lastName` from one device recomputes `nameKey` from it.
 */
export function withDerivedFields<C extends CollectionName>(collection: C, doc: CollectionDocs[C]): CollectionDocs[C] {
  switch (collection) {
    case 'companies': {
      const d = doc as CollectionDocs['companies'];
      return { ...d, nameKey: searchKey(d.name).slice(0, 200) } as CollectionDocs[C];
    }
    case 'contacts':
    case 'leads': {
      const d = doc as CollectionDocs['contacts'] | CollectionDocs['leads'];
      return { ...d, nameKey: searchKey(`${d.lastName} ${d.firstName}`).slice(0, 201) } as CollectionDocs[C];
    }
    case 'deals': {
      const d = doc as CollectionDocs['deals'];
      return { ...d, titleKey: searchKey(d.title).slice(0, 200) } as CollectionDocs[C];
    }
    default:
      return doc;
  }
}
