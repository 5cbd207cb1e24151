// The one way the sync server's CLI says it is ready, and the one parser of it (docs/sync-protocol.md,
// "Starting a server"). Plain JavaScript so that every starter can import it: the CLI, the scripts
// that run under bare Node (npm start, npm run dev), the tests and benches, and Electron's main.

/**
 * The line the CLI writes to stdout once it accepts connections: one JSON object, on a line of its
 * own, among Fastify's JSON log lines.
 * @param {{ url: string, store: string, auth: string, app: boolean }} ready
 */
export function formatReadyLine({ url, store, auth, app }) {
  return JSON.stringify({ outpost: 'ready', url, store, auth, app });
}

/**
 * The announcement in one line of output, or null when the line is anything else (a log line, a
 * line cut short, another program's JSON).
 * @param {string} line
 */
export function parseReadyLine(line) {
  const text = line.trim();
  if (!text.startsWith('{')) return null;
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || value.outpost !== 'ready') return null;
  if (typeof value.url !== 'string' || !/^https?:\/\/[^\s/]+$/.test(value.url)) return null;
  return {
    url: value.url,
    store: typeof value.store === 'string' ? value.store : '',
    auth: typeof value.auth === 'string' ? value.auth : '',
    app: value.app === true,
  };
}

/**
 * Feeds on a server's stdout as it arrives, chunk by chunk, and returns the announcement once a
 * whole ready line has been read (null until then, and after it). Output comes in arbitrary
 * pieces, so a line is only parsed once its newline is in.
 */
export function createReadyLineReader() {
  const decoder = new TextDecoder();
  let pending = '';
  let done = false;
  return {
    /** @param {string | Uint8Array} chunk */
    push(chunk) {
      if (done) return null;
      pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      let newline;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const ready = parseReadyLine(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        if (ready) {
          done = true;
          pending = '';
          return ready;
        }
      }
      return null;
    },
  };
}
