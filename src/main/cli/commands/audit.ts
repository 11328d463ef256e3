// `sanwu audit`: evaluates the standards for a year; JSON per DESIGN.md or a compact table per community.
import type { AuditResult, CommunityAudit } from '../../../shared/audit';
import type { DistrictAuditResult } from '../../../shared/district';
import { scoreText, STATUS_TEXT, verdictText } from '../../../shared/audit-verdict';
import { DB_FLAG, type Command } from '../command';
import { contractInput, withContract } from '../contract';
import { printJson, type CliIO } from '../io';


function printTable(io: CliIO, result: Shown): void {
  io.stdout(`${result.year}年度考评（截至 ${result.asOf}）\n`);
  for (const c of result.communities) {
    io.stdout(`\n${c.office !== undefined ? `${c.office} ` : ''}${c.community}\n`);
    if (c.standards.length === 0) io.stdout('  （没有适用的标准）\n');
    for (const s of c.standards) {
      const tally = Object.entries(STATUS_TEXT)
        .map(([status, name]) => [name, s.indicators.filter((i) => i.status === status).length] as const)
        .filter(([, n]) => n > 0)
        .map(([name, n]) => `${name}${n}`)
        .join(' ');
      io.stdout(`  ${s.id} ${s.name ?? ''}  得分 ${scoreText(s)}  ${verdictText(s)}${s.vetoPending ? '（一票否决项待认定）' : ''}  [${tally}]\n`);
      for (const i of s.indicators.filter((x) => x.status !== 'met' && x.status !== 'na' && x.status !== 'manual')) {
        io.stdout(`    ${i.id.padEnd(12)} ${STATUS_TEXT[i.status]}\t${i.missing.join('；')}\n`);
      }
      const awaiting = s.indicators.filter((x) => x.status === 'manual').map((x) => x.id);
      if (awaiting.length > 0) io.stdout(`    待人工认定（sanwu attest）：${awaiting.join('、')}\n`);
    }
  }
}

/** A district's archive: the assessments its street offices reported, communities named with their office. */
/** The audit as shown: on a district's archive each community also names its office and 全宗号. */
type Shown = Omit<AuditResult, 'communities'> & { communities: (CommunityAudit & { office?: string; code?: string })[] };

function reported(r: DistrictAuditResult): Shown {
  return {
    year: r.year,
    asOf: r.asOf,
    communities: r.communities.map((c) => ({ office: c.office, code: c.code, community: c.community, standards: c.standards })),
  };
}

const command: Command = {
  summary: '考评：按标准评定各社区一年的档案（区级档案库：各街道报送的考评结果，可用 --office 只看一个街道）',
  usage: 'sanwu audit --db DIR --year Y [--standard ID] [--community 社区] [--office 街道] [--json] [--as 用户名]',
  flags: {
    ...DB_FLAG,
    year: { type: 'number', required: true },
    standard: { type: 'string' },
    community: { type: 'string' },
    office: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const req = contractInput(
      'audit.run',
      { year: args.flags.year as number, standard: args.flags.standard as string | undefined, community: args.flags.community as string | undefined },
      { year: '--year', standard: '--standard', community: '--community' },
    );
    const office = args.flags.office as string | undefined;
    const result: Shown = await withContract(args, io, async ({ call }) =>
      (await call('app.info', {})).district ? reported(await call('district.audit', { ...req, office })) : call('audit.run', req),
    );
    if (!args.flags.json) {
      printTable(io, result);
      return 0;
    }
    // The DESIGN.md contract shape, fields in its order.
    printJson(io, {
      year: result.year,
      asOf: result.asOf,
      communities: result.communities.map((c) => ({
        ...(c.office !== undefined ? { office: c.office, code: c.code } : {}),
        community: c.community,
        standards: c.standards.map((s) => ({
          id: s.id,
          score: s.score,
          result: s.result,
          vetoed: s.vetoed,
          vetoPending: s.vetoPending,
          provisional: s.provisional,
          assessed: s.assessed,
          awaiting: s.awaiting,
          indicators: s.indicators.map((i) => ({ id: i.id, status: i.status, missing: i.missing, evidence: i.evidence })),
        })),
      })),
    });
    return 0;
  },
};
export default command;
