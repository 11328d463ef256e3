// `sanwu report`: writes the annual reporting package (a BagIt bag, optionally zipped).
import { resolve } from 'node:path';
import { DB_FLAG, type Command } from '../command';
import { contractInput, withContract } from '../contract';
import { printJson } from '../io';

const command: Command = {
  summary: '生成年度三务公开报送包（工作报告、台账、自评报告、归档文件目录、保管期限检查清单）',
  usage: 'sanwu report --db DIR --year Y --out DIR [--zip] [--community 社区]… [--next-steps 文字] [--json] [--as 用户名]',
  flags: {
    ...DB_FLAG,
    year: { type: 'number', required: true },
    out: { type: 'string', required: true },
    zip: { type: 'boolean' },
    community: { type: 'string', multiple: true },
    'next-steps': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const req = contractInput(
      'report.write',
      {
        year: args.flags.year as number,
        out: resolve(io.cwd, args.flags.out as string),
        zip: Boolean(args.flags.zip),
        communities: (args.flags.community as string[] | undefined) ?? [],
        nextSteps: args.flags['next-steps'] as string | undefined,
      },
      { year: '--year', out: '--out', communities: '--community', nextSteps: '--next-steps' },
    );
    const result = await withContract(args, io, ({ call }) => call('report.write', req));
    if (args.flags.json) printJson(io, { ok: true, ...result });
    else io.stdout(`${result.path}\n${result.zipPath ? `${result.zipPath}\n` : ''}`);
    return 0;
  },
};
export default command;
