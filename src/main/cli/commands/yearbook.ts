// `sanwu yearbook`: the 档案室基本情况年报 of a year, an xlsx with its 统计说明.
import { resolve } from 'node:path';
import { DB_FLAG, type Command } from '../command';
import { contractInput, withContract } from '../contract';
import { printJson } from '../io';

const command: Command = {
  summary: '生成档案室基本情况年报（室存、接收、移交、销毁、利用，附统计说明）',
  usage: 'sanwu yearbook --db DIR --year Y --out DIR [--json] [--as 用户名]',
  flags: { ...DB_FLAG, year: { type: 'number', required: true }, out: { type: 'string', required: true }, json: { type: 'boolean' } },
  async run(args, io) {
    const req = contractInput('yearbook.write', { year: args.flags.year as number, out: resolve(io.cwd, args.flags.out as string) }, { year: '--year', out: '--out' });
    const result = await withContract(args, io, ({ call }) => call('yearbook.write', req));
    if (args.flags.json) {
      printJson(io, { ok: true, path: result.path, year: result.figures.year, figures: result.figures.values, electronicBytes: result.figures.electronicBytes });
      return 0;
    }
    const v = result.figures.values;
    io.stdout(`${result.path}\n`);
    io.stderr(
      `室存 ${v.holdings} 件（永久 ${v.holdingsPermanent}，30年 ${v.holdingsD30}），电子档案 ${v.electronicItems} 件 ${v.electronicGb} GB；本年接收 ${v.received} 件，移交 ${v.transferred} 件，销毁 ${v.destroyed} 件；利用 ${v.usePersonTimes} 人次 ${v.useItemTimes} 件次。\n`,
    );
    return 0;
  },
};
export default command;
