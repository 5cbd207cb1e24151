#!/usr/bin/env node
// `npm run bench`: performance benchmarks, each figure against a baseline measured in the same run
// (raw speeds vary between machines and between runs on a shared one, ratios much less). Never part
// of `npm test`.
//
//   npm run bench                          # every part (minutes on 2 cores; palette alone about 10)
//   npm run bench -- --quick               # smaller sizes, shorter runs: a smoke test
//   npm run bench -- --part sync-push      # one part (repeat --part or use commas for several)
//   npm run bench -- --part sync-initial --diagnose   # plus the part's slower diagnostic runs
//   npm run bench -- --list
//
// Each part is a script run in its own Node process (tsx). It receives `--out <file>` and writes a
// result there (tests/bench/support/result.ts: PartResult); this runner prints the table and keeps
// bench/results/<part>-<timestamp>.json and bench/results/latest-<part>.json on this machine only:
// bench/results is ignored by git. The figures that matter, and how they were measured, are kept
// in docs/performance.md.
//
// To add a part: write tests/bench/<area>/<name>.bench.ts with runPart() from
// tests/bench/support/result.ts, and register it in PARTS below.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'bench', 'results');

/**
 * The registered parts, run in this order by default.
 * @type {{ name: string, script: string, description: string }[]}
 */
const PARTS = [
  {
    name: 'sync-push',
    script: 'tests/bench/sync/push.bench.ts',
    description: 'server push throughput (HTTP, SQLite and PostgreSQL) vs raw batched insert',
  },
  {
    name: 'sync-initial',
    script: 'tests/bench/sync/initial.bench.ts',
    description: 'first sync of 100k contacts in Chromium vs raw pull pages + Dexie bulkPut',
  },
  {
    name: 'sync-first-run',
    script: 'tests/bench/sync-first-run/first-run.bench.ts',
    description:
      'a Sales Manager’s first sign-in on a new device (the built app in Chromium) to a team server holding the large demo workspace: first rows, full sync vs raw Dexie bulkPut, long tasks, heap',
  },
  {
    name: 'sync-fanout',
    script: 'tests/bench/sync/fanout.bench.ts',
    description: 'write-to-client latency with 100 connected clients vs 1',
  },
  {
    name: 'sign-in-storm',
    script: 'tests/bench/sync/sign-in-storm.bench.ts',
    description: 'pull latency during a burst of 20 wrong-password sign-ins vs a quiet server',
  },
  {
    name: 'list-search',
    script: 'tests/bench/search/list-search.bench.ts',
    description: 'contacts search index in Chromium: build vs reading the records, main-thread blocks, keystrokes',
  },
  {
    name: 'palette',
    script: 'tests/bench/search/palette.bench.ts',
    description:
      'command palette search over 370k records: build, heap, keystroke search, keystroke-to-paint in Chromium, sync batch',
  },
  {
    name: 'load',
    script: 'tests/bench/load/demo-load.bench.ts',
    description: 'Settings → Demo data: loading the medium set in Chromium vs the same records raw into Dexie',
  },
  {
    name: 'pipeline',
    script: 'tests/bench/pipeline/board.bench.ts',
    description: 'Kanban board with 5k open deals in Chromium: first render, drop-to-persisted, drag frames',
  },
  {
    name: 'tables',
    script: 'tests/bench/tables/record-table.bench.ts',
    description:
      'Contacts record table over 100k contacts in Chromium: first render, sort, filters, search, scrolling, cold start, CSV import',
  },
];

const USAGE = `Usage: npm run bench -- [--quick] [--part NAME[,NAME…]]… [--diagnose] [--strict] [--list]

  --quick     smaller data sets and shorter runs (a smoke test; figures are less stable)
  --part      run only these parts (default: all, in order)
  --diagnose  also run the parts' diagnostic variants (slower; sync-initial writes a CPU profile)
  --strict    exit with status 1 when a target is missed (always 1 when a part fails)
  --list      list the parts and exit

Parts:
${PARTS.map((p) => `  ${p.name.padEnd(14)} ${p.description}`).join('\n')}`;

function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        part: { type: 'string', multiple: true },
        diagnose: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help || values.list) {
    console.log(USAGE);
    return 0;
  }
  const wanted = (values.part ?? []).flatMap((p) => p.split(',')).filter(Boolean);
  const unknown = wanted.filter((name) => !PARTS.some((p) => p.name === name));
  if (unknown.length) {
    console.error(`Unknown part(s): ${unknown.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const selected = wanted.length ? PARTS.filter((p) => wanted.includes(p.name)) : PARTS;

  mkdirSync(RESULTS, { recursive: true });
  const started = Date.now();
  // Sampled before any part runs, so that it is other work's load, not the benchmark's own.
  const loadBefore = loadavg()[0];
  const results = [];
  const failed = [];
  for (const part of selected) {
    console.log(`\n▶ ${part.name}: ${part.description}${values.quick ? ' (quick)' : ''}`);
    const t0 = Date.now();
    const tmp = join(RESULTS, `${part.name}.tmp.json`);
    rmSync(tmp, { force: true });
    const args = ['--import', 'tsx', join(ROOT, part.script), '--out', tmp];
    if (values.quick) args.push('--quick');
    if (values.diagnose) args.push('--diagnose');
    const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    const seconds = ((Date.now() - t0) / 1000).toFixed(0);
    if (run.status !== 0 || !existsSync(tmp)) {
      console.error(`✖ ${part.name} failed after ${seconds} s`);
      failed.push(part.name);
      continue;
    }
    const result = JSON.parse(readFileSync(tmp, 'utf8'));
    rmSync(tmp, { force: true });
    const text = `${JSON.stringify(result, null, 2)}\n`;
    const file = join(RESULTS, `${part.name}-${isoBasic(new Date(result.finishedAt))}.json`);
    writeFileSync(file, text);
    writeFileSync(join(RESULTS, `latest-${part.name}.json`), text);
    console.log(`✔ ${part.name} (${seconds} s) → ${relative(ROOT, file)}`);
    results.push(result);
  }

  if (results.length) {
    console.log(`\n${table(results)}`);
    for (const result of results) {
      for (const note of result.notes ?? []) console.log(`  · ${result.part}: ${note}`);
    }
  }
  if (loadBefore > cpus().length) {
    console.log(
      `\n⚠ The load average was ${loadBefore.toFixed(1)} on ${cpus().length} cores before the benchmark started: ` +
        'other work was competing for the CPU, so these figures are noisier than usual. Run again when it is quiet.',
    );
  }
  const missed = results.flatMap((r) => r.measurements.filter((m) => m.met === false).map((m) => `${r.part}/${m.id}`));
  const total = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `\n${results.length} part(s) in ${total} s; targets missed: ${missed.length ? missed.join(', ') : 'none'}` +
      (failed.length ? `; FAILED: ${failed.join(', ')}` : ''),
  );
  if (failed.length) return 1;
  return values.strict && missed.length ? 1 : 0;
}

/** ISO 8601 basic format (no colons, so the name is a valid file name everywhere): 20260302T101500Z. */
function isoBasic(date) {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function table(results) {
  const header = ['part', 'measurement', 'figure', 'baseline', 'ratio', 'target', 'met'];
  const rows = [];
  for (const result of results) {
    for (const m of result.measurements) {
      rows.push([
        result.part,
        m.name,
        `${quantity(m.figure)} (${m.figure.label})`,
        `${quantity(m.baseline)} (${m.baseline.label})`,
        `${number(m.ratio, 2)}×`,
        target(m),
        m.met === null ? '' : m.met ? 'yes' : 'NO',
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

function target(m) {
  if (!m.target) return '';
  const op = { '>=': '≥', '<=': '≤', '<': '<', '>': '>' }[m.target.op];
  return m.target.on === 'ratio'
    ? `ratio ${op} ${m.target.value}`
    : `${op} ${number(m.target.value, 0)} ${m.figure.unit}`;
}

function quantity(q) {
  const digits = q.unit === 's' ? 2 : q.unit === 'ms' && q.value < 100 ? 1 : 0;
  return `${number(q.value, digits)} ${q.unit}`;
}

function number(value, digits) {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

process.exitCode = main();
