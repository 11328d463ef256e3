// What the page holds to call the archive: in browser mode the start token (from the URL sanwu serve
// printed), and once signed in the session. Web storage is scoped to this origin and port — unlike
// cookies, which every server on 127.0.0.1 would receive — and both travel only as headers. The token
// (valid until the server stops) is shared by this origin's tabs; a session belongs to its tab.
const TOKEN = 'sanwu.token';
const SESSION = 'sanwu.session';

type Listener = (message: string) => void;
const listeners = new Set<Listener>();

const tabs = (): Storage | null => (typeof localStorage === 'undefined' ? null : localStorage);
const tab = (): Storage | null => (typeof sessionStorage === 'undefined' ? null : sessionStorage);

export const credentials = {
  token: (): string | null => tabs()?.getItem(TOKEN) ?? null,
  setToken: (token: string): void => tabs()?.setItem(TOKEN, token),
  session: (): string | undefined => tab()?.getItem(SESSION) ?? undefined,
  setSession(session: string | null): void {
    if (session) tab()?.setItem(SESSION, session);
    else tab()?.removeItem(SESSION);
  },
  /** A call was refused for want of a valid session: the page goes back to signing in. */
  signedOut(message: string): void {
    tab()?.removeItem(SESSION);
    for (const l of listeners) l(message);
  },
  onSignedOut(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
