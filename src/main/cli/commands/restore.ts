// `sanwu restore`: checks a backup completely, then puts it in place of (or as) the archive folder.
import { resolve } from 'node:path';
import { restoreBackup } from '../../core/backup/restore';
import { defaultAnchorDir } from '../../core/default-location';
import { usageError } from '../args';
import { archiveDir, DB_FLAG, type Command } from '../command';
import { printJson, progressToStderr } from '../io';

const command: Command = {
  summary: '从备份恢复档案库（先完整校验；已有档案库须加 --force，且会先备份）',
  usage: 'sanwu restore --db DIR FILE [--force] [--json]',
  flags: { ...DB_FLAG, force: { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: true,
  async run(args, io) {
    if (args.positionals.length !== 1) throw usageError('请给出一个备份文件');
    const result = await restoreBackup(archiveDir(args, io), resolve(io.cwd, args.positionals[0]!), {
      force: args.flags.force === true,
      clock: io.clock,
      actor: io.env.SANWU_ACTOR ?? io.env.USERNAME ?? io.env.USER ?? 'cli',
      anchorDir: defaultAnchorDir(io.env),
      log: { info: (m) => io.stderr(`${m}\n`), warn: (m) => io.stderr(`警告：${m}\n`) },
      onProgress: progressToStderr(io),
      signal: io.signal,
    });
    if (args.flags.json) {
      printJson(io, { ok: true, ...result });
      return 0;
    }
    io.stdout(`已从备份（${result.createdAt}${result.office ? `，${result.office}` : ''}）恢复到 ${result.dir}，含 ${result.attachments} 个附件文件。\n`);
    if (result.previous) io.stdout(`原有档案库已保存到 ${result.previous}。\n`);
    for (const notice of result.notices) io.stdout(`${notice}\n`);
    return 0;
  },
};
export default command;
