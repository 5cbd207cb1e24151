import { createElement as h, Fragment, useLayoutEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { PaletteCollection, TextRange } from '../../../domain/palette-search';
import { PaletteIndex, type PaletteDoc } from '../../../renderer/search/palette-index';
import { NaivePaletteScan } from '../support/naive-palette-scan';
import type { PaletteBench, PaletteEngine, PaletteKeystroke } from './palette-protocol';

/**
 * The browser half of the palette part: the palette's index (or the naive scan it is measured
 * against) behind a search box whose results React renders as the palette will — groups of
 * labels with the matched ranges marked — timed from each keystroke to the frame that shows its
 * results.
 */

const status = (text: string) => {
  document.getElementById('status')!.textContent = text;
};

const loaded: { collection: PaletteCollection; doc: PaletteDoc }[] = [];
const index = new PaletteIndex();
const naive = new NaivePaletteScan();
let timed: PaletteKeystroke[] = [];
/** Keystrokes waiting for their frame: the input event's timestamp, by the value it left. */
const started = new Map<string, number>();

interface Shown {
  value: string;
  groups: { collection: string; hits: { id: string; label: string; detail: string; ranges: readonly TextRange[] }[] }[];
}

function search(engine: PaletteEngine, value: string): Shown {
  if (engine === 'naive') {
    return {
      value,
      groups: naive.search(value).map((g) => ({
        collection: g.collection,
        hits: g.labels.map((label, i) => ({ id: `${i}`, label, detail: '', ranges: [] })),
      })),
    };
  }
  return {
    value,
    groups: index.search(value).groups.map((g) => ({
      collection: g.collection,
      hits: g.hits.map((hit) => ({ id: hit.id, label: hit.label, detail: hit.detail, ranges: hit.labelRanges })),
    })),
  };
}

function marked(text: string, ranges: readonly TextRange[]): ReactNode {
  const out: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    out.push(text.slice(at, start), h('mark', { key: start }, text.slice(start, end)));
    at = end;
  }
  out.push(text.slice(at));
  return h(Fragment, null, ...out);
}

function Palette({ engine }: { engine: PaletteEngine }) {
  const [shown, setShown] = useState<Shown>({ value: '', groups: [] });
  useLayoutEffect(() => {
    const start = started.get(shown.value);
    if (start === undefined) return;
    started.delete(shown.value);
    const hits = shown.groups.reduce((n, g) => n + g.hits.length, 0);
    requestAnimationFrame(() =>
      setTimeout(() => timed.push({ value: shown.value, ms: performance.now() - start, hits }), 0),
    );
  }, [shown]);
  return h(
    'div',
    { role: 'dialog', 'aria-label': 'Search everything' },
    h('input', {
      'aria-label': 'Search',
      autoFocus: true,
      onChange: (event: { target: HTMLInputElement; timeStamp: number }) => {
        const value = event.target.value;
        started.set(value, event.timeStamp);
        setShown(search(engine, value));
      },
    }),
    ...shown.groups.map((group) =>
      h(
        'section',
        { key: group.collection, 'aria-label': group.collection },
        h('h2', null, group.collection),
        h(
          'ul',
          null,
          ...group.hits.map((hit) =>
            h('li', { key: hit.id }, h('span', null, marked(hit.label, hit.ranges)), ' ', h('small', null, hit.detail)),
          ),
        ),
      ),
    ),
  );
}

const root = createRoot(document.getElementById('root')!);

window.paletteBench = {
  add(collection, records) {
    for (const doc of records) loaded.push({ collection, doc: doc as PaletteDoc });
    status(`loaded ${loaded.length}`);
  },
  build() {
    let longestPageMs = 0;
    const begin = performance.now();
    for (let start = 0; start < loaded.length; start += 250) {
      const pageStart = performance.now();
      for (const { collection, doc } of loaded.slice(start, start + 250)) index.put(collection, doc);
      longestPageMs = Math.max(longestPageMs, performance.now() - pageStart);
    }
    const buildMs = performance.now() - begin;
    for (const { collection, doc } of loaded) naive.add(collection, doc);
    status('built');
    return { records: index.size, buildMs, longestPageMs };
  },
  async mount(engine) {
    timed = [];
    started.clear();
    root.render(h(Palette, { key: engine, engine }));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    document.querySelector('input')!.focus();
  },
  keystrokes: () => timed,
} satisfies PaletteBench;
status('ready');
