/**
 * Writes a deterministic demo workspace as NDJSON, one file per collection plus a manifest:
 *
 *   npm run seed                                  # small set into data/demo/small
 *   npm run seed -- --size large --seed 7         # ~435k records into data/demo/large
 *   npm run seed -- --today 2026-03-02 --out /tmp/demo
 *   npm run seed -- --size large --into sqlite:data/outpost.db   # into a sync server's store
 *
 * Generation (demo-data/) yields batches; a sink consumes them: NDJSON files (writeNdjson), or a
 * sync server's store (seedStore, over ./store-sink), from which devices pull the workspace.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { COLLECTION_NAMES, type CollectionName } from '../domain/collections';
import {
  DEFAULT_DEMO_SEED,
  demoBatches,
  demoRecordCount,
  type DemoBatch,
  type DemoBatchOptions,
  type DemoSize,
} from '../demo-data';
import { isIsoDate, toIsoDate } from '../domain/time';
import { OWNER_SECRET } from '../sync-server/auth/user-records';
import { openStore } from '../sync-server/store/open-store';
import type { Store } from '../sync-server/store/store';
import { writeToStore, type CollectionCounts, type StoreSinkResult } from './store-sink';

export interface SeedArgs {
  size: DemoSize;
  seed: number;
  today: string;
  out: string;
  /** A sync server's store URL (`sqlite:<file>`, `postgres://…`): seed it instead of writing files. */
  into?: string;
}

const USAGE = `Usage: npm run seed -- [--size small|medium|large] [--seed N] [--today YYYY-MM-DD] [--out DIR | --into STORE]

  --size    small (~750 records, default), medium (~26,600) or large (~435,000 records)
  --seed    an integer from 0 to 4294967295 (default ${DEFAULT_DEMO_SEED}); same seed + today = same bytes
  --today   the day the data is "as of", UTC (default: today)
  --out     output directory (default: data/demo/<size>)
  --into    a sync server's store instead of files: sqlite:data/outpost.db or postgres://…
            The store's owner (its first Sales Manager, or the single-user owner) owns the
            manager's records. Seed before starting the server on that store, or restart it after.`;

export class UsageError extends Error {}

export function parseSeedArgs(argv: string[], now: () => number = Date.now): SeedArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string', default: 'small' },
      seed: { type: 'string', default: String(DEFAULT_DEMO_SEED) },
      today: { type: 'string' },
      out: { type: 'string' },
      into: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const size = values.size;
  if (size !== 'small' && size !== 'medium' && size !== 'large')
    throw new UsageError(`--size must be small, medium or large, not "${size}"`);
  const seed = Number(values.seed);
  if (!/^\d+$/.test(values.seed ?? '') || !Number.isSafeInteger(seed) || seed > 0xffff_ffff)
    throw new UsageError(`--seed must be an integer from 0 to 4294967295, not "${values.seed}"`);
  const today = values.today ?? toIsoDate(now());
  if (!isIsoDate(today)) throw new UsageError(`--today must be a YYYY-MM-DD date, not "${today}"`);
  if (values.into !== undefined && values.out !== undefined)
    throw new UsageError('--out and --into name two destinations: give one');
  if (values.into === '') throw new UsageError('--into needs a store URL: sqlite:<file> or postgres://…');
  return {
    size,
    seed,
    today,
    out: resolve(values.out ?? join('data', 'demo', size)),
    ...(values.into !== undefined ? { into: values.into } : {}),
  };
}

export type { CollectionCounts } from './store-sink';

export interface WriteNdjsonOptions {
  /** Called after each batch with the records written so far. */
  onProgress?: (written: number) => void;
}

/**
 * Write batches as `<collection>.ndjson` files (one JSON record per line) in `outDir`, every
 * collection included even when empty. Files are written beside their final names and renamed at
 * the end, so an interrupted run never leaves a truncated file that looks complete.
 */
export async function writeNdjson(
  outDir: string,
  batches: Iterable<DemoBatch>,
  options: WriteNdjsonOptions = {},
): Promise<CollectionCounts> {
  await mkdir(outDir, { recursive: true });
  const counts = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, 0])) as CollectionCounts;
  const partial = (c: CollectionName) => join(outDir, `${c}.ndjson.partial`);
  const streams = new Map<CollectionName, WriteStream>(
    COLLECTION_NAMES.map((c) => [c, createWriteStream(partial(c), { encoding: 'utf8' })]),
  );
  let written = 0;
  try {
    for (const batch of batches) {
      let text = '';
      for (const record of batch.records) text += `${JSON.stringify(record)}\n`;
      const stream = streams.get(batch.collection)!;
      if (!stream.write(text)) await once(stream, 'drain');
      counts[batch.collection] += batch.records.length;
      written += batch.records.length;
      options.onProgress?.(written);
    }
    await Promise.all(
      [...streams.values()].map(
        (s) => new Promise<void>((done, fail) => s.end((e?: Error | null) => (e ? fail(e) : done()))),
      ),
    );
  } catch (error) {
    for (const s of streams.values()) s.destroy();
    await Promise.all(COLLECTION_NAMES.map((c) => rm(partial(c), { force: true })));
    throw error;
  }
  for (const c of COLLECTION_NAMES) await rename(partial(c), join(outDir, `${c}.ndjson`));
  return counts;
}

export interface Manifest {
  size: DemoSize;
  seed: number;
  today: string;
  generatedAt: string;
  elapsedMs: number;
  total: number;
  counts: CollectionCounts;
  files: Record<CollectionName, string>;
}

export async function seed(args: SeedArgs, log: (line: string) => void = console.log): Promise<Manifest> {
  const started = performance.now();
  const options: DemoBatchOptions = { size: args.size, seed: args.seed, today: args.today };
  const total = demoRecordCount(options);
  const progress = args.size === 'large' ? progressReporter(total) : undefined;
  const counts = await writeNdjson(args.out, demoBatches(options), { onProgress: progress?.update });
  progress?.done();
  const elapsedMs = Math.round(performance.now() - started);
  const manifest: Manifest = {
    size: args.size,
    seed: args.seed,
    today: args.today,
    generatedAt: new Date().toISOString(),
    elapsedMs,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
    files: Object.fromEntries(COLLECTION_NAMES.map((c) => [c, `${c}.ndjson`])) as Record<CollectionName, string>,
  };
  await writeFile(join(args.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const bytes = (await Promise.all(COLLECTION_NAMES.map((c) => stat(join(args.out, `${c}.ndjson`))))).reduce(
    (sum, s) => sum + s.size,
    0,
  );
  const list = COLLECTION_NAMES.map((c) => `${counts[c].toLocaleString('en')} ${c}`).join(', ');
  log(
    `Seeded ${args.size} demo (seed ${args.seed}, today ${args.today}) into ${args.out}: ${list} — ` +
      `${manifest.total.toLocaleString('en')} records, ${(bytes / 1e6).toFixed(1)} MB in ${(elapsedMs / 1000).toFixed(1)} s`,
  );
  return manifest;
}

export interface StoreSeedResult extends StoreSinkResult {
  /** Records the demo workspace has (written + kept). */
  total: number;
  elapsedMs: number;
}

export interface SeedStoreOptions {
  /** Called after each batch with the records handled so far (written or kept). */
  onProgress?: (handled: number) => void;
}

/**
 * Writes a demo workspace into the store a server URL names (`sqlite:<file>`, `postgres://…`),
 * for devices to pull. The store's owner (the first Sales Manager of a team server, or the
 * single-user owner) takes the demo manager's place: the manager's records are theirs, on their
 * team; the other demo people are profiles without accounts (docs/adr/0022). A store nobody has
 * signed in to yet keeps the demo's own manager (Emma Clarke). Records already there are kept.
 */
export async function seedStore(
  storeUrl: string,
  options: DemoBatchOptions,
  seedOptions: SeedStoreOptions = {},
): Promise<StoreSeedResult> {
  const started = performance.now();
  const store = await openStore(storeUrl);
  try {
    const owner = await storeOwner(store);
    const batches = demoBatches({ ...options, ...(owner ? { currentUser: owner } : {}) });
    const result = await writeToStore(store, batches, seedOptions);
    const total = Object.values(result.written).reduce((a, b) => a + b, 0) + result.kept;
    return { ...result, total, elapsedMs: Math.round(performance.now() - started) };
  } finally {
    await store.close();
  }
}

/** The owner's profile as the demo's manager: id, team and name; null before anyone signed in. */
async function storeOwner(store: Store): Promise<{ id: string; teamId: string; name: string } | null> {
  const ownerId = await store.auth.getSecret(OWNER_SECRET);
  if (!ownerId) return null;
  const profile = (await store.getRecords('users', [ownerId])).get(ownerId);
  if (!profile || profile.deleted) return null;
  const body = profile.body as { teamId?: string; name?: string };
  return { id: ownerId, teamId: body.teamId ?? '', name: body.name ?? '' };
}

/** One progress line, rewritten in place on a terminal, or a line per 10% when piped to a log. */
function progressReporter(total: number) {
  const tty = process.stderr.isTTY;
  const started = performance.now();
  let lastPrinted = 0;
  let lastTenth = -1;
  const line = (written: number) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round(written / Math.max(seconds, 0.001));
    return `  ${written.toLocaleString('en')} / ${total.toLocaleString('en')} records (${Math.floor((written / total) * 100)}%), ${rate.toLocaleString('en')}/s`;
  };
  return {
    update: (written: number) => {
      if (tty) {
        const now = performance.now();
        if (now - lastPrinted < 200 && written < total) return;
        lastPrinted = now;
        process.stderr.write(`\r${line(written)}`);
      } else {
        const tenth = Math.floor((written / total) * 10);
        if (tenth !== lastTenth) {
          lastTenth = tenth;
          process.stderr.write(`${line(written)}\n`);
        }
      }
    },
    done: () => {
      if (tty) process.stderr.write('\n');
    },
  };
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let args: SeedArgs;
  try {
    args = parseSeedArgs(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.into !== undefined) {
    await seedInto(args.into, args);
    return 0;
  }
  await seed(args);
  return 0;
}

/** `--into`: the progress line while writing, then one summary line with the rate. */
async function seedInto(storeUrl: string, args: SeedArgs): Promise<void> {
  const options: DemoBatchOptions = { size: args.size, seed: args.seed, today: args.today };
  const progress = progressReporter(demoRecordCount(options));
  const result = await seedStore(storeUrl, options, { onProgress: progress.update });
  progress.done();
  const written = Object.values(result.written).reduce((a, b) => a + b, 0);
  const seconds = result.elapsedMs / 1000;
  const rate = Math.round(result.total / Math.max(seconds, 0.001));
  console.log(
    `Seeded ${args.size} demo (seed ${args.seed}, today ${args.today}) into ${redactStoreUrl(storeUrl)}: ` +
      `${written.toLocaleString('en')} records written, ${result.kept.toLocaleString('en')} already there, ` +
      `in ${seconds.toFixed(1)} s (${rate.toLocaleString('en')} records/s)`,
  );
}

/** The summary ends up in terminals and logs: never echo a password that came in a URL. */
function redactStoreUrl(url: string): string {
  return url.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
