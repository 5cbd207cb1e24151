import { parentPort } from 'node:worker_threads';
import { createRecordValidator } from '@domain/record-validation/record-validator';
import { decodePush, type DecodeJob } from './push-decoding';

/**
 * A push decoder thread (push-decoder.ts): decodes the jobs it is sent, one at a time, and answers
 * each with its id. An exception (a bug, a failed migration) is answered as `failed`, so that one
 * request fails and the thread lives on.
 */
if (!parentPort) throw new Error('push-decoder-worker runs as a worker thread');
const port = parentPort;
const validator = createRecordValidator();

port.on('message', (message: { id: number; job: DecodeJob }) => {
  try {
    port.postMessage({ id: message.id, result: decodePush(message.job, validator) });
  } catch (error) {
    port.postMessage({ id: message.id, failed: error instanceof Error ? error.message : String(error) });
  }
});
port.postMessage({ ready: true });
