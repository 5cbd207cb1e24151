import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * What every benchmark part hands back to scripts/bench.mjs: measurements, each against a baseline
 * measured in the same run (docs/performance.md: raw speeds differ from machine to machine and from run
 * to run on a shared one, so only ratios are comparable).
 */
export interface Quantity {
  /** What was measured, e.g. "HTTP push, 4 clients". */
  label: string;
  value: number;
  /** "docs/s", "ms", "s"… */
  unit: string;
}

export interface Target {
  /** The target applies to the ratio (figure / baseline) or to the figure itself. */
  on: 'ratio' | 'figure';
  op: '>=' | '<=' | '<' | '>';
  value: number;
}

export interface Measurement {
  /** Stable key, e.g. "push.sqlite". */
  id: string;
  /** One line for the table. */
  name: string;
  figure: Quantity;
  baseline: Quantity;
  /**
   * figure / baseline (for times: how many times slower; for rates: the share of the baseline), or
   * a steadier estimate of it that the part explains in its notes (e.g. a median of paired rounds).
   */
  ratio: number;
  /** null for figures reported for information only. */
  target: Target | null;
  /** null when there is no target. */
  met: boolean | null;
  details?: Record<string, unknown>;
}

export interface PartResult {
  part: string;
  quick: boolean;
  startedAt: string;
  finishedAt: string;
  environment: Record<string, unknown>;
  config: Record<string, unknown>;
  measurements: Measurement[];
  /** Findings, caveats, anything a reader of the table should know. */
  notes: string[];
}

export interface PartArgs {
  quick: boolean;
  /** Where the part writes its PartResult (JSON); scripts/bench.mjs reads it from there. */
  out: string | null;
  /** Extra, slower diagnostic runs (parts that have some). */
  diagnose: boolean;
}

export function parsePartArgs(argv = process.argv.slice(2)): PartArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
      diagnose: { type: 'boolean', default: false },
    },
    strict: true,
  });
  return { quick: values.quick ?? false, out: values.out ?? null, diagnose: values.diagnose ?? false };
}

export function measurement(fields: Omit<Measurement, 'ratio' | 'met'> & { ratio?: number }): Measurement {
  const ratio = fields.ratio ?? fields.figure.value / fields.baseline.value;
  const target = fields.target;
  const met = target ? compare(target.on === 'ratio' ? ratio : fields.figure.value, target) : null;
  return { ...fields, ratio: round(ratio, 3), met };
}

function compare(value: number, target: Target): boolean {
  switch (target.op) {
    case '>=':
      return value >= target.value;
    case '<=':
      return value <= target.value;
    case '<':
      return value < target.value;
    case '>':
      return value > target.value;
  }
}

export function environment(): Record<string, unknown> {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: round(totalmem() / 2 ** 30, 1),
  };
}

/** Runs a part: its body returns measurements, notes and config; the result goes to `--out`. */
export async function runPart(
  part: string,
  body: (args: PartArgs) => Promise<Pick<PartResult, 'measurements' | 'notes' | 'config'> & { environment?: object }>,
): Promise<void> {
  const args = parsePartArgs();
  const startedAt = new Date().toISOString();
  // The machine may be shared: a load average above the core count means the figures are noisy.
  const loadAtStart = loadavg()[0]!;
  try {
    const produced = await body(args);
    const result: PartResult = {
      part,
      quick: args.quick,
      startedAt,
      finishedAt: new Date().toISOString(),
      environment: {
        ...environment(),
        loadAverage: { atStart: round(loadAtStart, 2), atEnd: round(loadavg()[0]!, 2) },
        ...produced.environment,
      },
      config: produced.config,
      measurements: produced.measurements,
      notes: produced.notes,
    };
    if (args.out) {
      mkdirSync(dirname(args.out), { recursive: true });
      writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
    } else {
      console.log(JSON.stringify(result, null, 2));
    }
  } catch (error) {
    console.error(`bench part ${part} failed:`, error);
    process.exitCode = 1;
  }
  // Lingering handles (keep-alive sockets, pools) must not keep a finished part alive.
  setTimeout(() => process.exit(), 200).unref();
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const loaded = performance.now();

/** A progress line, with the seconds since the part started. */
export function log(part: string, message: string): void {
  console.log(`  [${part} +${((performance.now() - loaded) / 1000).toFixed(1)}s] ${message}`);
}
