// `sanwu attest`: a clerk's attestation of a manual indicator (met / unmet / na), audited.
import { contractInput, withContract } from '../contract';
import { DB_FLAG, type Command } from '../command';

/** `12,15` (or 、，) as record ids; what is not a number goes on as text for the contract to refuse. */
function evidenceIds(raw: string | undefined): (number | string)[] | undefined {
  if (raw === undefined) return undefined;
  return raw
    .split(/[,，、]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

const command: Command = {
  summary: '人工认定指标（达标 met / 未达标 unmet / 不适用 na）',
  usage: 'sanwu attest --db DIR --year Y --community 社区 --indicator ID --status met|unmet|na [--note 说明] [--evidence ID,…] [--as 用户名]',
  flags: {
    ...DB_FLAG,
    year: { type: 'number', required: true },
    community: { type: 'string', required: true },
    indicator: { type: 'string', required: true },
    status: { type: 'string', required: true },
    note: { type: 'string' },
    evidence: { type: 'string' },
  },
  async run(args, io) {
    const f = args.flags;
    const req = contractInput(
      'audit.attest',
      {
        year: f.year as number,
        community: f.community as string,
        indicator: f.indicator as string,
        status: f.status as 'met',
        note: f.note as string | undefined,
        evidence: evidenceIds(f.evidence as string | undefined) as number[] | undefined,
      },
      { year: '--year', community: '--community', indicator: '--indicator', status: '--status', note: '--note', evidence: '--evidence' },
    );
    await withContract(args, io, ({ call }) => call('audit.attest', req));
    const evidence = req.evidence ?? [];
    io.stdout(`已认定：${req.community} ${req.year}年度 ${req.indicator} → ${req.status}${evidence.length ? `，佐证记录 ${evidence.join('、')}` : ''}。\n`);
    return 0;
  },
};
export default command;
