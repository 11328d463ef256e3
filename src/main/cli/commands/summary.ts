// `sanwu summary --db DIR --year Y --out DIR [--json]`: the district's summary of its street offices'
// year (an xlsx and a GB/T 9704 docx report).
import { resolve } from 'node:path';
import { DB_FLAG, type Command } from '../command';
import { contractInput, withContract } from '../contract';
import { printJson } from '../io';

const command: Command = {
  summary: '区级档案库生成全区年度汇总（Excel 汇总表与 Word 汇总报告）',
  usage: 'sanwu summary --db DIR --year Y --out DIR [--json] [--as 用户名]',
  flags: { ...DB_FLAG, year: { type: 'number', required: true }, out: { type: 'string', required: true }, json: { type: 'boolean' } },
  async run(args, io) {
    const input = contractInput('district.summary.write', { year: args.flags.year as number, out: resolve(io.cwd, args.flags.out as string) }, { year: '--year', out: '--out' });
    const result = await withContract(args, io, ({ call }) => call('district.summary.write', input));
    if (args.flags.json) printJson(io, { ok: true, ...result });
    else io.stdout(`${result.files.join('\n')}\n`);
    return 0;
  },
};
export default command;
