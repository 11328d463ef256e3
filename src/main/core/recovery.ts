// The next start after a crash: before an archive folder is opened, a restore's interrupted swap is
// undone or finished and the temporary files of dead processes are removed; after it is opened, the
// files a dead import had put into the store for rows that never committed are taken out again.
// Everything done is reported (ctx.log); another process's work in progress is never touched.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PLACED, PlacedJournal, storedPath } from './attachments/store';
import type { ArchiveContext, ArchivePaths } from './context';
import { leftovers, remove } from './transient';

/** Undoes or finishes a restore's swap that a crash interrupted (see backup/restore.ts). */
function recoverSwap(paths: ArchivePaths, done: string[]): void {
  const parent = dirname(paths.dir);
  const name = basename(paths.dir);
  const mine = leftovers(parent, ['previous', 'restoring']).filter(([, t]) => t.target === name);
  for (const [entry, t] of mine.filter(([, t]) => t.kind === 'previous')) {
    const previous = join(parent, entry);
    if (!existsSync(paths.dir)) {
      renameSync(previous, paths.dir);
      done.push(`上次从备份恢复在替换档案文件夹的中途中断：已把原来的档案库放回 ${paths.dir}，备份没有恢复；如仍需恢复，请重新运行恢复。`);
      continue;
    }
    // The restored archive is in place: the one it replaced is kept under its backups, never removed.
    mkdirSync(paths.backups, { recursive: true });
    const oldBackups = join(previous, 'backups');
    if (existsSync(oldBackups)) {
      for (const f of readdirSync(oldBackups)) if (!existsSync(join(paths.backups, f))) renameSync(join(oldBackups, f), join(paths.backups, f));
      remove(oldBackups);
    }
    const kept = join(paths.backups, `before-restore-${t.pid}-interrupted`);
    renameSync(previous, kept);
    done.push(`上次从备份恢复在收尾时中断：恢复的档案库已就位，被替换的原档案库保存在 ${kept}。`);
  }
  for (const [entry] of mine.filter(([, t]) => t.kind === 'restoring')) {
    remove(join(parent, entry));
    done.push(`已清除上次中断的恢复留下的临时文件夹 ${entry}。`);
  }
}

/** Before opening: the swap, a half-built new archive, a backup's database copy, files half copied in. */
export function recoverFolder(paths: ArchivePaths): string[] {
  const done: string[] = [];
  recoverSwap(paths, done);
  for (const [name] of leftovers(paths.dir, ['init'])) {
    remove(join(paths.dir, name));
    done.push(`已清除上次中断的创建留下的未完成档案库文件 ${name}。`);
  }
  for (const [name] of leftovers(paths.backups, ['snapshot'])) {
    remove(join(paths.backups, name));
    done.push(`已清除上次中断的备份留下的数据库副本 backups/${name}。`);
  }
  for (const [name] of leftovers(paths.files, ['incoming']).filter(([n]) => !n.endsWith(PLACED))) {
    remove(join(paths.files, name));
    done.push(`已清除上次中断的导入留下的半截文件 files/${name}。`);
  }
  return done;
}

/**
 * After opening: for every journal a dead writer left, its files that no attachment references (its
 * transaction never committed) are taken out of the store, under the write lock so that no writer can
 * be about to reference them. `journals`: this process's own (a writer that failed) or null for the dead.
 */
export async function recoverPlaced(ctx: ArchiveContext, journals: string[] | null = null): Promise<string[]> {
  const names = journals ?? leftovers(ctx.paths.files, ['incoming']).map(([n]) => n).filter((n) => n.endsWith(PLACED));
  if (names.length === 0) return [];
  return ctx.write.transaction(async (trx) => {
    let removed = 0;
    for (const name of names) {
      const journal = join(ctx.paths.files, name);
      const listed = existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter((h) => /^[0-9a-f]{64}$/.test(h)) : [];
      for (const sha256 of listed) {
        const used = await trx.selectFrom('attachments').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst();
        // a district keeps the packs of the packages it received
        const received = used ?? (await trx.selectFrom('district_packages').select('id').where('pack', '=', sha256).limit(1).executeTakeFirst());
        if (received) continue;
        remove(storedPath(ctx.paths.files, sha256));
        removed++;
      }
      remove(journal);
    }
    return journals || removed === 0 ? [] : [`上次中断的导入已放进附件库的 ${removed} 个文件没有任何记录引用，已移除。`];
  });
}

/**
 * Runs a write that puts files into the store under a journal: when it commits, the journal goes; when
 * it fails, the files it placed that nothing references are taken out at once (a crash leaves the
 * journal for the next start).
 */
export async function placingFiles<T>(ctx: ArchiveContext, write: (journal: PlacedJournal) => Promise<T>): Promise<T> {
  const journal = new PlacedJournal(ctx.paths.files);
  try {
    const value = await write(journal);
    journal.close();
    return value;
  } catch (e) {
    if (journal.used) await recoverPlaced(ctx, [journal.name]).catch(() => {});
    throw e;
  }
}
