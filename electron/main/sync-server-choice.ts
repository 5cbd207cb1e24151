import { LOOPBACK_SYNC_SOURCE } from '@domain/content-security-policy';
import { parseSyncUrl } from './app-config';
import { originOf } from './app-origin';

/** What choosing a server did: usable now, usable after the page reloads, or refused. */
export type SyncServerChoiceResult = 'ready' | 'reload' | 'refused';

export interface SyncServerChoiceDeps {
  /** Reads the remembered choice (the file's text), or null when there is none. */
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
  /** The origins the page's Content-Security-Policy allows to connect to right now. */
  allowedOrigins(): readonly string[];
}

/**
 * The sync server a user picked on the sign-in screen (a team's own server), remembered across
 * runs. The page's Content-Security-Policy only lets it connect to the servers main allows, and a
 * policy applies from the next page load: a new origin answers 'reload'.
 */
export async function createSyncServerChoice(deps: SyncServerChoiceDeps) {
  let chosen: string | null = null;
  try {
    const text = await deps.read();
    const saved = text ? (JSON.parse(text) as { url?: unknown }).url : undefined;
    chosen = typeof saved === 'string' ? parseSyncUrl(saved) : null;
  } catch {
    chosen = null; // an unreadable file is no choice: the configured or embedded server stands
  }
  return {
    current: (): string | null => chosen,
    async choose(url: string): Promise<SyncServerChoiceResult> {
      const parsed = parseSyncUrl(url);
      const origin = parsed ? originOf(parsed) : null;
      if (!parsed || !origin) return 'refused';
      // The policy always allows the loopback servers (the embedded one's port is chosen at start).
      const allowedBefore =
        origin.startsWith(LOOPBACK_SYNC_SOURCE.slice(0, -1)) || deps.allowedOrigins().includes(origin);
      await deps.write(JSON.stringify({ url: parsed }));
      chosen = parsed;
      return allowedBefore ? 'ready' : 'reload';
    },
  };
}
