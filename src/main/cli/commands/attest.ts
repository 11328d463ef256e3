// `sanwu attest`: a clerk's attestation of a manual indicator (met / unmet / na), audited.
import { attest } from '../../core/standards';
import { usageError } from '../args';
import { DB_FLAG, withArchive, type Command } from '../command';

const STATUSES = ['met', 'unmet', 'na'] as const;
type Status = (typeof STATUSES)[number];

function evidenceIds(raw: string | undefined): number[] {
  if (raw === undefined) return [];
  const parts = raw.split(/[,，、]/).map((p) => p.trim()).filter(Boolean);
  const bad = parts.filter((p) => !/^\d+$/.test(p) || Number(p) === 0);
  if (bad.length > 0) throw usageError(`--evidence 应为逗号分隔的记录编号（如 12,15），“${bad.join('、')}”不是记录编号`);
  return parts.map(Number);
}

const command: Command = {
  summary: '人工认定指标（达标 met / 未达标 unmet / 不适用 na）',
  usage: 'sanwu attest --db DIR --year Y --community 社区 --indicator ID --status met|unmet|na [--note 说明] [--evidence ID,…]',
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
    const status = args.flags.status as string;
    if (!STATUSES.includes(status as Status)) throw usageError(`--status 只能是 met（达标）、unmet（未达标）或 na（不适用），而不是“${status}”`);
    const evidence = evidenceIds(args.flags.evidence as string | undefined);
    const req = {
      year: args.flags.year as number,
      community: args.flags.community as string,
      indicator: args.flags.indicator as string,
      status: status as Status,
      note: args.flags.note as string | undefined,
      evidence,
    };
    await withArchive(args, io, (ctx) => attest(ctx, req));
    io.stdout(`已认定：${req.community} ${req.year}年度 ${req.indicator} → ${status}${evidence.length ? `，佐证记录 ${evidence.join('、')}` : ''}。\n`);
    return 0;
  },
};
export default command;
