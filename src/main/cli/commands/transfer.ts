// `sanwu transfer --year Y [--community NAME]… --out DIR [--json]`: the year's electronic transfer
// carrier (its items become 移交中); `sanwu transfer confirm --carrier ID` (管理员, after the receiver
// signed): the carrier's items become 已移交. --json: {"carrier", "path", "items", "files"}.
import { resolve } from 'node:path';
import { usageError } from '../args';
import { DB_FLAG, type Command } from '../command';
import { contractInput, withContract } from '../contract';
import { printJson } from '../io';

const command: Command = {
  summary: '移交：生成年度电子档案移交载体（档案状态为移交中）；confirm 确认移交（已移交）',
  usage: 'sanwu transfer --db DIR --year Y [--community 社区]… --out 文件夹 [--receiver 接收单位] [--json] [--as 用户名]\n       sanwu transfer confirm --db DIR --carrier 载体编号 [--json] [--as 用户名]',
  flags: {
    ...DB_FLAG,
    year: { type: 'number' },
    community: { type: 'string', multiple: true },
    out: { type: 'string' },
    receiver: { type: 'string' },
    carrier: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: true,
  async run(args, io) {
    const [action, ...extra] = args.positionals;
    const f = args.flags;
    if (extra.length > 0 || (action !== undefined && action !== 'confirm')) throw usageError('只有 sanwu transfer … 和 sanwu transfer confirm --carrier 载体编号 两种用法');
    if (action === 'confirm') {
      if (f.carrier === undefined) throw usageError('缺少选项 --carrier');
      const input = contractInput('transfer.confirm', { carrier: f.carrier as string }, { carrier: '--carrier' });
      const t = await withContract(args, io, ({ call }) => call('transfer.confirm', input));
      if (f.json) printJson(io, t);
      else io.stdout(`载体 ${t.carrier} 已确认移交：${t.items} 件档案的状态为已移交。\n`);
      return 0;
    }
    if (f.year === undefined) throw usageError('缺少选项 --year');
    if (f.out === undefined) throw usageError('缺少选项 --out');
    const input = contractInput(
      'transfer.write',
      { year: f.year as number, communities: f.community as string[] | undefined, out: resolve(io.cwd, f.out as string), receiver: f.receiver as string | undefined },
      { year: '--year', communities: '--community', out: '--out', receiver: '--receiver' },
    );
    const result = await withContract(args, io, ({ call }) => call('transfer.write', input));
    if (f.json) printJson(io, { carrier: result.carrier, path: result.path, items: result.items, files: result.files, bytes: result.bytes, documents: result.documents });
    else io.stdout(`已生成移交载体 ${result.carrier}：${result.items} 件档案、${result.files} 个电子文件（档案状态为移交中；接收方签收后请运行 sanwu transfer confirm --carrier ${result.carrier}）。\n${result.path}\n`);
    return 0;
  },
};
export default command;
