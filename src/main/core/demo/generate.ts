// `sanwu demo`: writes the planned demo archive. One transaction for everything, so a cancelled or
// failed run leaves the database as it was; records whose fingerprint exists are skipped, so a
// re-run with the same arguments adds nothing.
import type { Kysely } from 'kysely';
import type { DemoCounts, DemoSummary } from '../../../shared/demo';
import type { LongTaskOptions, StreetOffice } from '../../../shared/domain';
import { cancelled, SanwuError } from '../../../shared/errors';
import type { RecordInput } from '../../../shared/schemas';
import { linkAttachments, stageBuffer } from '../attachments/repository';
import { upsertCommunity } from '../communities/repository';
import type { ArchiveContext } from '../context';
import type { DB } from '../db/schema';
import { getOffice, saveOffice } from '../office/repository';
import { insertRecords, loadRecordRules, type RecordRules } from '../records/repository';
import { insertRoster } from '../roster/repository';
import { attachmentFiles } from './attachment-files';
import { describeGap } from './gaps';
import type { CommunityPlan, DemoPlan, FingerprintedRecord } from './plan';
import { STREET_OFFICE } from './record-plan';

const CHUNK = 1000;
const PHASE = '生成演示档案';

/** Writes a plan made by planDemo (plan first, so bad options are refused before an archive is created). */
export async function generateDemo(ctx: ArchiveContext, plan: DemoPlan, task: LongTaskOptions = {}): Promise<DemoSummary> {
  await refuseForeignCommunities(ctx, plan);
  const total = plan.communities.reduce((s, c) => s + c.records.length + c.earlier.length, 0);
  const added: DemoCounts = { communities: 0, records: 0, roster: 0, attachments: 0 };
  let done = 0;
  await ctx.write.transaction(async (trx) => {
    const rules = await loadRecordRules(trx);
    for (const c of plan.communities) {
      const communityId = await ensureCommunity(ctx, trx, plan, c, added);
      const existing = await existingFingerprints(trx, `demo:${plan.seed}:${plan.year}:${c.community.code}:`);
      const fresh = [...c.records, ...c.earlier].filter((r) => !existing.has(r.fingerprint));
      done += c.records.length + c.earlier.length - fresh.length;
      for (let i = 0; i < fresh.length; i += CHUNK) {
        // Let Ctrl+C's handler run between chunks: the database calls themselves never yield.
        await new Promise((resolve) => setImmediate(resolve));
        if (task.signal?.aborted) throw cancelled();
        const chunk = fresh.slice(i, i + CHUNK);
        added.attachments += await writeRecords(ctx, trx, rules, plan, c, communityId, chunk);
        added.records += chunk.length;
        done += chunk.length;
        if (i + CHUNK < fresh.length) task.onProgress?.({ phase: PHASE, done, total, message: c.community.name });
      }
      task.onProgress?.({ phase: PHASE, done, total, message: c.community.name });
    }
    if (task.signal?.aborted) throw cancelled();
  });
  // After the data, so a cancelled run leaves no street office behind either.
  const office = (await getOffice(ctx)) ?? (await saveOffice(ctx, STREET_OFFICE));
  return summarise(plan, office, added);
}

/** Demo communities go by code; a real community holding one of the codes or names is never touched. */
async function refuseForeignCommunities(ctx: ArchiveContext, plan: DemoPlan): Promise<void> {
  const rows = await ctx.db.selectFrom('communities').select(['code', 'name']).execute();
  const clashes = plan.communities.flatMap(({ community: c }) =>
    rows.filter((r) => (r.code === c.code) !== (r.name === c.name)).map((r) => `${r.code} ${r.name}（演示数据要用 ${c.code} ${c.name}）`),
  );
  if (clashes.length > 0) {
    throw new SanwuError(
      'CONFLICT',
      `档案库中已有社区与演示数据的社区代码或名称冲突：${clashes.join('；')}。未写入任何内容。请用 --db 指向一个新的文件夹生成演示档案库。`,
    );
  }
}

/** Creates the community and its roster the first time; afterwards both are left as they are. */
async function ensureCommunity(ctx: ArchiveContext, trx: Kysely<DB>, plan: DemoPlan, c: CommunityPlan, added: DemoCounts): Promise<number> {
  const found = await trx.selectFrom('communities').select('id').where('code', '=', c.community.code).executeTakeFirst();
  if (found) return found.id;
  const { index: _i, ...profile } = c.community;
  const created = await upsertCommunity(ctx, trx, profile, source(plan));
  const roster = await insertRoster(
    ctx,
    trx,
    c.roster.map((e, i) => ({ ...e, communityId: created.id, fingerprint: `demo:${plan.seed}:${c.community.code}:roster:${i + 1}`, source: source(plan) })),
  );
  added.communities++;
  added.roster += roster.inserted;
  return created.id;
}

async function existingFingerprints(trx: Kysely<DB>, prefix: string): Promise<Set<string>> {
  const rows = await trx.selectFrom('records').select('fingerprint').where('fingerprint', 'like', `${prefix}%`).execute();
  return new Set(rows.map((r) => r.fingerprint!));
}

/** Inserts one chunk and attaches its files; returns the number of attachments. */
async function writeRecords(
  ctx: ArchiveContext,
  trx: Kysely<DB>,
  rules: RecordRules,
  plan: DemoPlan,
  c: CommunityPlan,
  communityId: number,
  chunk: FingerprintedRecord[],
): Promise<number> {
  const inputs: RecordInput[] = chunk.map(({ attach: _a, docPrefix: _p, ...r }) => ({ ...r, communityId, source: source(plan) }));
  const { ids } = await insertRecords(ctx, trx, inputs, rules);
  if (ids.length !== chunk.length) throw new SanwuError('CONFLICT', `${c.community.name}的演示记录与已有记录重复，未写入任何内容。`);
  let attachments = 0;
  for (const [i, r] of chunk.entries()) {
    const files = attachmentFiles(r, c.community);
    if (files.length === 0) continue;
    const staged = await Promise.all(files.map((f) => stageBuffer(ctx, f.bytes, f.name)));
    await linkAttachments(ctx, trx, ids[i]!, staged, source(plan));
    attachments += files.length;
  }
  return attachments;
}

const source = (plan: DemoPlan) => `sanwu demo --seed ${plan.seed} --year ${plan.year}`;

function summarise(plan: DemoPlan, office: StreetOffice, added: DemoCounts): DemoSummary {
  const records: DemoSummary['records'] = { 党务: 0, 居务: 0, 财务: 0, total: 0 };
  const earlierYears: number[] = [];
  let roster = 0;
  let attachments = 0;
  for (const c of plan.communities) {
    for (const r of c.records) records[r.affair]++;
    records.total += c.records.length;
    earlierYears.push(...c.earlier.map((r) => Number(r.date.slice(0, 4))));
    roster += c.roster.length;
    attachments += [...c.records, ...c.earlier].reduce((s, r) => s + r.attach.length, 0);
  }
  return {
    office,
    year: plan.year,
    until: plan.until,
    seed: plan.seed,
    communities: plan.communities.length,
    records,
    earlierRecords: { total: earlierYears.length, years: [...new Set(earlierYears)].sort() },
    roster,
    attachments,
    added,
    gaps: plan.communities.flatMap((c) => c.gaps.list.map((g) => ({ community: c.community.name, gap: g.kind, description: describeGap(g) }))),
  };
}
