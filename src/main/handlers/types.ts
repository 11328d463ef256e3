// What a handler is: method -> (ctx, parsed input, env) -> output, the same for IPC, HTTP and the CLI.
import type { ApiMethod, ApiOutput, ApiParsedInput } from '../../shared/api';
import type { Progress } from '../../shared/domain';
import type { ArchiveContext } from '../core/context';
import type { SessionStore } from '../core/users/sessions';

/** URLs the page can load, in the transport's scheme. */
export interface Links {
  attachment(id: number): string;
  /** Offers a file the handler wrote (error workbook, package zip, backup) for download. */
  download(path: string, name: string): string;
}

export interface HandlerEnv {
  mode: 'desktop' | 'browser' | 'cli';
  version: string;
  links: Links;
  /** the signed-in sessions of the archive this transport serves */
  sessions: SessionStore;
  /** the caller's session: the header x-sanwu-session, the IPC call's argument, the CLI's sign-in */
  session?: string;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /** desktop: show a file in the system's file manager */
  reveal?: (path: string) => void;
  /**
   * desktop: close the archive, run `work` on its folder (restore replaces it), open it again; calls
   * that arrive meanwhile wait for the reopened archive.
   */
  replaceArchive?: <T>(work: (dir: string) => Promise<T>) => Promise<T>;
  /** desktop: this computer's choice of archive (设置 → 连接服务器) */
  connection?: DesktopConnection;
}

export interface DesktopConnection {
  /** the process environment (where the user's data folder is) */
  env: NodeJS.ProcessEnv;
  /**
   * Opens the server `server` (null: the folder in the user's data folder) and, once it is open, closes
   * the archive in use and remembers the choice; one that cannot be opened leaves everything as it was.
   * Returns the archive now in use, as shown.
   */
  switchTo(server: string | null): Promise<{ engine: 'sqlite' | 'postgres'; location: string }>;
}

export type Handler<M extends ApiMethod> = (ctx: ArchiveContext, input: ApiParsedInput<M>, env: HandlerEnv) => Promise<ApiOutput<M>>;

export type HandlerMap = { [M in ApiMethod]: Handler<M> };

/** A slice of the map, for one concept's file. */
export type Handlers<K extends ApiMethod> = { [M in K]: Handler<M> };
