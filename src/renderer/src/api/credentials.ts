// What the page holds to call the archive: in browser mode the start token (from the URL sanwu serve
// printed), and once signed in the session. Both live in this tab's sessionStorage — scoped to this
// origin and port, unlike cookies, which every server on 127.0.0.1 would receive — and travel as headers.
const TOKEN = 'sanwu.token';
const SESSION = 'sanwu.session';

type Listener = (message: string) => void;
const listeners = new Set<Listener>();

const storage = (): Storage | null => (typeof sessionStorage === 'undefined' ? null : sessionStorage);

export const credentials = {
  token: (): string | null => storage()?.getItem(TOKEN) ?? null,
  setToken: (token: string): void => storage()?.setItem(TOKEN, token),
  session: (): string | undefined => storage()?.getItem(SESSION) ?? undefined,
  setSession(session: string | null): void {
    if (session) storage()?.setItem(SESSION, session);
    else storage()?.removeItem(SESSION);
  },
  /** A call was refused for want of a valid session: the page goes back to signing in. */
  signedOut(message: string): void {
    storage()?.removeItem(SESSION);
    for (const l of listeners) l(message);
  },
  onSignedOut(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
