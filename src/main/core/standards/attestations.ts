// Attestations of manual indicators: a clerk's met / unmet / na with a note and evidence records.
// Rows are only ever added; the newest per community, year and indicator counts.
import { z } from 'zod';
import type { AttestRequest } from '../../../shared/audit';
import { SanwuError } from '../../../shared/errors';
import { yearSchema } from '../../../shared/schemas';
import { appendAudit } from '../audit-log/append';
import { requireCommunityByName } from '../communities/repository';
import { nowIso, type ArchiveContext } from '../context';
import { findIndicator, isManual } from './catalogue';
import { parseRequest } from './request';
import type { Reader } from '../db/handles';

export interface Attestation {
  status: 'met' | 'unmet' | 'na';
  note: string;
  evidence: number[];
  actor: string;
  at: string;
}

export const ATTEST_STATUSES = ['met', 'unmet', 'na'] as const;

export const attestRequestSchema = z.object({
  year: yearSchema,
  community: z.string().trim().min(1, '请写明社区'),
  indicator: z.string().trim().min(1, '请写明指标编号'),
  status: z.enum(ATTEST_STATUSES, { message: '认定结果只能是 met（达标）、unmet（未达标）或 na（不适用）' }),
  note: z.string().trim().max(2000, '不能超过2000字').optional().default(''),
  evidence: z.array(z.number().int().positive('应为记录编号')).max(1000, '不能超过1000条').optional().default([]),
});

/** Newest attestation per community and indicator for a year. */
export async function latestAttestations(db: Reader, year: number): Promise<Map<number, Map<string, Attestation>>> {
  const rows = await db.selectFrom('attestations').selectAll().where('year', '=', year).orderBy('id').execute();
  const out = new Map<number, Map<string, Attestation>>();
  for (const r of rows) {
    let byIndicator = out.get(r.community_id);
    if (!byIndicator) out.set(r.community_id, (byIndicator = new Map()));
    byIndicator.set(r.indicator_id, {
      status: r.status as Attestation['status'],
      note: r.note,
      evidence: JSON.parse(r.evidence) as number[],
      actor: r.actor,
      at: r.at,
    });
  }
  return out;
}

export async function attest(ctx: ArchiveContext, req: AttestRequest): Promise<void> {
  const r = parseRequest(attestRequestSchema, req, '人工认定未保存');
  const found = findIndicator(r.indicator);
  if (!found) {
    throw new SanwuError('NOT_FOUND', `没有编号为“${r.indicator}”的指标。请用 sanwu audit 查看各标准的指标编号（如 BJ-MZFZ-01）。`);
  }
  if (!isManual(found.indicator)) {
    throw new SanwuError('INVALID_INPUT', `指标 ${r.indicator}（${found.indicator.item}）由档案记录自动评定，不能人工认定；请补录相应的档案记录。`);
  }
  await ctx.write.transaction(async (trx) => {
    const community = await requireCommunityByName(trx, r.community);
    if (!found.standard.appliesTo.includes(community.type)) {
      throw new SanwuError('INVALID_INPUT', `标准 ${found.standard.id} 只适用于${found.standard.appliesTo.join('、')}社区，${community.name}是${community.type}社区。`);
    }
    const evidence = [...new Set(r.evidence)].sort((a, b) => a - b);
    if (evidence.length > 0) {
      const own = await trx
        .selectFrom('records')
        .select('id')
        .where('id', 'in', evidence)
        .where('community_id', '=', community.id)
        .where('voided_at', 'is', null)
        .execute();
      const ownIds = new Set(own.map((o) => o.id));
      const foreign = evidence.filter((id) => !ownIds.has(id));
      if (foreign.length > 0) {
        throw new SanwuError('INVALID_INPUT', `佐证记录 ${foreign.join('、')} 不是${community.name}的有效档案记录，认定未保存。请核对记录编号。`);
      }
    }
    const row = await trx
      .insertInto('attestations')
      .values({
        community_id: community.id,
        year: r.year,
        indicator_id: r.indicator,
        status: r.status,
        note: r.note,
        evidence: JSON.stringify(evidence),
        actor: ctx.actor,
        at: nowIso(ctx),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(ctx, trx, [
      { action: 'attest', entity: 'attestation', entityId: row.id, after: { community: community.name, year: r.year, indicator: r.indicator, status: r.status, note: r.note, evidence } },
    ]);
  });
}
