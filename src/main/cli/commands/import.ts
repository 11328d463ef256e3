// `sanwu import --db DIR FILE... [--dry-run] [--skip-invalid] [--json]`: .xlsx, .xls, .ods, .csv, or a .zip of
// workbooks with their scans.
import { resolve } from 'node:path';
import { usageError } from '../args';
import { describeImportError } from '../../core/import/describe';
import { DB_FLAG, type Command } from '../command';
import { withContract } from '../contract';
import { printJson } from '../io';

const command: Command = {
  summary: '导入社区报送的工作簿（.xlsx、.xls、.ods、CSV，或连同扫描件压缩的 .zip）',
  usage: 'sanwu import --db DIR FILE.xlsx... [--dry-run] [--skip-invalid] [--json] [--as 用户名]',
  flags: { ...DB_FLAG, 'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: true,
  async run(args, io) {
    if (args.positionals.length === 0) throw usageError('请指定要导入的工作簿文件');
    const files = args.positionals.map((f) => resolve(io.cwd, f));
    const dryRun = args.flags['dry-run'] === true;
    const result = await withContract(args, io, ({ call }) => call('import.files', { files, dryRun, skipInvalid: args.flags['skip-invalid'] === true }));
    for (const n of result.notices) io.stderr(`提示：${describeImportError(n)}\n`);
    for (const e of result.errors) io.stderr(`${describeImportError(e)}\n`);
    if (args.flags.json) printJson(io, result);
    const { records, communities, roster, attachments } = result.imported;
    const summary = `档案 ${records} 件，社区 ${communities} 个，人员与组织 ${roster} 条，附件 ${attachments} 个；重复跳过 ${result.duplicates} 行`;
    if (!result.ok) {
      io.stderr(`导入被拒绝，未写入任何内容：共 ${result.errors.length} 处问题（见上）。请改正后重新导入，或用 --skip-invalid 只导入没有问题的行。\n`);
      return 1;
    }
    const out = args.flags.json ? io.stderr : io.stdout;
    out(dryRun ? `试导入（未写入）：可导入${summary}。\n` : `已导入${summary}。\n`);
    for (const w of result.errorWorkbooks ?? []) out(`有问题的行未导入，已连同错误原因写入 ${w}，改正后可重新导入。\n`);
    return 0;
  },
};
export default command;
