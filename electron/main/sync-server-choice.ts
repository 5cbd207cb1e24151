import type { AuthStatus } from '@domain/auth-protocol';
import { LOOPBACK_SYNC_SOURCE } from '@domain/content-security-policy';
import type { SyncServerChoice } from '@domain/desktop-bridge';
import { checkSyncServerAddress } from '@domain/sync-server-address';
import { parseSyncUrl } from './app-config';

export type SyncServerChoiceResult = SyncServerChoice;

export interface SyncServerChoiceDeps {
  /** Reads the remembered choice (the file's text), or null when there is none. */
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
  /** The origins the page's Content-Security-Policy allows to connect to right now. */
  allowedOrigins(): readonly string[];
  /** main's own GET of a URL (not the page's, whose policy would not allow it anyway). */
  fetchStatus(url: string): Promise<Response>;
  /** Asks the person at the machine, in a native dialog of main, whether to connect to `origin`. */
  confirm(origin: string): Promise<boolean>;
}

function isAuthStatus(value: unknown): value is AuthStatus {
  const status = value as Partial<AuthStatus> | null;
  return (
    typeof status === 'object' &&
    status !== null &&
    (status.mode === 'team' || status.mode === 'single-user') &&
    typeof status.needsSetup === 'boolean'
  );
}

/** Whether `url` answers GET /auth/status as an Outpost server does, asked by main itself. */
async function answersAsOutpost(deps: SyncServerChoiceDeps, url: string): Promise<boolean> {
  try {
    const response = await deps.fetchStatus(`${url}/auth/status`);
    return response.ok && isAuthStatus(await response.json());
  } catch {
    return false;
  }
}

/**
 * The sync server a user picked on the sign-in screen (a team's own server), remembered across
 * runs. The page's Content-Security-Policy only lets it connect to the servers main allows, and a
 * policy applies from the next page load: a new origin answers 'reload'.
 *
 * The page asks; main decides (docs/adr/0020-sync-server-origin-confirmed-by-main.md). An origin the
 * policy does not allow yet enters it only when main itself has reached the server's
 * /auth/status (over https: the address rule allows plain http to this machine only) and the user
 * has said yes in main's native dialog, one dialog at a time. A script in the page can therefore
 * ask, but never widen the policy on its own.
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
  let asking = false;

  const remember = async (url: string) => {
    await deps.write(JSON.stringify({ url }));
    chosen = url;
  };

  return {
    current: (): string | null => chosen,
    async choose(input: string): Promise<SyncServerChoiceResult> {
      const address = checkSyncServerAddress(input);
      if (!address.ok) return address.problem === 'insecure' ? 'insecure' : 'refused';
      const { url, origin } = address;
      // The policy always allows the loopback servers (the embedded one's port is chosen at start).
      const allowed = origin.startsWith(LOOPBACK_SYNC_SOURCE.slice(0, -1)) || deps.allowedOrigins().includes(origin);
      if (allowed) {
        await remember(url);
        return 'ready';
      }
      // Another dialog is open: a page that calls again and again gets no stack of dialogs.
      if (asking) return 'declined';
      asking = true;
      try {
        if (!(await answersAsOutpost(deps, url))) return 'unreachable';
        if (!(await deps.confirm(origin))) return 'declined';
      } finally {
        asking = false;
      }
      await remember(url);
      return 'reload';
    },
  };
}
