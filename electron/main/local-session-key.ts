import { originOf } from './app-origin';

/** A single-user server this app started (or `npm start` started for it), and its launch key. */
export interface LaunchedServer {
  url: string | null;
  localKey: string | null;
}

/**
 * The launch key for `serverUrl`: the key of the launched server with the same origin, or null.
 * A key goes only to the server it was made for, never to a server the user typed in.
 */
export function localSessionKeyFor(serverUrl: string, servers: readonly LaunchedServer[]): string | null {
  const origin = originOf(serverUrl);
  if (!origin) return null;
  for (const server of servers) {
    if (server.url && server.localKey && originOf(server.url) === origin) return server.localKey;
  }
  return null;
}
