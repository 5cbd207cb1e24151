import { randomBytes } from 'node:crypto';

/**
 * The launch key (docs/security.md, "The launch key") of every single-user server this test
 * process starts, in process or as a child process, and the one its helpers sign in with. Random
 * per run; kept in the environment so that the worker threads of one test process agree on it.
 */
export const TEST_LOCAL_KEY: string = (process.env.OUTPOST_TEST_LOCAL_KEY ??= randomBytes(24).toString('base64url'));
