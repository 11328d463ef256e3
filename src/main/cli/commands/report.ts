// `sanwu report`: writes the annual reporting package (a BagIt bag, optionally zipped).
import { resolve } from 'node:path';
import { yearSchema } from '../../../shared/schemas';
import { buildReportPackage } from '../../core/package';
import { usageError } from '../args';
import { DB_FLAG, withArchive, type Command } from '../command';
import { printJson, progressToStderr } from '../io';

const command: Command = {
  summary: '生成年度三务公开报送包（工作报告、台账、自评报告、归档文件目录、保管期限检查清单）',
  usage:
    'sanwu report --db DIR --year Y --out DIR [--zip] [--community 社区]… [--next-steps 文字] [--doc-number 发文字号] [--signer 签发人] [--to 主送机关] [--unsealed] [--json]',
  flags: {
    ...DB_FLAG,
    year: { type: 'number', required: true },
    out: { type: 'string', required: true },
    zip: { type: 'boolean' },
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
    const year = yearSchema.safeParse(args.flags.year);
    if (!year.success) throw usageError(`--year 应为 1949 至 2100 之间的年度，而不是“${args.flags.year}”`);
    const result = await withArchive(args, io, (ctx) =>
      buildReportPackage(
        ctx,
        {
          year: year.data,
          outDir: resolve(io.cwd, args.flags.out as string),
          zip: Boolean(args.flags.zip),
          communities: (args.flags.community as string[] | undefined) ?? [],
          nextSteps: args.flags['next-steps'] as string | undefined,
          settings: {
            ...(args.flags['doc-number'] !== undefined ? { docNumber: args.flags['doc-number'] as string } : {}),
            ...(args.flags.signer !== undefined ? { signer: args.flags.signer as string } : {}),
            ...(args.flags.to !== undefined ? { addressee: args.flags.to as string } : {}),
            ...(args.flags.unsealed ? { sealed: false } : {}),
          },
        },
        { onProgress: progressToStderr(io), signal: io.signal },
      ),
    );
    if (args.flags.json) printJson(io, { ok: true, ...result });
    else io.stdout(`${result.path}\n${result.zipPath ? `${result.zipPath}\n` : ''}`);
    return 0;
  },
};
export default command;
