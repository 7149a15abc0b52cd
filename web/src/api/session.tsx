import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ProblemError, setCsrfToken, whenSignedOut } from './client';

export type Role = 'admin' | 'manager' | 'planner' | 'sales' | 'warehouse' | 'customer';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  customerId: number | null;
}

interface SessionBody {
  user: User;
  csrfToken: string;
}

interface SessionState {
  user: User | null;
  loading: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Who is signed in. Loaded once at start (GET /session); cleared when the API says 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    whenSignedOut(() => setUser(null));
    api<SessionBody>('GET', '/session')
      .then((s) => {
        setCsrfToken(s.csrfToken);
        setUser(s.user);
      })
      .catch((e: unknown) => {
        if (!(e instanceof ProblemError)) throw e;
      })
      .finally(() => setLoading(false));
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const s = await api<SessionBody>('POST', '/session', { email, password });
    setCsrfToken(s.csrfToken);
    setUser(s.user);
  }, []);

  const signOut = useCallback(async () => {
    await api('DELETE', '/session').catch(() => undefined);
    setCsrfToken('');
    setUser(null);
  }, []);

  return (
    <SessionContext.Provider value={{ user, loading, signIn, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
