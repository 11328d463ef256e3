// Who is using the page. An archive with accounts opens on the sign-in page; a refused session (expired,
// signed out elsewhere) returns there; 30 minutes without a key or a click lock the page. An archive
// without accounts opens as before, with no one signed in.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { API, type AppInfo, type ApiMethod } from '../../../shared/api';
import { IDLE_MINUTES, roleAtLeast, type Identity } from '../../../shared/users';
import { api, credentials } from '../api';

export interface Auth {
  status: 'loading' | 'failed' | 'signin' | 'ready';
  info: AppInfo | undefined;
  /** the signed-in account; null on an archive without accounts */
  identity: Identity | null;
  /** why the sign-in page shows (locked, expired …) */
  notice: string | null;
  /** the account the page was locked for: its sign-in asks only the password */
  lockedFor: string | null;
  error: unknown;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  lock(): Promise<void>;
  /** reads the archive again (after its first 管理员 was created, after a restore) */
  refresh(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

const ACTIVITY = ['mousedown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const;
const IDLE_MS = IDLE_MINUTES * 60_000;

type Loaded = Pick<Auth, 'status' | 'info' | 'identity' | 'error'>;

/** The archive's info, and who the page's session belongs to (if it still has one). */
async function load(): Promise<Loaded> {
  try {
    const info = await api.call('app.info', {});
    if (!info.accounts) return { status: 'ready', info, identity: null, error: null };
    const identity = credentials.session() ? await api.call('auth.whoami', {}) : null;
    if (!identity) credentials.setSession(null);
    return { status: identity ? 'ready' : 'signin', info, identity, error: null };
  } catch (error) {
    return { status: 'failed', info: undefined, identity: null, error };
  }
}

export function AuthProvider({ children }: { children: ReactNode }): React.JSX.Element {
  const [state, setState] = useState<Pick<Auth, 'status' | 'info' | 'identity' | 'notice' | 'lockedFor' | 'error'>>({
    status: 'loading',
    info: undefined,
    identity: null,
    notice: null,
    lockedFor: null,
    error: null,
  });
  const lastActive = useRef(0);

  const refresh = useCallback(() => load().then((loaded) => setState((s) => ({ ...s, ...loaded }))), []);

  // asked while the first frame (the loading spinner) renders, not after it is painted
  const [first] = useState(load);
  useEffect(() => {
    let current = true;
    void first.then((loaded) => current && setState((s) => ({ ...s, ...loaded })));
    return () => {
      current = false;
    };
  }, [first]);

  // any call refused for want of a session brings the sign-in page back, saying why
  useEffect(
    () =>
      credentials.onSignedOut((notice) =>
        setState((s) => (s.info?.accounts ? { ...s, status: 'signin', notice, lockedFor: s.identity?.name ?? s.lockedFor, identity: null } : s)),
      ),
    [],
  );

  const signIn = useCallback(async (username: string, password: string) => {
    const signed = await api.call('auth.signIn', { username, password });
    credentials.setSession(signed.session);
    lastActive.current = Date.now();
    const identity: Identity = { name: signed.name, display: signed.display, role: signed.role };
    // the first account may just have been made: the archive's info says it has accounts now
    const info = await api.call('app.info', {});
    setState((s) => ({ ...s, status: 'ready', info, identity, notice: null, lockedFor: null }));
  }, []);

  const end = useCallback(async (after: Partial<Auth>) => {
    try {
      await api.call('auth.signOut', {});
    } catch {
      // the session ends with the page's copy anyway
    }
    credentials.setSession(null);
    setState((s) => ({ ...s, status: 'signin', identity: null, notice: null, lockedFor: null, ...after }));
  }, []);

  const signOut = useCallback(() => end({}), [end]);
  const lock = useCallback(
    () => end({ lockedFor: state.identity?.name ?? null, notice: `已超过 ${IDLE_MINUTES} 分钟没有操作，页面已锁定。请重新输入密码。` }),
    [end, state.identity],
  );

  // 30 idle minutes lock the page (checked against the clock, so a sleeping computer locks on waking)
  const signedIn = state.status === 'ready' && state.identity !== null;
  useEffect(() => {
    if (!signedIn) return;
    lastActive.current = Date.now();
    // Chromium sends mousemoves when the page changes under a resting pointer (the first after a load
    // with a made-up movement): a mousemove counts only when the pointer is somewhere else than last seen
    let pointer: { x: number; y: number } | null = null;
    const active = (e: Event) => {
      if (e instanceof MouseEvent && e.type === 'mousemove') {
        const moved = pointer !== null && (pointer.x !== e.clientX || pointer.y !== e.clientY);
        pointer = { x: e.clientX, y: e.clientY };
        if (!moved) return;
      }
      lastActive.current = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, active, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActive.current >= IDLE_MS) void lock();
    }, 15_000);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, active);
      window.clearInterval(timer);
    };
  }, [signedIn, lock]);

  const value = useMemo<Auth>(() => ({ ...state, signIn, signOut, lock, refresh }), [state, signIn, signOut, lock, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** Whether the signed-in role may call a method (the server refuses anyway): the page shows only what it may. */
export function useCan(): (method: ApiMethod) => boolean {
  const { info, identity } = useAuth();
  return useCallback(
    (method: ApiMethod) => {
      if (!info?.accounts) return true;
      const need = API[method].role;
      return identity !== null && (need === null || roleAtLeast(identity.role, need));
    },
    [info?.accounts, identity],
  );
}
