// Where the archive lives when --db and SANWU_DB are not given: the desktop app's user-data folder
// (Electron's app.getPath('userData') for productName SanwuArchive), subfolder archive/.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { serverSlug } from './db/location';

export const PRODUCT_DIR = 'SanwuArchive';

export function userDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_DIR);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_DIR);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_DIR);
}

export function defaultArchiveDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  return join(userDataDir(env, platform), 'archive');
}

/** A server archive's local working folder (its backups and file cache) on this computer. */
export function serverWorkDir(env: NodeJS.ProcessEnv, url: string, platform: NodeJS.Platform = process.platform): string {
  return join(userDataDir(env, platform), 'servers', serverSlug(url));
}

/**
 * Where the audit log's anchor and its signing key live: outside every archive, in the user's profile
 * (SANWU_ANCHOR_DIR overrides, e.g. for tests or a folder only the 管理员 may write).
 */
export function defaultAnchorDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  return env.SANWU_ANCHOR_DIR ?? join(userDataDir(env, platform), 'anchors');
}
