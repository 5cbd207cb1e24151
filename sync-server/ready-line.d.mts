/** Types of ready-line.mjs. */
export interface ServerReady {
  /** Base URL of the server, such as http://127.0.0.1:8787 (loopback spelled 127.0.0.1). */
  url: string;
  /** `sqlite` or `postgres`. */
  store: string;
  /** `single-user` or `team`. */
  auth: string;
  /** Whether the server also serves the app's renderer at `url`. */
  app: boolean;
}
export function formatReadyLine(ready: ServerReady): string;
export function parseReadyLine(line: string): ServerReady | null;
export interface ReadyLineReader {
  push(chunk: string | Uint8Array): ServerReady | null;
}
export function createReadyLineReader(): ReadyLineReader;
