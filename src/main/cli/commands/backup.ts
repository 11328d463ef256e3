// `sanwu backup`: archive.sqlite (online backup) and the attachment store in one tar file.
import { resolve } from 'node:path';
import { DB_FLAG, type Command } from '../command';
import { withContract } from '../contract';
import { printJson } from '../io';

const command: Command = {
  summary: '备份档案库（数据库与全部附件，打包为一个 tar 文件，附 SHA-256 清单）',
  usage: 'sanwu backup --db DIR --out FILE [--json] [--as 用户名]',
  flags: { ...DB_FLAG, out: { type: 'string', required: true }, json: { type: 'boolean' } },
  async run(args, io) {
    const out = resolve(io.cwd, args.flags.out as string);
    const result = await withContract(args, io, ({ call }) => call('backup.write', { out }));
    if (args.flags.json) printJson(io, { ok: true, ...result });
    else io.stdout(`已备份到 ${result.file}（含 ${result.attachments} 个附件文件，${(result.bytes / 1048576).toFixed(1)} MB）。\n`);
    return 0;
  },
};
export default command;
