// `sanwu report`: writes the annual reporting package (a BagIt bag, optionally zipped).
import { resolve } from 'node:path';
import { reportSettingsOverrideSchema } from '../../../shared/report';
import { usageError, type ParsedArgs } from '../args';
import { DB_FLAG, type Command } from '../command';
import { contractInput, withContract } from '../contract';
import { printJson } from '../io';

/** --doc-number, --signer, --to, --unsealed: the work report's settings for this package only. */
function settingsOverride(args: ParsedArgs) {
  const flags: [flag: string, field: 'docNumber' | 'signer' | 'addressee'][] = [
    ['doc-number', 'docNumber'],
    ['signer', 'signer'],
    ['to', 'addressee'],
  ];
  const given = Object.fromEntries(flags.filter(([flag]) => args.flags[flag] !== undefined).map(([flag, field]) => [field, args.flags[flag]]));
  const parsed = reportSettingsOverrideSchema.safeParse({ ...given, ...(args.flags.unsealed ? { sealed: false } : {}) });
  if (!parsed.success) {
    throw usageError(parsed.error.issues.map((i) => `--${flags.find(([, field]) => field === i.path[0])?.[0] ?? 'unsealed'} ${i.message}`).join('；'));
  }
  return parsed.data;
}

const command: Command = {
  summary: '生成年度三务公开报送包（工作报告、台账、自评报告、归档文件目录、保管期限检查清单）',
  usage:
    'sanwu report --db DIR --year Y --out DIR [--zip] [--with-files] [--community 社区]… [--next-steps 文字] [--doc-number 发文字号] [--signer 签发人] [--to 主送机关] [--unsealed] [--json] [--as 用户名]',
  flags: {
    ...DB_FLAG,
    year: { type: 'number', required: true },
    out: { type: 'string', required: true },
    zip: { type: 'boolean' },
    // the items' files too (data/06_电子文件/), PDFs with the 归档章
    'with-files': { type: 'boolean' },
    community: { type: 'string', multiple: true },
    'next-steps': { type: 'string' },
    // this package only, over the settings kept in the archive (报表 page)
    'doc-number': { type: 'string' },
    signer: { type: 'string' },
    to: { type: 'string' },
    unsealed: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const req = contractInput(
      'report.write',
      {
        year: args.flags.year as number,
        out: resolve(io.cwd, args.flags.out as string),
        zip: Boolean(args.flags.zip),
        withFiles: Boolean(args.flags['with-files']),
        communities: (args.flags.community as string[] | undefined) ?? [],
        nextSteps: args.flags['next-steps'] as string | undefined,
        settings: settingsOverride(args),
      },
      { year: '--year', out: '--out', communities: '--community', nextSteps: '--next-steps' },
    );
    const result = await withContract(args, io, ({ call }) => call('report.write', req));
    if (args.flags.json) printJson(io, { ok: true, ...result });
    else io.stdout(`${result.path}\n${result.zipPath ? `${result.zipPath}\n` : ''}`);
    if (!args.flags.json && result.itemFiles) {
      const f = result.itemFiles;
      io.stderr(`已复制电子文件 ${f.copied} 个，其中 ${f.stamped} 个 PDF 加盖了归档章。\n`);
      for (const u of f.unstamped) io.stderr(`  未加盖归档章：${u.path}（${u.note}）\n`);
    }
    return 0;
  },
};
export default command;
