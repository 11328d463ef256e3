// `sanwu demo`: create (if needed) and fill a realistic demo archive, deterministic by --seed.
import type { DemoSummary } from '../../../shared/demo';
import { isSanwuError, SanwuError } from '../../../shared/errors';
import { passwordSchema, type UserInfo } from '../../../shared/users';
import type { Clock } from '../../core/context';
import { planDemo, type DemoOptions } from '../../core/demo/plan';
import { usageError } from '../args';
import { archiveDir, DB_FLAG, shownLocation, type Command } from '../command';
import { withContract } from '../contract';
import { printJson, type CliIO } from '../io';
import { generatedPassword } from '../passwords';

const command: Command = {
  summary: '生成演示档案库',
  usage: 'sanwu demo --db DIR [--year 2025] [--communities 12] [--records 300] [--seed 1] [--users] [--json] [--as 用户名]',
  flags: {
    ...DB_FLAG,
    users: { type: 'boolean' },
    year: { type: 'number' },
    communities: { type: 'number' },
    records: { type: 'number' },
    seed: { type: 'number' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const f = args.flags;
    const options: DemoOptions = {
      year: f.year as number | undefined,
      communities: f.communities as number | undefined,
      records: f.records as number | undefined,
      seed: f.seed as number | undefined,
    };
    refuseBadOptions(options, io.clock);
    const generated = f.users && !io.env.SANWU_PASSWORD ? generatedPassword() : undefined;
    const usersPassword = f.users ? (io.env.SANWU_PASSWORD ?? generated) : undefined;
    if (usersPassword !== undefined && !passwordSchema.safeParse(usersPassword).success) {
      throw new SanwuError('INVALID_INPUT', `环境变量 SANWU_PASSWORD 不能用作演示账号的密码：${passwordSchema.safeParse(usersPassword).error?.issues[0]?.message}。未做任何修改。`);
    }
    const { summary, users } = await withContract(args, io, ({ call }) => call('demo.generate', { ...options, usersPassword }), { create: true });
    if (f.json) printJson(io, { ok: true, db: shownLocation(archiveDir(args, io)), ...summary, ...(f.users ? { users, ...(generated ? { password: generated } : {}) } : {}) });
    else printSummary(io, shownLocation(archiveDir(args, io)), summary);
    if (f.users && !f.json) printUsers(io, users, generated);
    return 0;
  },
};
export default command;

/** Bad option values are usage errors, found (by planning, which writes nothing) before any archive is created. */
function refuseBadOptions(options: DemoOptions, clock: Clock): void {
  try {
    planDemo(options, clock);
  } catch (e) {
    if (isSanwuError(e) && e.code === 'INVALID_INPUT') throw usageError(e.message);
    throw e;
  }
}

function printSummary(io: CliIO, dir: string, s: DemoSummary): void {
  const { added: a } = s;
  const lines = [
    `演示档案库：${dir}（${s.office.name}，种子 ${s.seed}）`,
    ...(s.until < `${s.year}-12-31` ? [`${s.year}年尚未结束：档案只生成到今天（${s.until}）为止，不写入未来的日期。`] : []),
    `${s.year}年度：${s.communities} 个社区，档案 ${s.records.total} 件（党务 ${s.records.党务}，居务 ${s.records.居务}，财务 ${s.records.财务}），人员与组织 ${s.roster} 条，附件 ${s.attachments} 个。`,
    `另有 ${s.earlierRecords.total} 件换届选举和居民公约档案，成文于 ${s.earlierRecords.years.join('、')} 年。`,
    a.records + a.communities === 0
      ? '本次没有新增内容（相同参数已生成过）。'
      : `本次新增：社区 ${a.communities} 个，档案 ${a.records} 件，人员与组织 ${a.roster} 条，附件 ${a.attachments} 个。`,
    `档案均未归档，请运行 sanwu file --db ${dir} --year ${s.year}；早年的档案按各自年度归档（--year ${s.earlierRecords.years.join('、')}）。`,
    `留给考评发现的问题（${s.gaps.length} 处）：`,
    ...s.gaps.map((g) => `  ${g.community}：${g.description}`),
  ];
  io.stdout(`${lines.join('\n')}\n`);
}

function printUsers(io: CliIO, users: UserInfo[], generated: string | undefined): void {
  io.stdout(`用户账号：${users.map((u) => `${u.name}（${u.role}）`).join('、')}。\n`);
  io.stdout(generated ? `它们的密码是 ${generated}（只显示这一次，请记下；也可用 SANWU_PASSWORD 指定）。\n` : '它们的密码是环境变量 SANWU_PASSWORD 的值。\n');
}
