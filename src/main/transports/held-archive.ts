// The archive a transport serves, replaceable while it serves: a restore closes it, works on its
// location (a folder or a postgres:// URL) and opens the result; calls arriving meanwhile wait for the
// reopened archive.
import { closeArchive } from '../core/archive';
import type { ArchiveContext } from '../core/context';

export interface HeldArchive {
  current(): Promise<ArchiveContext>;
  /** closes the archive, runs `work` on its location, opens it again (whatever `work` did) */
  replace<T>(work: (location: string) => Promise<T>): Promise<T>;
}

export function holdArchive(first: ArchiveContext | Promise<ArchiveContext>, location: string, open: () => Promise<ArchiveContext>, onClosed: () => void = () => {}): HeldArchive {
  let current = Promise.resolve(first);
  return {
    current: () => current,
    async replace(work) {
      const ctx = await current;
      let reopened!: (c: Promise<ArchiveContext>) => void;
      current = new Promise<ArchiveContext>((resolve) => (reopened = resolve));
      await closeArchive(ctx);
      onClosed();
      try {
        return await work(location);
      } finally {
        reopened(open());
      }
    },
  };
}
