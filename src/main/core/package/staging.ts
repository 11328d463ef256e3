// Build in a temporary folder beside the target; move into place only when complete, so a failed or
// cancelled run leaves nothing behind (and an earlier package stays until the new one is whole). The
// temporary names carry the process id: a run killed midway is cleared, and an older package it had
// moved aside is put back, at the next run on that folder (transient.ts clearOutput).
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { besideTarget } from '../transient';

export async function stagingDir(target: string): Promise<string> {
  const dir = besideTarget(target, 'partial');
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Replaces target (file or folder) with staged. */
export async function moveIntoPlace(staged: string, target: string): Promise<void> {
  if (!existsSync(target)) return rename(staged, target);
  const old = besideTarget(target, 'old');
  await rename(target, old);
  await rename(staged, target);
  await rm(old, { recursive: true, force: true });
}

export const discard = (path: string) => rm(path, { recursive: true, force: true });
