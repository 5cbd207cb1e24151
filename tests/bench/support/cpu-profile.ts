import { round } from './result';

/** A CPU profile as CDP's Profiler.stop returns it (the fields read here). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfiledFunction {
  fn: string;
  /** Time on the function itself, ms. */
  selfMs: number;
  /** Time on it and what it called, ms (each sample counted once per function). */
  totalMs: number;
}

const frameKey = (frame: CpuProfile['nodes'][number]['callFrame']) => {
  const file = frame.url.split('/').pop() ?? '';
  return `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
};

/**
 * The heaviest functions of a profile, by self time (`by: 'self'`) or by inclusive time
 * (`by: 'total'`: where the time went, callers included — what a fix has to reach).
 */
export function heaviest(profile: CpuProfile, top: number, by: 'self' | 'total' = 'self'): ProfiledFunction[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    const node = byNode.get(id);
    if (!node) return;
    const key = frameKey(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = frameKey(byNode.get(at)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  });
  const ranked = by === 'self' ? self : total;
  return [...ranked]
    .filter(([fn]) => by === 'self' || !/^\((root|program|idle|garbage collector)\)/.test(fn))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn]) => ({ fn, selfMs: round(self.get(fn) ?? 0), totalMs: round(total.get(fn) ?? 0) }));
}
