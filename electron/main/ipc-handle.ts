import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { originOf } from './app-origin';
import type { ArgsValidator } from './ipc-validators';

export const IPC_CHANNEL_PREFIX = 'outpost:';

/** Registers one invoke handler; see createIpcHandle for what it refuses before `fn` runs. */
export type Handle = <A extends unknown[], R>(
  channel: string,
  validate: ArgsValidator<A>,
  fn: (...args: A) => R | Promise<R>,
) => void;

export class IpcRejectedError extends Error {
  constructor(channel: string, reason: string) {
    super(`IPC call on ${channel} rejected: ${reason}`);
    this.name = 'IpcRejectedError';
  }
}

export interface IpcHandleOptions {
  ipcMain: Pick<IpcMain, 'handle'>;
  /** The renderer origin allowed to call (app://outpost, or the Vite dev server in development). */
  trustedOrigin: string;
  /** Told about every refused call, for the log. */
  onRejected?: (error: IpcRejectedError) => void;
}

/** Why a sender may not call, or null when it may: a live top-level frame of the trusted origin. */
function senderProblem(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, trustedOrigin: string): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sender frame is gone';
  if (frame.parent !== null) return 'only the top-level frame may call';
  if (originOf(frame.origin) !== trustedOrigin || originOf(frame.url) !== trustedOrigin) {
    return `sender origin ${JSON.stringify(frame.origin)} is not trusted`;
  }
  return null;
}

/**
 * The one wrapper every IPC handler goes through. It refuses channels outside the app's prefix
 * (at registration), then per call: a missing sender frame, a sub-frame, a sender whose origin is
 * not the app's, and arguments that fail the handler's validator. Only then does `fn` run, with
 * the validated arguments and never the event (handlers cannot reach `sender` or `senderFrame`).
 */
export function createIpcHandle({ ipcMain, trustedOrigin, onRejected }: IpcHandleOptions): Handle {
  return (channel, validate, fn) => {
    if (!channel.startsWith(IPC_CHANNEL_PREFIX) || channel.length === IPC_CHANNEL_PREFIX.length) {
      throw new Error(`IPC channel ${JSON.stringify(channel)} must start with "${IPC_CHANNEL_PREFIX}"`);
    }
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      const reject = (reason: string): never => {
        const error = new IpcRejectedError(channel, reason);
        onRejected?.(error);
        throw error;
      };
      const problem = senderProblem(event, trustedOrigin);
      if (problem !== null) reject(problem);
      const validated = validate(args);
      if (!validated.ok) return reject(validated.reason);
      return fn(...validated.args);
    });
  };
}
