export interface ChangeStreamEvent {
  type: 'resync' | 'change';
  seq: number;
}

export interface ChangeStreamOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  onEvent: (event: ChangeStreamEvent) => void;
  onConnectionChange?: (connected: boolean) => void;
  /** Longest wait between reconnection attempts. */
  maxBackoffMs?: number;
}

/**
 * Listen to the server's change pokes (server-sent events) over fetch, so the same code runs in
 * browsers, Electron and Node tests, and reconnects with capped exponential backoff. A (re)connect
 * always begins with a `resync` event, which makes the device pull whatever it missed.
 */
export function subscribeToChanges(options: ChangeStreamOptions): () => void {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const url = `${options.baseUrl.replace(/\/+$/, '')}/sync/stream`;
  const maxBackoff = options.maxBackoffMs ?? 30_000;
  let stopped = false;
  let controller: AbortController | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let backoff = 500;

  const connect = async () => {
    controller = new AbortController();
    try {
      const response = await doFetch(url, { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      options.onConnectionChange?.(true);
      backoff = 500;
      await readEvents(response.body, options.onEvent);
    } catch {
      // fall through to reconnect
    }
    if (stopped) return;
    options.onConnectionChange?.(false);
    // Half the step fixed, half random: devices dropped together by a restart come back apart.
    retry = setTimeout(() => void connect(), backoff / 2 + (backoff / 2) * Math.random());
    backoff = Math.min(backoff * 2, maxBackoff);
  };
  void connect();

  return () => {
    stopped = true;
    clearTimeout(retry);
    controller?.abort();
  };
}

async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: ChangeStreamEvent) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let boundary: number;
    while ((boundary = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      let type = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) type = line.slice(6).trim();
        else if (line.startsWith('data:')) data += line.slice(5).trim();
      }
      if (type !== 'resync' && type !== 'change') continue;
      let seq = 0;
      try {
        seq = Number((JSON.parse(data) as { seq?: unknown }).seq) || 0;
      } catch {
        // a poke without a readable seq is still a poke
      }
      onEvent({ type, seq });
    }
  }
}
