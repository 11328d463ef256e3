// `sanwu restore`: checks a backup completely, then puts it in place of (or as) the archive folder.
// Replacing an archive that opens goes through the contract (a 管理员's job once it has accounts); a new
// folder, or an archive that no longer opens, is restored directly (there is nothing left to guard).
import { resolve } from 'node:path';
import { archiveExists, closeArchive, openArchive } from '../../core/archive';
import { restoreBackup, type RestoreResult } from '../../core/backup/restore';
import { isServerLocation } from '../../core/db/location';
import { defaultAnchorDir, serverWorkDir } from '../../core/default-location';
import { usageError } from '../args';
import { archiveDir, DB_FLAG, osActor, type Command } from '../command';
import { withContract } from '../contract';
import { printJson, progressToStderr, type CliIO } from '../io';

async function opens(dir: string, io: CliIO): Promise<boolean> {
  try {
    await closeArchive(await openArchive(dir, { clock: io.clock }));
    return true;
  } catch {
    return false;
  }
}

const command: Command = {
  summary: '从备份恢复档案库（先完整校验；已有档案库须加 --force，且会先备份）',
  usage: 'sanwu restore --db DIR|postgres://… FILE [--force] [--json] [--as 用户名]',
  flags: { ...DB_FLAG, force: { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: true,
  async run(args, io) {
    if (args.positionals.length !== 1) throw usageError('请给出一个备份文件');
    const dir = archiveDir(args, io);
    const file = resolve(io.cwd, args.positionals[0]!);
    const force = args.flags.force === true;
    let result: Omit<RestoreResult, 'notices'> & { notices?: string[] };
    if (force && (await archiveExists(dir)) && (await opens(dir, io))) {
      result = await withContract(args, io, ({ call }) => call('backup.restore', { path: file }), {
        env: (ctx) => ({
          replaceArchive: async (work) => {
            await closeArchive(ctx);
            return work(dir);
          },
        }),
      });
    } else {
      result = await restoreBackup(dir, file, {
        force,
        workDir: isServerLocation(dir) ? serverWorkDir(io.env, dir) : undefined,
        clock: io.clock,
        actor: osActor(io),
        anchorDir: defaultAnchorDir(io.env),
        log: { info: (m) => io.stderr(`${m}\n`), warn: (m) => io.stderr(`警告：${m}\n`) },
        onProgress: progressToStderr(io),
        signal: io.signal,
      });
    }
    if (args.flags.json) {
      printJson(io, { ok: true, ...result });
      return 0;
    }
    io.stdout(`已从备份（${result.createdAt}${result.office ? `，${result.office}` : ''}）恢复到 ${result.dir}，含 ${result.attachments} 个附件文件。\n`);
    if (result.previous) io.stdout(`原有档案库已保存到 ${result.previous}。\n`);
    for (const notice of result.notices ?? []) io.stdout(`${notice}\n`);
    return 0;
  },
};
export default command;
