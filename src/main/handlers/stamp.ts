// A file-name-safe timestamp from the archive's clock, for packages and backups made from the UI.
import type { ArchiveContext } from '../core/context';

export const fileStamp = (ctx: ArchiveContext): string => ctx.clock.now().toISOString().replace(/[:.]/g, '-');
