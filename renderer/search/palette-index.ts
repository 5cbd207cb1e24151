import type { CollectionDocs } from '@domain/collections';
import {
  GENERIC_LABELS,
  highlightRanges,
  matchScore,
  matchWord,
  MATCH,
  MIN_TYPO_LENGTH,
  PALETTE_COLLECTIONS,
  paletteTextOf,
  parsePaletteQuery,
  PHONE_SCORE,
  phoneScore,
  startsAWord,
  wordsOf,
  type PaletteCollection,
  type PaletteQuery,
  type TextRange,
} from '@domain/palette-search';

/** One record found, with what the palette needs to show it and mark the match. */
export interface PaletteHit {
  collection: PaletteCollection;
  id: string;
  label: string;
  detail: string;
  /** Higher is better (domain/palette-search.ts matchScore): hits come best first. */
  score: number;
  /** Where the query matched in `label` and in `detail`. */
  labelRanges: TextRange[];
  detailRanges: TextRange[];
}

export interface PaletteGroup {
  collection: PaletteCollection;
  /** The best `limit` matches, best first. */
  hits: PaletteHit[];
  /** More records of the collection match than the hits. */
  more: boolean;
}

export interface PaletteResults {
  /** The query as typed. */
  query: string;
  /** One group per collection with matches, in PALETTE_COLLECTIONS order. */
  groups: PaletteGroup[];
}

export interface PaletteSearchOptions {
  /** Hits per group; 5 unless told. */
  limit?: number;
}

/** A record as storage and change events hand it over. */
export type PaletteDoc = { id: string; _deleted?: boolean; deletedAt?: string | null } & Record<string, unknown>;

const DEFAULT_LIMIT = 5;
/** New words wait in a short unsorted list, merged into the sorted one when it grows past this. */
const UNSORTED_MAX = 512;
/** A word's posting list is compacted when this share of it is out of date. */
const STALE_SHARE = 0.5;

/** Collections whose records mostly repeat a few texts (activity subjects): each text is kept once. */
const REPEATED_TEXT: ReadonlySet<PaletteCollection> = new Set(['activities']);

const COLLECTION_CODE = new Map(PALETTE_COLLECTIONS.map((c, i) => [c, i]));

/** A part of a query word with, per word of the dictionary, its score (0: no match). */
interface PartMatch {
  text: string;
  scores: Int32Array;
  /** The dictionary words it matches, best score first. */
  words: number[];
  /** The best score of any word it matches. */
  best: number;
}

interface WordPlan {
  text: string;
  compound: boolean;
  parts: PartMatch[];
}

interface TermPlan {
  digits: string | null;
  words: WordPlan[];
  /** The most a record can score on this term. */
  best: number;
}

/** Where a group's candidates come from: phone numbers, then dictionary words, best first. */
interface CandidateSource {
  phones: number[];
  /** What a phone match may score at most. */
  phoneBound: number;
  part: PartMatch | null;
  cost: number;
}

/** A part's matches stay valid while no word joins the dictionary; typing on reuses them. */
const PART_CACHE_SIZE = 32;

/**
 * The command palette's index (docs/adr/0027-palette-search.md): every record of the palette's
 * collections on the device, by the words of its searchable text (domain/palette-search.ts) in
 * an inverted index — a dictionary of distinct words (tens of thousands for the large demo
 * workspace's 370k records), each with the records (slots) of each collection that contain it —
 * and by the 3-digit runs of its phone numbers. A query part is matched against the dictionary,
 * not against every record; each collection then reads only the records of its rarest part, best
 * matching words first, and stops once it holds `limit` hits that no remaining record can beat.
 *
 * Kept current record by record (`put`, `remove`). A record's changed words leave stale entries
 * in the posting lists rather than being spliced out (a removal from a list of 100k would cost a
 * scan); a candidate is always scored against its current words, and a list is compacted when
 * half of it is stale.
 */
export class PaletteIndex {
  private readonly slotOf = PALETTE_COLLECTIONS.map(() => new Map<string, number>());
  private readonly freeSlots: number[] = [];
  private collectionOf = new Uint8Array(1024);
  private live = new Uint8Array(1024);
  private ids: string[] = [];
  private labels: string[] = [];
  private details: string[] = [];
  private texts: string[] = [];
  private phones: string[] = [];
  private slotWords: number[][] = [];

  private readonly wordIds = new Map<string, number>();
  private readonly wordText: string[] = [];
  /** Per collection, per word: the slots holding it (undefined for none yet). */
  private readonly postings: (number[] | undefined)[][] = PALETTE_COLLECTIONS.map(() => []);
  private readonly stale: number[][] = PALETTE_COLLECTIONS.map(() => []);
  /**
   * Word ids ordered by their text, and by their text without its first or second letter: a word
   * one edit away from the start of a query part begins with one of a few keys made from the
   * part, each a range of one of these (matchPart).
   */
  private readonly byWord = new SortedKeys((word) => word);
  private readonly byWordFrom1 = new SortedKeys((word) => word.slice(1));
  private readonly byWordWithout2nd = new SortedKeys((word) => word.slice(0, 1) + word.slice(2));
  private readonly partCache = new Map<string, PartMatch>();

  /** Per collection, slots by the 3-digit runs of their phones (1,000 lists), stale entries as above. */
  private trigrams: number[][][] = PALETTE_COLLECTIONS.map(() => []);
  private trigramEntries = 0;
  private trigramStale = 0;

  /** Scratch for a search: a slot was seen by search number `mark[slot]`. */
  private mark = new Uint32Array(1024);
  private searches = 0;
  /** Strings many records share (activity subjects), kept once. */
  private readonly interned = new Map<string, string>();

  /** Records indexed, in the bin or not. */
  get size(): number {
    return this.ids.length - this.freeSlots.length;
  }

  /** Index `doc` of `collection` anew (added or changed); a removed or binned record leaves the results. */
  put<C extends PaletteCollection>(collection: C, doc: PaletteDoc): void {
    if (doc._deleted) {
      this.remove(collection, doc.id);
      return;
    }
    const code = COLLECTION_CODE.get(collection)!;
    const text = paletteTextOf(collection, doc as unknown as CollectionDocs[C]);
    const slots = this.slotOf[code]!;
    let slot = slots.get(doc.id);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.ids.length;
      slots.set(doc.id, slot);
      this.ensureCapacity(slot + 1);
      this.collectionOf[slot] = code;
      this.slotWords[slot] = [];
      this.phones[slot] = '';
      this.texts[slot] = '';
    }
    this.live[slot] = doc.deletedAt ? 0 : 1;
    this.ids[slot] = doc.id;
    const shared = REPEATED_TEXT.has(collection);
    this.labels[slot] = shared ? this.intern(text.label) : text.label;
    this.details[slot] = text.detail;
    if (this.texts[slot] !== text.words) {
      this.texts[slot] = shared ? this.intern(text.words) : text.words;
      this.setWords(slot, wordsOf(text.words));
    }
    if (this.phones[slot] !== text.phones) this.setPhones(slot, text.phones);
  }

  /**
   * What the palette shows of one record, without highlights (the recently opened list); null when
   * the record is not here or is in the bin.
   */
  describe(collection: PaletteCollection, id: string): PaletteHit | null {
    const slot = this.slotOf[COLLECTION_CODE.get(collection)!]!.get(id);
    if (slot === undefined || !this.live[slot]) return null;
    return {
      collection,
      id,
      label: this.labels[slot]!,
      detail: this.details[slot]!,
      score: 0,
      labelRanges: [],
      detailRanges: [],
    };
  }

  /** Forget a record (deleted, or no longer on the device). */
  remove(collection: PaletteCollection, id: string): void {
    const slots = this.slotOf[COLLECTION_CODE.get(collection)!]!;
    const slot = slots.get(id);
    if (slot === undefined) return;
    slots.delete(id);
    this.setWords(slot, []);
    this.setPhones(slot, '');
    this.live[slot] = 0;
    this.ids[slot] = '';
    this.labels[slot] = '';
    this.details[slot] = '';
    this.texts[slot] = '';
    this.freeSlots.push(slot);
  }

  /** Forget every record of a collection. */
  clear(collection: PaletteCollection): void {
    for (const id of [...this.slotOf[COLLECTION_CODE.get(collection)!]!.keys()]) this.remove(collection, id);
  }

  /** The best matches of each collection for what was typed. */
  search(input: string, options: PaletteSearchOptions = {}): PaletteResults {
    const query = parsePaletteQuery(input);
    if (query.terms.length === 0) return { query: input, groups: [] };
    const limit = Math.max(1, options.limit ?? DEFAULT_LIMIT);
    const terms = query.terms.map((term) => this.planTerm(term));
    const groups: PaletteGroup[] = [];
    for (let code = 0; code < PALETTE_COLLECTIONS.length; code++) {
      const found = this.searchCollection(code, terms, limit);
      if (found.slots.length) {
        groups.push({
          collection: PALETTE_COLLECTIONS[code]!,
          hits: found.slots.map((slot, i) => this.hit(slot, found.scores[i]!, query)),
          more: found.more,
        });
      }
    }
    return { query: input, groups };
  }

  /**
   * The best `limit` records of one collection: the candidates of its cheapest source, read best
   * matching word first, until the group is full of hits that no record left to read can beat.
   */
  private searchCollection(code: number, terms: TermPlan[], limit: number) {
    const slots: number[] = [];
    const scores: number[] = [];
    let more = false;
    const stamp = this.nextStamp();
    const { mark, live, texts } = this;
    const source = this.cheapestSource(code, terms);
    const postings = this.postings[code]!;
    // With one single-part word, a record scores what its best word scores: read best words first, it is the first seen.
    const simple =
      terms.length === 1 &&
      !terms[0]!.digits &&
      terms[0]!.words.length === 1 &&
      !terms[0]!.words[0]!.compound &&
      terms[0]!.words[0]!.parts.length === 1;
    const restBound = (term: TermPlan | null) => terms.reduce((sum, t) => (t === term ? sum : sum + t.best), 0);
    const driverTerm = source ? (terms.find((t) => t.words.some((w) => w.parts.includes(source.part!))) ?? null) : null;
    const others = restBound(driverTerm);

    const full = () => slots.length >= limit;
    const offer = (slot: number, score: number) => {
      if (
        full() &&
        (scores[limit - 1]! > score || (scores[limit - 1] === score && texts[slots[limit - 1]!]! <= texts[slot]!))
      ) {
        more = true;
        return;
      }
      let at = slots.length;
      while (at > 0 && (scores[at - 1]! < score || (scores[at - 1] === score && texts[slots[at - 1]!]! > texts[slot]!)))
        at--;
      slots.splice(at, 0, slot);
      scores.splice(at, 0, score);
      if (slots.length > limit) {
        slots.pop();
        scores.pop();
        more = true;
      }
    };
    const consider = (slot: number, knownScore: number) => {
      if (mark[slot] === stamp) return;
      mark[slot] = stamp;
      if (!live[slot]) return;
      const score = knownScore || this.scoreSlot(slot, terms);
      if (score) offer(slot, score);
    };
    // Enough: the group is full and nothing left can score above its last hit.
    const enough = (bound: number) => full() && scores[limit - 1]! >= bound;

    if (!source) {
      for (let slot = 0; slot < this.ids.length; slot++) if (this.collectionOf[slot] === code) consider(slot, 0);
      return { slots, scores, more };
    }
    for (const slot of source.phones) {
      if (enough(source.phoneBound + others)) {
        more = true;
        break;
      }
      consider(slot, 0);
    }
    const part = source.part;
    if (part) {
      words: for (const w of part.words) {
        const list = postings[w];
        if (!list) continue;
        const wordScore = part.scores[w]!;
        const bound = wordScore + others;
        for (const slot of list) {
          // Records left to read score no more than this word gives: a full group keeps what it holds.
          if (enough(bound)) {
            more = true;
            break words;
          }
          consider(slot, simple && this.slotWords[slot]!.includes(w) ? wordScore : 0);
        }
      }
    }
    return { slots, scores, more };
  }

  private hit(slot: number, score: number, query: PaletteQuery): PaletteHit {
    const label = this.labels[slot]!;
    const detail = this.details[slot]!;
    return {
      collection: PALETTE_COLLECTIONS[this.collectionOf[slot]!]!,
      id: this.ids[slot]!,
      label,
      detail,
      score,
      labelRanges: highlightRanges(label, query),
      detailRanges: detail ? highlightRanges(detail, query) : [],
    };
  }

  /**
   * The candidates of one collection: of the term whose source holds the fewest postings there —
   * its cheapest part (every match of the term holds a word that part matches) and, for a term
   * with digits, the phones holding their rarest 3-digit run. Null when no term can be read from
   * the dictionary (every record is then a candidate).
   */
  private cheapestSource(code: number, terms: TermPlan[]): CandidateSource | null {
    let best: CandidateSource | null = null;
    for (const term of terms) {
      let part: PartMatch | null = null;
      let partCost = Infinity;
      for (const word of term.words) {
        word.parts.forEach((candidate, i) => {
          if (word.compound && !drivesCompound(word.text, i)) return;
          const cost = this.postingCount(code, candidate);
          if (cost < partCost) {
            part = candidate;
            partCost = cost;
          }
        });
      }
      if (!part) continue;
      const phones = term.digits ? this.trigramBucket(code, term.digits) : [];
      const cost = partCost + phones.length;
      if (!best || cost < best.cost) best = { phones, phoneBound: PHONE_SCORE * term.words.length, part, cost };
    }
    return best;
  }

  private postingCount(code: number, part: PartMatch): number {
    const postings = this.postings[code]!;
    let count = 0;
    for (const w of part.words) count += postings[w]?.length ?? 0;
    return count;
  }

  /** How well the record in `slot` matches every term (0: it does not). */
  private scoreSlot(slot: number, terms: TermPlan[]): number {
    const words = this.slotWords[slot]!;
    let total = 0;
    for (const term of terms) {
      let best = term.digits ? phoneScore(term.digits, this.phones[slot]!, term.words.length) : 0;
      let sum = 0;
      for (const word of term.words) {
        if (word.compound && !startsAWord(this.texts[slot]!, word.text)) {
          sum = 0;
          break;
        }
        let wordScore = 0;
        for (const part of word.parts) {
          let partScore = 0;
          for (const w of words) {
            const s = part.scores[w]!;
            if (s > partScore) partScore = s;
          }
          // In a compound word that matched as a whole, a domain label that is not indexed ("com") still counts.
          if (word.compound) partScore = Math.max(partScore, COMPOUND_PART_SCORE);
          if (partScore === 0) {
            wordScore = 0;
            break;
          }
          wordScore += partScore;
        }
        if (wordScore === 0) {
          sum = 0;
          break;
        }
        sum += wordScore;
      }
      if (sum > best) best = sum;
      if (best === 0) return 0;
      total += best;
    }
    return total;
  }

  private planTerm(term: PaletteQuery['terms'][number]): TermPlan {
    const words = term.words.map((word) => ({
      text: word.text,
      compound: word.parts.length > 1,
      parts: word.parts.map((part) => this.matchPart(part)),
    }));
    const wordsBest = words.reduce(
      (sum, word) =>
        sum + word.parts.reduce((s, p) => s + (word.compound ? Math.max(p.best, COMPOUND_PART_SCORE) : p.best), 0),
      0,
    );
    const phoneBest = term.digits ? PHONE_SCORE * term.words.length : 0;
    return { digits: term.digits, words, best: Math.max(wordsBest, phoneBest) };
  }

  /** Every dictionary word `part` matches, best first: ranges of the sorted words for its prefix and its typos. */
  private matchPart(part: string): PartMatch {
    const cached = this.partCache.get(part);
    if (cached) return cached;
    const scores = new Int32Array(this.wordText.length);
    const words: number[] = [];
    const { wordText } = this;
    const verify = (w: number) => {
      if (scores[w]) return;
      const packed = matchWord(part, wordText[w]!);
      if (!packed) return;
      scores[w] = matchScore(packed, wordText[w]!.length);
      words.push(w);
    };
    // Typing on: every word that matches "rivera" with a typo or as a prefix matched "river" so.
    let within: readonly number[] | null = null;
    for (let cut = part.length - 1; cut >= MIN_TYPO_LENGTH && !within; cut--) {
      within = this.partCache.get(part.slice(0, cut))?.words ?? null;
    }
    if (within) {
      for (const w of within) verify(w);
    } else {
      this.byWord.range(part, verify);
      if (part.length >= MIN_TYPO_LENGTH) {
        const [a, b] = [part[0]!, part[1]!];
        const rest = part.slice(2);
        this.byWord.range(a + b, verify); // the edit is past the first two letters
        this.byWord.range(b + rest, verify); // an extra first letter
        this.byWord.range(a + rest, verify); // an extra second letter
        this.byWord.range(b + a + rest, verify); // the first two swapped
        this.byWordFrom1.range(b + rest, verify); // the first letter replaced
        this.byWordFrom1.range(part, verify); // the first letter left out
        this.byWordWithout2nd.range(a + rest, verify); // the second letter replaced
        this.byWordWithout2nd.range(part, verify); // the second letter left out
      }
    }
    const best = byScoreDescending(words, scores);
    const match = { text: part, scores, words: best, best: best.length ? scores[best[0]!]! : 0 };
    if (this.partCache.size >= PART_CACHE_SIZE) this.partCache.delete(this.partCache.keys().next().value!);
    this.partCache.set(part, match);
    return match;
  }

  private setWords(slot: number, next: string[]) {
    const before = this.slotWords[slot]!;
    const code = this.collectionOf[slot]!;
    const ids = next.map((word) => this.wordIdOf(word));
    for (const w of before) if (!ids.includes(w)) this.markStale(code, w);
    const postings = this.postings[code]!;
    for (const w of ids) if (!before.includes(w)) (postings[w] ??= []).push(slot);
    this.slotWords[slot] = ids;
  }

  private markStale(code: number, w: number) {
    const list = this.postings[code]![w]!;
    const stale = this.stale[code]!;
    stale[w] = (stale[w] ?? 0) + 1;
    if (stale[w]! > 16 && stale[w]! > list.length * STALE_SHARE) {
      const seen = new Set<number>();
      this.postings[code]![w] = list.filter((slot) => {
        if (seen.has(slot) || this.collectionOf[slot] !== code || !this.slotWords[slot]!.includes(w)) return false;
        seen.add(slot);
        return true;
      });
      stale[w] = 0;
    }
  }

  private wordIdOf(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.wordText.length;
      this.wordIds.set(word, id);
      this.wordText.push(word);
      this.byWord.add(id, word);
      this.byWordFrom1.add(id, word);
      this.byWordWithout2nd.add(id, word);
      this.partCache.clear();
    }
    return id;
  }

  private setPhones(slot: number, phones: string) {
    const before = this.phones[slot]!;
    this.trigramStale += trigramCount(before);
    this.phones[slot] = phones;
    const lists = this.trigrams[this.collectionOf[slot]!]!;
    forEachTrigram(phones, (key) => {
      (lists[key] ??= []).push(slot);
      this.trigramEntries++;
    });
    if (this.trigramStale > 1024 && this.trigramStale > this.trigramEntries * STALE_SHARE) this.rebuildTrigrams();
  }

  private rebuildTrigrams() {
    this.trigrams = PALETTE_COLLECTIONS.map(() => []);
    this.trigramEntries = 0;
    this.trigramStale = 0;
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (!this.phones[slot]) continue;
      const lists = this.trigrams[this.collectionOf[slot]!]!;
      // A number with a repeated run ("555-5550") lists its slot once per run.
      forEachTrigram(this.phones[slot]!, (key) => {
        const list = (lists[key] ??= []);
        if (list[list.length - 1] === slot) return;
        list.push(slot);
        this.trigramEntries++;
      });
    }
  }

  /** The slots of a collection listed under the rarest 3-digit run of `digits`. */
  private trigramBucket(code: number, digits: string): number[] {
    const lists = this.trigrams[code]!;
    let best: number[] | null = null;
    for (let i = 0; i + 3 <= digits.length; i++) {
      const list = lists[Number(digits.slice(i, i + 3))] ?? [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? [];
  }

  private nextStamp(): number {
    return ++this.searches;
  }

  private ensureCapacity(slots: number) {
    if (slots <= this.collectionOf.length) return;
    const size = Math.max(slots, this.collectionOf.length * 2);
    const grow = (array: Uint8Array) => {
      const next = new Uint8Array(size);
      next.set(array);
      return next;
    };
    this.collectionOf = grow(this.collectionOf);
    this.live = grow(this.live);
    const mark = new Uint32Array(size);
    mark.set(this.mark);
    this.mark = mark;
  }

  private intern(text: string): string {
    if (text.length > 60) return text;
    const known = this.interned.get(text);
    if (known !== undefined) return known;
    if (this.interned.size < 100_000) this.interned.set(text, text);
    return text;
  }
}

/** The most a query part can score on one word (an exact match). */
const MAX_SCORE = MATCH.EXACT * 16;

/** What a part of a compound query word scores when the whole word begins a word of the record. */
const COMPOUND_PART_SCORE = MATCH.PREFIX * 16 - 1;

/**
 * May part `i` of a compound query word drive a search? Not a generic domain label or country
 * code, which the index leaves out ("com" of "gmail.com"); any other part of a word that begins a
 * word of the text is indexed whole or as a prefix of an indexed word.
 */
function drivesCompound(text: string, i: number): boolean {
  const parts = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const part = parts[i]!;
  if (GENERIC_LABELS.has(part)) return false;
  // The last part may be a country code being typed, or a label not yet complete.
  return !(i > 0 && part.length <= 2);
}

/**
 * Word ids in the order of a key made from each word, for prefix ranges. Words added wait in a
 * short unsorted list, sorted and merged in when the next range is asked for or the list grows
 * long: adding a word costs no move of the whole order.
 */
class SortedKeys {
  private readonly keys: string[] = [];
  private sorted: number[] = [];
  private pending: number[] = [];

  constructor(private readonly keyOf: (word: string) => string) {}

  add(id: number, word: string) {
    this.keys[id] = this.keyOf(word);
    this.pending.push(id);
    // Merged when the new words are a share of the sorted ones: building costs a few merges in all.
    if (this.pending.length > Math.max(UNSORTED_MAX, this.sorted.length / 4)) this.merge();
  }

  /** Calls `each` with every word whose key starts with `prefix`. */
  range(prefix: string, each: (id: number) => void) {
    this.merge();
    const { sorted, keys } = this;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (keys[sorted[mid]!]! < prefix) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < sorted.length && keys[sorted[i]!]!.startsWith(prefix); i++) each(sorted[i]!);
  }

  private merge() {
    if (!this.pending.length) return;
    const { keys, sorted } = this;
    const byKey = (a: number, b: number) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0);
    const added = this.pending.sort(byKey);
    const merged = new Array<number>(sorted.length + added.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < sorted.length && j < added.length)
      merged[k++] = byKey(sorted[i]!, added[j]!) <= 0 ? sorted[i++]! : added[j++]!;
    while (i < sorted.length) merged[k++] = sorted[i++]!;
    while (j < added.length) merged[k++] = added[j++]!;
    this.sorted = merged;
    this.pending = [];
  }
}

/** `words` ordered by score, best first: a counting sort, as scores are small integers. */
function byScoreDescending(words: number[], scores: Int32Array): number[] {
  if (words.length < 64) return words.sort((x, y) => scores[y]! - scores[x]!);
  const counts = new Int32Array(MAX_SCORE + 2);
  for (const w of words) counts[MAX_SCORE - scores[w]! + 1]!++;
  for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
  const out = new Array<number>(words.length);
  for (const w of words) out[counts[MAX_SCORE - scores[w]!]!++] = w;
  return out;
}

function forEachTrigram(phones: string, each: (key: number) => void) {
  for (let i = 0; i + 3 <= phones.length; i++) {
    const a = phones.charCodeAt(i) - 48;
    const b = phones.charCodeAt(i + 1) - 48;
    const c = phones.charCodeAt(i + 2) - 48;
    if (a < 0 || a > 9 || b < 0 || b > 9 || c < 0 || c > 9) continue;
    each(a * 100 + b * 10 + c);
  }
}

function trigramCount(phones: string): number {
  let n = 0;
  forEachTrigram(phones, () => n++);
  return n;
}
