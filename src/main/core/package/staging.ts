// Build in a temporary folder beside the target; move into place only when complete, so a failed or
// cancelled run leaves nothing behind (and an earlier package stays until the new one is whole).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export async function stagingDir(target: string): Promise<string> {
  const dir = join(dirname(target), `.${randomBytes(6).toString('hex')}.partial`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Replaces target (file or folder) with staged. */
export async function moveIntoPlace(staged: string, target: string): Promise<void> {
  if (!existsSync(target)) return rename(staged, target);
  const old = join(dirname(target), `.${randomBytes(6).toString('hex')}.old`);
  await rename(target, old);
  await rename(staged, target);
  await rm(old, { recursive: true, force: true });
}

export const discard = (path: string) => rm(path, { recursive: true, force: true });
