// `sanwu file`: 归档 — gives 件号/档号 to the year's unfiled items, per cell, after the cell's last 件号.
import { DB_FLAG, type Command } from '../command';
import { contractInput, withContract } from '../contract';
import { printJson } from '../io';

const command: Command = {
  summary: '归档：按单元（全宗×门类×年度×保管期限×问题）依成文日期编件号、档号',
  usage: 'sanwu file --db DIR --year Y [--community 社区] [--json] [--as 用户名]',
  flags: { ...DB_FLAG, year: { type: 'number', required: true }, community: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const scope = contractInput(
      'filing.run',
      { year: args.flags.year as number, community: args.flags.community as string | undefined },
      { year: '--year', community: '--community' },
    );
    const { year, community } = scope;
    const result = await withContract(args, io, ({ call }) => call('filing.run', scope));
    if (args.flags.json) {
      printJson(io, { ok: true, year, ...result });
      return 0;
    }
    if (result.filed === 0) {
      io.stdout(`${year} 年度${community ? `${community}` : ''}没有待归档的文件，未做任何修改。\n`);
      return 0;
    }
    io.stdout(`已归档 ${result.filed} 件（${year} 年度${community ? `，${community}` : ''}）：\n`);
    const width = Math.max(...result.cells.map((c) => c.cell.length));
    for (const c of result.cells) {
      io.stdout(`  ${c.cell.padEnd(width)}  件号 ${String(c.from).padStart(4, '0')}–${String(c.to).padStart(4, '0')}  ${c.to - c.from + 1} 件\n`);
    }
    return 0;
  },
};
export default command;
