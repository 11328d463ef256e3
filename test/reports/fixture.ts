// A filled archive for the report tests and bench: communities with records across the year's
// months and kinds, money on 财务 items, archivist-written titles, a voided record, attachments,
// and earlier-year items that are due for appraisal. Filed with the real `fileYear`.
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { linkAttachments, stageBuffer } from '../../src/main/core/attachments/repository';
import type { ArchiveContext, Clock } from '../../src/main/core/context';
import { insertRecords, voidRecord } from '../../src/main/core/records/repository';
import type { RecordInput } from '../../src/shared/schemas';
import { DEFAULT_VOCABULARY, type Affair } from '../../src/shared/vocabulary';
import { tempArchive, type TestArchive } from '../helpers/archive';

export const YEAR = 2025;
const CHANNELS = DEFAULT_VOCABULARY.channels;

export function communityInputs(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    code: `S${101 + i}`,
    name: `${['桃源', '幸福', '和平', '光明', '新华', '长江', '东风', '红旗', '建设', '人民'][i % 10]}${i >= 10 ? i : ''}社区`,
    type: (i % 4 === 3 ? '农村' : '城市') as '城市' | '农村',
    households: 1000 + i * 37,
    population: 3000 + i * 91,
  }));
}

/** `perCommunity` records of YEAR for each community (numbered from `from`), spread over kinds, months and channels. */
export function recordInputs(communityIds: number[], perCommunity: number, from = 0, year = YEAR): RecordInput[] {
  const out: RecordInput[] = [];
  const affairs: Affair[] = ['党务', '居务', '财务'];
  for (const communityId of communityIds) {
    for (let i = from; i < from + perCommunity; i++) {
      const affair = affairs[i % 3]!;
      const kinds = DEFAULT_VOCABULARY.kinds[affair];
      const kind = kinds[Math.floor(i / 3) % kinds.length]!;
      const month = (i % 12) + 1;
      const day = (i % 28) + 1;
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      out.push({
        communityId,
        affair,
        kind,
        title: `${kind}${month}月第${i + 1}号记录`,
        titleSupplied: i % 7 === 0,
        responsible: '社区居委会',
        docNumber: i % 5 === 0 ? `居字〔${year}〕${i + 1}号` : '',
        date,
        disclosureDate: date,
        disclosureChannel: CHANNELS[i % CHANNELS.length]!,
        pages: (i % 9) + 1,
        income: affair === '财务' ? 1000 + i * 10.5 : null,
        expense: affair === '财务' ? 500 + i * 3.25 : null,
        fundCategory: affair === '财务' ? '办公经费' : null,
        notes: '',
        fingerprint: `fx-${communityId}-${year}-${i}`,
      });
    }
  }
  return out;
}

export interface ReportFixture extends TestArchive {
  /** ids of the earlier-year items that are due for appraisal on 2025-12-31 */
  dueIds: number[];
}

export async function reportArchive(options: { communities?: number; perCommunity?: number; clock?: Clock } = {}): Promise<ReportFixture> {
  const a = await tempArchive({ communities: communityInputs(options.communities ?? 3), clock: options.clock });
  const ctx: ArchiveContext = a.ctx;
  const ids = (await ctx.db.selectFrom('communities').select('id').orderBy('code').execute()).map((c) => c.id);
  const { ids: inserted } = await ctx.write.transaction((trx) => insertRecords(ctx, trx, recordInputs(ids, options.perCommunity ?? 30)));
  // 2014, 定期10年: expired 31 Dec 2024, due from 2025; 2015 is not due until 2026
  const old = await ctx.write.transaction((trx) =>
    insertRecords(ctx, trx, [
      { communityId: ids[0]!, affair: '居务', kind: '居务公开', title: '2014年第一季度居务公开', date: '2014-03-31', pages: 2, fingerprint: 'old-1' },
      { communityId: ids[0]!, affair: '财务', kind: '银行对账单', title: '2014年3月银行对账单', date: '2014-03-31', pages: 1, fingerprint: 'old-2' },
      { communityId: ids[0]!, affair: '居务', kind: '居务公开', title: '2015年第一季度居务公开', date: '2015-03-31', pages: 2, fingerprint: 'old-3' },
    ]),
  );
  await fileYear(ctx, { year: 2014 });
  await fileYear(ctx, { year: 2015 });
  // one record of the year voided before filing: excluded everywhere
  await voidRecord(ctx, inserted[inserted.length - 1]!, '重复录入');
  await fileYear(ctx, { year: YEAR });
  const files = [await stageBuffer(ctx, new TextEncoder().encode('%PDF-1.4 minutes'), '会议记录.pdf'), await stageBuffer(ctx, new TextEncoder().encode('photo'), '公开栏照片.jpg')];
  await ctx.write.transaction((trx) => linkAttachments(ctx, trx, inserted[0]!, files));
  return { ...a, dueIds: old.ids.slice(0, 2) };
}
