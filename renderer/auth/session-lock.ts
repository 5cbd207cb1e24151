/** Runs `task` while no other window, tab or worker of this app runs one under the same lock. */
export type SessionLock = <T>(task: () => Promise<T>) => Promise<T>;

const LOCK_NAME = 'outpost:session-refresh';

let local: Promise<unknown> = Promise.resolve();

/**
 * The lock around a refresh of the signed-in session. The Web Locks API (every window and worker
 * of one origin, Electron's too) makes the refresh single-flight across everything that can ask
 * for it; where it is missing, a queue in this realm is the fallback. A window that crashes while
 * it holds the lock releases it: Web Locks are tied to the holder's lifetime.
 */
export const sessionLock: SessionLock = (task) => {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(LOCK_NAME, { mode: 'exclusive' }, task) as Promise<Awaited<ReturnType<typeof task>>>;
  const run = local.then(task, task);
  local = run.catch(() => undefined);
  return run;
};
