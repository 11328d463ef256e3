// `sanwu receive --db DIR PATH… [--add-office] [--json]`: a district takes in its street offices'
// packages (bag folders or their .zip) and transfer carriers, each verified whole first.
import { resolve } from 'node:path';
import type { ReceivedItem } from '../../../shared/district';
import { usageError } from '../args';
import { DB_FLAG, type Command } from '../command';
import { contractInput, withContract } from '../contract';
import { printJson } from '../io';

function said(r: ReceivedItem): string {
  const what = `${r.office}${r.year}年度${r.kind === 'carrier' ? '移交载体' : '报送包'}`;
  if (r.unchanged) return `${what}：与已接收的相同，未新增内容（${r.path}）`;
  return `${what}：已接收，档案 ${r.records} 件${r.replaced ? '，替换了此前接收的较旧的一份（旧的仍保留在接收记录中）' : ''}（${r.path}）`;
}

const command: Command = {
  summary: '区级档案库接收街道的年度报送包（文件夹或 .zip）与移交载体：先整体核验，有任何问题整份拒收',
  usage: 'sanwu receive --db DIR 报送包… [--add-office] [--json] [--as 用户名]',
  flags: { ...DB_FLAG, 'add-office': { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: true,
  async run(args, io) {
    if (args.positionals.length === 0) throw usageError('请指定要接收的报送包（文件夹或 .zip）');
    const input = contractInput(
      'district.receivePaths',
      { paths: args.positionals.map((p) => resolve(io.cwd, p)), addOffice: args.flags['add-office'] === true },
      { paths: '报送包', addOffice: '--add-office' },
    );
    const result = await withContract(args, io, ({ call }) => call('district.receivePaths', input));
    for (const e of result.errors) io.stderr(`${e.message}${e.unknownOffice ? `如确属本区，请加 --add-office 重新接收。` : ''}\n`);
    if (args.flags.json) printJson(io, result);
    else for (const r of result.received) io.stdout(`${said(r)}\n`);
    return result.ok ? 0 : 1;
  },
};
export default command;
