// `sanwu` entry: dispatch, exit codes (0 done, 1 refused, 2 usage), errors in Chinese on stderr.
import { isSanwuError } from '../../shared/errors';
import { systemClock } from '../core/context';
import { parseArgs } from './args';
import { COMMANDS } from './commands';
import type { CliIO } from './io';
import { askSecret } from './prompt';

export const USAGE = `用法：sanwu <命令> [选项]

命令：
  init      创建空档案库            sanwu init --db DIR --name 街道名称 [--code 代码] [--admin 用户名]
  demo      生成演示档案库          sanwu demo --db DIR [--year 2025] [--communities 12] [--records 300] [--seed 1] [--users]
  template  写出空白导入工作簿      sanwu template --out FILE.xlsx
  import    导入工作簿              sanwu import --db DIR FILE.xlsx... [--dry-run] [--skip-invalid] [--json]
  file      归档（编件号、档号）    sanwu file --db DIR --year Y [--community 社区]
  list      查询档案                sanwu list --db DIR [--year Y] [--community 社区] [--affair 类别] [--kind 事项] [--q 文字] [--limit N] [--json]
  audit     考评                    sanwu audit --db DIR --year Y [--standard ID] [--community 社区] [--json]
  attest    人工认定指标            sanwu attest --db DIR --year Y --community 社区 --indicator ID --status met|unmet|na [--note 说明] [--evidence ID,…]
  check     档案检查（四性检测）    sanwu check --db DIR [--json] [--full] [--fix]
  report    生成年度报送包          sanwu report --db DIR --year Y --out DIR [--zip] [--community 社区]…
  backup    备份                    sanwu backup --db DIR --out FILE
  restore   从备份恢复              sanwu restore --db DIR FILE [--force]
  serve     浏览器模式              sanwu serve --db DIR [--port N]
  user      用户账号                sanwu user add|list|disable|enable|passwd|role --name 用户名 [--role 角色] [--display 姓名]
  lend      借阅登记                sanwu lend --record ID[,ID…] --borrower 借阅人 --purpose 目的 [--unit 单位] [--due 日期] | lend return --loan N
  yearbook  档案室基本情况年报      sanwu yearbook --db DIR --year Y --out DIR
  receive   区级：接收报送包        sanwu receive --db DIR 报送包… [--add-office] [--json]
  summary   区级：全区汇总          sanwu summary --db DIR --year Y --out DIR [--json]

--db 可省略：依次使用环境变量 SANWU_DB、桌面程序的默认档案文件夹。
档案库设置了用户账号后，每个命令都须加 --as 用户名（或环境变量 SANWU_USER）；密码取自环境变量
SANWU_PASSWORD，否则在终端提示输入。新密码取自 SANWU_NEW_PASSWORD，否则提示输入。
`;

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`不认识的命令“${name}”。\n\n${USAGE}`);
    return 2;
  }
  let usage = '';
  try {
    const command = (await load()).default;
    usage = command.usage;
    if (rest.includes('--help')) {
      io.stdout(`${command.summary}\n用法：${command.usage}\n`);
      return 0;
    }
    const args = parseArgs(rest, command.flags, command.positionals ?? false);
    return await command.run(args, io);
  } catch (e) {
    if (isSanwuError(e)) {
      if (e.code === 'USAGE') {
        io.stderr(`${e.message}\n用法：${usage}\n`);
        return 2;
      }
      io.stderr(`错误：${e.message}\n`);
      for (const issue of e.issues.slice(0, 200)) io.stderr(`  ${formatPlace(issue)}${issue.message}\n`);
      if (e.issues.length > 200) io.stderr(`  ……另有 ${e.issues.length - 200} 条\n`);
      return 1;
    }
    io.stderr(`内部错误：${(e as Error).stack ?? String(e)}\n请把这条信息告诉系统管理员；档案库未被修改。\n`);
    return 1;
  }
}

function formatPlace(p: { sheet?: string; row?: number; column?: string; record?: number; file?: string }): string {
  const parts: string[] = [];
  if (p.file) parts.push(p.file);
  if (p.sheet) parts.push(p.row !== undefined ? `${p.sheet}!第${p.row}行` : p.sheet);
  if (p.column) parts.push(p.column);
  if (p.record !== undefined) parts.push(`记录 ${p.record}`);
  return parts.length ? `${parts.join(' ')}：` : '';
}

export function processIO(): CliIO {
  // `sanwu list | head` closes stdout early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const controller = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('\n正在取消……\n');
    controller.abort();
  });
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    clock: systemClock,
    signal: controller.signal,
    prompt: (question) => askSecret(question),
  };
}
