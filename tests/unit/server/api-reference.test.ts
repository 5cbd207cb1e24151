import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../sync-server/server';
import { openStore } from '../../../sync-server/store/open-store';
import type { Store } from '../../../sync-server/store/store';
import { ERROR_CODES } from '../../../scripts/api-reference/error-codes';
import { renderApiReference } from '../../../scripts/api-reference/render-api-reference';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const reference = () => readFileSync(join(root, 'docs/api.md'), 'utf8');
/** The endpoints docs/api.md documents, from its `### METHOD /path` headings. */
const documentedRoutes = () =>
  [...reference().matchAll(/^### (GET|POST|PATCH|PUT|DELETE) (\/\S*)$/gm)].map((m) => `${m[1]} ${m[2]}`).sort();

describe('docs/api.md', () => {
  it('is what `npm run docs:api` writes from today’s schemas (run it after changing them)', () => {
    expect(reference() === renderApiReference(), 'docs/api.md is out of date: run `npm run docs:api`').toBe(true);
  });

  describe('against the routes the server registers', () => {
    let store: Store;
    let app: FastifyInstance;
    const registered: string[] = [];

    beforeAll(async () => {
      store = await openStore('sqlite::memory:');
      app = await buildServer({
        store,
        auth: { mode: 'team', passwordCost: { N: 1024, r: 1, p: 1 } },
        logger: false,
        onRoute: ({ method, url }) => {
          for (const m of ([] as string[]).concat(method)) registered.push(`${m} ${url}`);
        },
      });
      await app.ready();
    });
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    // HEAD of every GET is Fastify's own, and OPTIONS * the CORS preflight: the overview documents both.
    const apiRoutes = () => [...new Set(registered)].filter((r) => !r.startsWith('HEAD ') && r !== 'OPTIONS *').sort();

    it('documents every route the server registers', () => {
      expect(apiRoutes().length).toBeGreaterThan(10);
      expect(apiRoutes().filter((route) => !documentedRoutes().includes(route))).toEqual([]);
    });

    it('documents no route the server does not have', () => {
      expect(documentedRoutes().filter((route) => !apiRoutes().includes(route))).toEqual([]);
    });
  });

  it('lists every error code the server answers with, with its status', () => {
    const sources = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? sources(join(dir, entry.name))
          : entry.name.endsWith('.ts')
            ? [readFileSync(join(root, dir, entry.name), 'utf8')]
            : [],
      );
    const answered = new Map<string, Set<number>>();
    for (const text of sources('sync-server')) {
      for (const m of text.matchAll(/HttpError\(\s*(\d{3}),\s*'([a-zA-Z]+\.[a-zA-Z]+)'/g)) {
        answered.set(m[2]!, (answered.get(m[2]!) ?? new Set()).add(Number(m[1])));
      }
      for (const m of text.matchAll(/status\((\d{3})\)\s*\.send\(\s*errorBody\(\s*'([a-zA-Z]+\.[a-zA-Z]+)'/g)) {
        answered.set(m[2]!, (answered.get(m[2]!) ?? new Set()).add(Number(m[1])));
      }
    }
    expect(answered.size).toBeGreaterThan(15);
    const documented = ERROR_CODES as Record<string, { status: number }>;
    const wrong = [...answered].filter(([code, statuses]) => [...statuses].some((s) => documented[code]?.status !== s));
    expect(wrong).toEqual([]);
    for (const code of answered.keys()) expect(reference()).toContain(`\`${code}\``);
  });
});
