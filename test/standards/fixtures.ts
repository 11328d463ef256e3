// Building blocks for standards tests: records, roster entries and attachments in a test archive.
import { runCli } from '../../src/main/cli/main';
import type { CliIO } from '../../src/main/cli/io';
import { linkAttachments, stageBuffer } from '../../src/main/core/attachments/repository';
import type { ArchiveContext } from '../../src/main/core/context';
import { insertRecords } from '../../src/main/core/records/repository';
import { insertRoster } from '../../src/main/core/roster/repository';
import { runAudit } from '../../src/main/core/standards';
import type { IndicatorResult } from '../../src/shared/audit';
import type { RecordInput, RosterInput } from '../../src/shared/schemas';
import { affairOfKind } from '../../src/shared/vocabulary';
import { fixedClock } from '../helpers/archive';


/** Adds records of a kind on the given dates (YYYY-MM-DD); returns their ids. */
export async function addRecords(ctx: ArchiveContext, kind: string, dates: string[], extra: Partial<RecordInput> = {}): Promise<number[]> {
  const affair = affairOfKind(kind)!;
  const inputs = dates.map((date, i) => ({ communityId: 1, affair, kind, title: `${kind}记录${i + 1}`, date, ...extra }));
  const { ids } = await ctx.write.transaction((trx) => insertRecords(ctx, trx, inputs));
  return ids;
}

export async function attachPdf(ctx: ArchiveContext, recordIds: number[]): Promise<void> {
  for (const id of recordIds) {
    const staged = await stageBuffer(ctx, new TextEncoder().encode(`%PDF-1.7\n% record ${id}\n%%EOF\n`), `${id}.pdf`);
    await ctx.write.transaction((trx) => linkAttachments(ctx, trx, id, [staged]));
  }
}

export async function addRoster(ctx: ArchiveContext, kind: string, entries: { start?: string | null; end?: string | null; communityId?: number }[]): Promise<void> {
  const inputs: RosterInput[] = entries.map((e, i) => ({
    communityId: e.communityId ?? 1,
    kind,
    name: `${kind}${i + 1}`,
    startDate: e.start === undefined ? '2020-01-01' : e.start,
    endDate: e.end ?? null,
  }));
  await ctx.write.transaction((trx) => insertRoster(ctx, trx, inputs));
}

export const monthDates = (year: number, months: number[], day = 10) => months.map((m) => `${year}-${String(m).padStart(2, '0')}-${day}`);

/** One indicator of one community's audit. */
export async function indicator(ctx: ArchiveContext, id: string, year = 2025, community = '桃源社区'): Promise<IndicatorResult> {
  const standard = id.replace(/-\d{2}[A-Z]?$/, '');
  const res = await runAudit(ctx, { year, standard, community });
  const found = res.communities[0]?.standards[0]?.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`indicator ${id} not in the audit`);
  return found;
}

/** Runs `sanwu …` in-process in `cwd`, capturing its streams. */
export async function sanwu(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), env: { SANWU_ANCHOR_DIR: process.env.SANWU_ANCHOR_DIR }, cwd, clock: fixedClock(), signal: new AbortController().signal };
  const code = await runCli(argv, io);
  return { code, out, err };
}
