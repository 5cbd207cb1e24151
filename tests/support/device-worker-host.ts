import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type {
  DeviceWorkerApi,
  DeviceWorkerMethod,
  DeviceWorkerRequest,
  DeviceWorkerResponse,
} from './device-worker-protocol';

type Async<T> = { [M in keyof T]: T[M] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never };

/** A simulated device in its own worker thread; every method is a message to it. */
export interface DeviceWorker extends Async<DeviceWorkerApi> {
  readonly index: number;
  /** Stop the thread (whatever it is doing). */
  terminate(): Promise<void>;
}

const ENTRY = pathToFileURL(fileURLToPath(new URL('./device-worker.ts', import.meta.url))).href;
// Node 20 does not apply `--import tsx` from a worker's execArgv to the worker's entry module, so a
// tiny JavaScript bootstrap registers tsx's loader in the thread and then imports the TypeScript
// entry (tsx also resolves the tsconfig `@domain/*` paths the app's modules use).
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
const BOOTSTRAP = `import(${JSON.stringify(TSX_API.replace(/\.cjs$/, '.mjs'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY)}); })
  .catch((error) => { setTimeout(() => { throw error; }); });`;

/**
 * Start a device worker. Calls time out after `callTimeoutMs` (a stuck device fails the test with
 * the method's name instead of hanging it); a crashed thread fails every call still waiting.
 */
export function startDeviceWorker(index: number, options: { callTimeoutMs?: number } = {}): DeviceWorker {
  const callTimeoutMs = options.callTimeoutMs ?? 120_000;
  const worker = new Worker(BOOTSTRAP, { eval: true, name: `device-${index}` });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let dead: Error | null = null;

  const failAll = (error: Error) => {
    dead = error;
    for (const call of waiting.values()) call.reject(error);
    waiting.clear();
  };
  worker.on('message', (response: DeviceWorkerResponse) => {
    const call = waiting.get(response.id);
    if (!call) return;
    waiting.delete(response.id);
    if (response.ok) call.resolve(response.result);
    else call.reject(new Error(`device ${index}: ${response.error}`));
  });
  worker.on('error', (error) => failAll(new Error(`device ${index} worker crashed: ${error.stack ?? error.message}`)));
  worker.on('exit', (code) => failAll(new Error(`device ${index} worker exited (code ${code})`)));

  const call = <M extends DeviceWorkerMethod>(method: M, ...args: Parameters<DeviceWorkerApi[M]>) =>
    new Promise<ReturnType<DeviceWorkerApi[M]>>((resolve, reject) => {
      if (dead) return reject(dead);
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`device ${index}: ${method} did not answer within ${callTimeoutMs} ms`));
      }, callTimeoutMs);
      waiting.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as ReturnType<DeviceWorkerApi[M]>);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      const request: DeviceWorkerRequest<M> = { id, method, args };
      worker.postMessage(request);
    });

  return {
    index,
    open: (args) => call('open', args),
    ensurePipeline: () => call('ensurePipeline'),
    apply: (op) => call('apply', op),
    setOnline: (online) => call('setOnline', online),
    awaitInSync: (timeoutMs) => call('awaitInSync', timeoutMs),
    status: () => call('status'),
    snapshot: () => call('snapshot'),
    history: (collection, id) => call('history', collection, id),
    close: () => call('close'),
    async terminate() {
      failAll(new Error(`device ${index} worker terminated`));
      await worker.terminate();
    },
  };
}
