import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { AdminApi } from './admin-api';
import type { SessionEndReason, SessionKeeper } from './session-keeper';

export interface SessionContextValue {
  keeper: SessionKeeper;
  admin: AdminApi;
  /** Revoke (when the server answers), forget the session on this device and show sign-in. Local data stays. */
  signOut(): Promise<void>;
  /** After the server ended the session: back to sign-in, keeping local data and unsynced changes. */
  signInAgain(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ value, children }: { value: SessionContextValue; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Null while the session works; why it ended once the server ended it. */
export function useSessionEnded(): SessionEndReason | null {
  const { keeper } = useSession();
  const [reason, setReason] = useState<SessionEndReason | null>(null);
  useEffect(() => {
    const subscription = keeper.ended$.subscribe(setReason);
    return () => subscription.unsubscribe();
  }, [keeper]);
  return reason;
}
