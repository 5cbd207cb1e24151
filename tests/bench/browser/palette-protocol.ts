import type { PaletteCollection } from '../../../domain/palette-search';

/** What the Node side of the palette part and its browser page exchange. */

/** Which search answers the typed query: the palette's index, or the naive scan it is measured against. */
export type PaletteEngine = 'index' | 'naive';

export interface PaletteKeystroke {
  /** The input's value after the keystroke. */
  value: string;
  /** From the keystroke's input event (its timestamp) to the next frame after its results were rendered. */
  ms: number;
  /** Hits rendered. */
  hits: number;
}

export interface PaletteBuildResult {
  records: number;
  /** Indexing every record loaded, 250 at a time as the palette search does. */
  buildMs: number;
  /** The longest slice of 250 records (what the palette search indexes in one task). */
  longestPageMs: number;
}

export interface PaletteBench {
  /** Hand the page a batch of records (only the fields the palette reads). */
  add(collection: PaletteCollection, records: object[]): void;
  build(): PaletteBuildResult;
  /** Show the search box with this engine; resolves once it is mounted and focused. */
  mount(engine: PaletteEngine): Promise<void>;
  /** The keystrokes timed since the last mount. */
  keystrokes(): PaletteKeystroke[];
}

declare global {
  interface Window {
    paletteBench?: PaletteBench;
  }
}
