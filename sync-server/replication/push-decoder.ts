import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createRecordValidator } from '@domain/record-validation/record-validator';
import { decodePush, type DecodeJob, type DecodeResult } from './push-decoding';

/** Decodes push requests (push-decoding.ts), on decoder threads or inline. */
export interface PushDecoder {
  decode(job: DecodeJob): Promise<DecodeResult>;
  close(): Promise<void>;
}

/**
 * Decoder threads for a server on this machine: one per core beyond the event loop's, at most
 * four. On one core there is nothing to gain: decode inline.
 */
export function defaultDecoderThreads(): number {
  return Math.min(4, Math.max(0, availableParallelism() - 1));
}

/** Decodes on the calling thread: tests, and machines with a single core. */
export function inlineDecoder(): PushDecoder {
  const validator = createRecordValidator();
  return {
    decode: async (job) => decodePush(job, validator),
    close: async () => undefined,
  };
}

/**
 * The worker's file next to this module: the bundle's own `push-decoder-worker.mjs` in the built
 * server (scripts/build-server.mjs emits both), or the TypeScript source when the server runs from
 * source (tsx, vitest), loaded through tsx's API — Node 20 does not pass `--import` loaders to
 * worker threads.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./push-decoder-worker.mjs', import.meta.url));
  // tsx's ESM entry: `require.resolve` would answer its CommonJS one.
  const tsx = pathToFileURL(
    join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
  ).href;
  const source = new URL('./push-decoder-worker.ts', import.meta.url).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(source)}, ${JSON.stringify(import.meta.url)}))`,
    { eval: true },
  );
}

interface Pending {
  resolve(result: DecodeResult): void;
  reject(error: Error): void;
}

/** One decoder thread; replaced by the pool if it dies after it had started. */
class DecoderThread {
  readonly pending = new Map<number, Pending>();
  readonly ready: Promise<void>;
  /** Set once it has answered its first message: only such a thread is worth replacing. */
  started = false;
  /** Why it stopped: it takes no more jobs (a message to an exited worker is never answered). */
  dead: Error | null = null;
  private readonly worker: Worker;

  constructor(onExit: (thread: DecoderThread) => void) {
    this.worker = startWorker();
    // Referenced until it is ready (the server waits for it), then only while it has jobs.
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.once('error', reject);
      this.worker.once('message', () => {
        this.started = true;
        this.worker.unref();
        resolve();
      });
    });
    this.ready.catch(() => undefined);
    this.worker.on('message', (message: { id?: number; result?: DecodeResult; failed?: string }) => {
      if (message.id === undefined) return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (this.pending.size === 0) this.worker.unref();
      if (message.failed !== undefined) waiter?.reject(new Error(`push decoding failed: ${message.failed}`));
      else waiter?.resolve(message.result!);
    });
    const fail = (error: Error) => {
      if (this.dead) return;
      this.dead = error;
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
      onExit(this);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`push decoder thread exited (${code})`)));
  }

  decode(id: number, job: DecodeJob): Promise<DecodeResult> {
    if (this.dead) return Promise.reject(this.dead);
    return new Promise<DecodeResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      // The body's bytes move to the thread when they own their buffer; else they are copied.
      const { body } = job;
      const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
      this.worker.postMessage({ id, job }, owned && body.buffer instanceof ArrayBuffer ? [body.buffer] : []);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/**
 * `threads` decoder threads, each job to the live one with the fewest jobs in flight. A thread
 * that dies fails its jobs (those requests answer 500, safe to retry) and is replaced, unless it
 * died before it had started (a replacement would only fail the same way, over and over).
 */
export async function threadDecoder(threads: number): Promise<PushDecoder> {
  let closed = false;
  const pool: DecoderThread[] = [];
  const start = (): DecoderThread => {
    const thread: DecoderThread = new DecoderThread((dead) => {
      const index = pool.indexOf(dead);
      if (index >= 0 && !closed && dead.started) pool[index] = start();
    });
    return thread;
  };
  for (let i = 0; i < threads; i++) pool.push(start());
  try {
    await Promise.all(pool.map((thread) => thread.ready));
  } catch (error) {
    closed = true;
    await Promise.all(pool.map((thread) => thread.close()));
    throw error;
  }
  let nextId = 0;
  return {
    decode(job) {
      if (closed) return Promise.reject(new Error('the push decoder is closed'));
      const live = pool.filter((thread) => !thread.dead);
      if (live.length === 0) return Promise.reject(new Error('no push decoder thread is running'));
      const idlest = live.reduce((best, thread) => (thread.pending.size < best.pending.size ? thread : best));
      return idlest.decode(nextId++, job);
    },
    async close() {
      closed = true;
      await Promise.all(pool.map((thread) => thread.close()));
    },
  };
}
