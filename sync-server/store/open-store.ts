import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openPostgresStore } from './postgres-store';
import { openSqliteStore } from './sqlite-store';
import type { Store } from './store';

const ACCEPTED_FORMS = [
  'sqlite:<path> (e.g. sqlite:./data/outpost.db)',
  'sqlite::memory: (tests only: nothing is kept)',
  'postgres://user:password@host:port/database (or postgresql://…)',
];

/** Opens the store a server URL names: the one switch between the two adapters. */
export async function openStore(url: string): Promise<Store> {
  if (url === 'sqlite::memory:') return openSqliteStore(':memory:');
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === '')
      throw new Error(`Store URL '${url}' has no file path. Accepted forms: ${ACCEPTED_FORMS.join('; ')}`);
    const file = resolve(path);
    mkdirSync(dirname(file), { recursive: true });
    return openSqliteStore(file);
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgresStore(url);
  throw new Error(`Unsupported store URL '${redact(url)}'. Accepted forms: ${ACCEPTED_FORMS.join('; ')}`);
}

/** Error messages end up in logs: never echo a password that came in a URL. */
function redact(url: string): string {
  return url.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@');
}
