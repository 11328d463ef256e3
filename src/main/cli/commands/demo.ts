// `sanwu demo`: create (if needed) and fill a realistic demo archive, deterministic by --seed.
import { isSanwuError } from '../../../shared/errors';
import { generateDemo, type DemoSummary } from '../../core/demo/generate';
import { planDemo, type DemoOptions, type DemoPlan } from '../../core/demo/plan';
import { usageError } from '../args';
import { archiveDir, shownLocation, DB_FLAG, withArchive, type Command } from '../command';
import { printJson, progressToStderr, type CliIO } from '../io';

const command: Command = {
  summary: '生成演示档案库',
  usage: 'sanwu demo --db DIR [--year 2025] [--communities 12] [--records 300] [--seed 1] [--json]',
  flags: {
    ...DB_FLAG,
    year: { type: 'number' },
    communities: { type: 'number' },
    records: { type: 'number' },
    seed: { type: 'number' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const f = args.flags;
    const plan = planOrUsage({
      year: f.year as number | undefined,
      communities: f.communities as number | undefined,
      records: f.records as number | undefined,
      seed: f.seed as number | undefined,
    });
    const summary = await withArchive(args, io, (ctx) => generateDemo(ctx, plan, { onProgress: progressToStderr(io), signal: io.signal }), {
      create: true,
    });
    if (f.json) printJson(io, { ok: true, db: shownLocation(archiveDir(args, io)), ...summary });
    else printSummary(io, shownLocation(archiveDir(args, io)), summary);
    return 0;
  },
};
export default command;

/** Bad option values are usage errors, found before any archive is created. */
function planOrUsage(options: DemoOptions): DemoPlan {
  try {
    return planDemo(options);
  } catch (e) {
    if (isSanwuError(e) && e.code === 'INVALID_INPUT') throw usageError(e.message);
    throw e;
  }
}

function printSummary(io: CliIO, dir: string, s: DemoSummary): void {
  const { added: a } = s;
  const lines = [
    `演示档案库：${dir}（${s.office.name}，种子 ${s.seed}）`,
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
