import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../../scripts/check-links.mjs';

// Paths of documents that do not exist, put together at run time: written out, they would fail the
// very check under test when it reads this file.
const MISSING_ADR = ['docs', 'adr', '0004-desktop-bridge.md'].join('/');

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A repository of the given files; returns its root and the file list, as `npm run lint` passes it. */
function repository(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'outpost-links-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return { root, files: Object.keys(files) };
}

describe('the link check of npm run lint', () => {
  it('reports a relative Markdown link to a file that does not exist, with its file and line', () => {
    const { root, files } = repository({
      'README.md': '# Outpost\n\nSee [the protocol](docs/sync-protocol.md) and [the benches](tests/bench/README.md).\n',
      'docs/sync-protocol.md': '# Protocol\n',
    });
    expect(findBrokenLinks(root, files)).toEqual([{ file: 'README.md', line: 3, target: 'tests/bench/README.md' }]);
  });

  it('resolves a link from the folder of the file that holds it, and checks images too', () => {
    const { root, files } = repository({
      'docs/adr/0001-layers.md':
        '[performance](../performance.md), [same folder](0001-layers.md)\n\n![shot](../shot.png)\n',
      'docs/performance.md': '# Performance\n',
    });
    expect(findBrokenLinks(root, files)).toEqual([{ file: 'docs/adr/0001-layers.md', line: 3, target: '../shot.png' }]);
  });

  it('accepts existing files and folders with anchors, in-page anchors and links with a scheme', () => {
    const { root, files } = repository({
      'docs/security.md':
        '[a](sync-protocol.md#endpoints) [b](../tests/) [c](#pull) [d](https://example.org/x.md) [e](mailto:a@b.c)\n',
      'docs/sync-protocol.md': '# Protocol\n',
      'tests/unit.test.ts': '',
    });
    expect(findBrokenLinks(root, files)).toEqual([]);
  });

  it('leaves link syntax inside code alone', () => {
    const { root, files } = repository({
      'docs/sync-protocol.md': '```\n[not a link](nowhere.md)\n```\n\n`[nor this](nowhere.md)`\n',
    });
    expect(findBrokenLinks(root, files)).toEqual([]);
  });

  it('reports a docs/ path cited in a code comment that names no file, and accepts one that does', () => {
    const { root, files } = repository({
      'sync-server/store/store.ts': `// Pages stay full (docs/sync-pitfalls.md).\n/** See ${MISSING_ADR}. */\n`,
      'docs/sync-pitfalls.md': '# Pitfalls\n',
    });
    expect(findBrokenLinks(root, files)).toEqual([
      { file: 'sync-server/store/store.ts', line: 2, target: MISSING_ADR },
    ]);
  });
});
