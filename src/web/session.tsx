import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { hasRole, type Role } from '../core/library-vocab.js';
import { isAbortError } from './api.js';
import {
  getSession,
  login as apiLogin,
  logout as apiLogout,
  type SessionInfo,
  type SessionUser,
} from './library-api.js';

/** Who is using the UI, as the shell and the pages see it. */
export type Session = {
  /** False until the first answer of /api/auth/session (pages wait before asking for drafts). */
  ready: boolean;
  user: SessionUser | null;
  /** Sent as `X-CSRF-Token` with every change; null before the session is known. */
  csrfToken: string | null;
  /** Whether the user's role carries at least the rights of `role`. */
  can(role: Role): boolean;
  /** Opens a session; rejects with the API's error (401 for wrong credentials). */
  login(email: string, password: string): Promise<SessionUser | null>;
  logout(): Promise<void>;
  /** Asks the server again, e.g. after a change was refused because the session had expired. */
  refresh(): Promise<void>;
};

const SessionContext = createContext<Session | null>(null);

/**
 * Holds the session (from the http-only cookie, through /api/auth/session) for the whole UI. An
 * API that cannot answer counts as "nobody logged in", so reading pages never depends on it.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<SessionInfo & { ready: boolean }>({ user: null, csrfToken: null, ready: false });

  const refresh = useCallback(async (signal?: AbortSignal) => {
    try {
      const next = await getSession(signal);
      setInfo({ ...next, ready: true });
    } catch (error) {
      if (isAbortError(error)) return;
      setInfo({ user: null, csrfToken: null, ready: true });
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void refresh(controller.signal);
    return () => controller.abort();
  }, [refresh]);

  const value = useMemo<Session>(
    () => ({
      ready: info.ready,
      user: info.user,
      csrfToken: info.csrfToken,
      can: (role) => info.user !== null && hasRole(info.user.role, role),
      async login(email, password) {
        const next = await apiLogin(email, password, info.csrfToken);
        setInfo({ ...next, ready: true });
        return next.user;
      },
      async logout() {
        try {
          await apiLogout(info.csrfToken);
        } finally {
          // Whatever the server said, the UI forgets the user; a fresh anonymous token follows.
          setInfo({ user: null, csrfToken: null, ready: true });
          await refresh();
        }
      },
      refresh: () => refresh(),
    }),
    [info, refresh],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session; must be used inside the shell. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside <SessionProvider>');
  return session;
}
