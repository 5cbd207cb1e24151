import { searchKey } from '../../../domain/derived-fields';
import { PALETTE_COLLECTIONS, paletteTextOf, type PaletteCollection } from '../../../domain/palette-search';
import type { PaletteDoc } from '../../../renderer/search/palette-index';

export interface NaiveGroup {
  collection: PaletteCollection;
  labels: string[];
  total: number;
}

/**
 * The palette part's baseline: every record's normalized text (the same words and phone digits
 * the index reads) in one array, and a query answered by a plain `includes` of the normalized
 * query in each — no typo, no word starts, no ranking; the first `limit` of each type are kept.
 */
export class NaivePaletteScan {
  private readonly texts: string[] = [];
  private readonly labels: string[] = [];
  private readonly codes: number[] = [];

  add(collection: PaletteCollection, doc: PaletteDoc): void {
    const text = paletteTextOf(collection, doc as never);
    this.texts.push(`${text.words} ${text.phones}`);
    this.labels.push(text.label);
    this.codes.push(PALETTE_COLLECTIONS.indexOf(collection));
  }

  /** Record `i` (in the order added) changed. */
  replace(i: number, collection: PaletteCollection, doc: PaletteDoc): void {
    const text = paletteTextOf(collection, doc as never);
    this.texts[i] = `${text.words} ${text.phones}`;
    this.labels[i] = text.label;
  }

  get size(): number {
    return this.texts.length;
  }

  search(input: string, limit = 5): NaiveGroup[] {
    const query = searchKey(input);
    const groups = PALETTE_COLLECTIONS.map((collection) => ({ collection, labels: [] as string[], total: 0 }));
    if (!query) return [];
    const { texts, labels, codes } = this;
    for (let i = 0; i < texts.length; i++) {
      if (!texts[i]!.includes(query)) continue;
      const group = groups[codes[i]!]!;
      group.total++;
      if (group.labels.length < limit) group.labels.push(labels[i]!);
    }
    return groups.filter((g) => g.total > 0);
  }
}
