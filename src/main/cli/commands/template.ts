// `sanwu template --out FILE.xlsx`: the blank import workbook.
import { resolve } from 'node:path';
import { writeTemplate } from '../../core/import/template';
import type { Command } from '../command';

const command: Command = {
  summary: '写出空白导入工作簿',
  usage: 'sanwu template --out FILE.xlsx',
  flags: { out: { type: 'string', required: true } },
  async run(args, io) {
    const out = resolve(io.cwd, args.flags.out as string);
    await writeTemplate(out);
    io.stdout(`已写出导入模板 ${out}：请在“档案登记”“社区概况”“人员与组织”中逐行填写，填写说明见“说明”工作表。\n`);
    return 0;
  },
};
export default command;
