/** The bench page asks its traced storage worker (traced-storage.worker.ts) for what it recorded. */
export const TRACE_REQUEST = 'outpost-bench-trace';
export const TRACE_REPLY = 'outpostBenchTrace';

/** One write transaction in the worker, epoch ms (performance.timeOrigin + now()). */
export interface WorkerTxRecord {
  created: number;
  complete: number | null;
}
