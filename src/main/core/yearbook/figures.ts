// The 年报's computed figures, counted from the register, each with the rows it was counted from (the
// 统计说明 sheet prints them so an inspector can trace every figure back to its records).
import type { ComputedKey, YearbookFigures } from '../../../shared/yearbook';
import { isoDay, type ArchiveContext } from '../context';
import { yearBounds } from '../lending/year-bounds';
import { decodeState } from '../audit-log/states';
import type { Reader } from '../db/handles';

/** Statuses of items the archive room holds (DESIGN.md: 在保 or 待鉴定). */
export const HELD_STATUSES = ['在保', '待鉴定'] as const;
export const BYTES_PER_GB = 1024 ** 3;

/** One line of a figure's trace: what was counted, how many, from where. */
export interface TraceRow {
  item: string;
  value: number;
  source: string;
}

export interface FigureTrace {
  key: ComputedKey;
  /** how the figure was counted, in words */
  method: string;
  /** the detail it sums (empty: nothing counted) */
  rows: TraceRow[];
  /** the heading of the detail's 分项 column */
  detail: string;
}

export interface CountedYearbook {
  figures: YearbookFigures;
  traces: FigureTrace[];
}

interface CellCount {
  community: string;
  fonds: string | null;
  year: number | null;
  retention: string;
  n: number;
}

const cellName = (c: Pick<CellCount, 'community' | 'fonds' | 'year' | 'retention'>) => `${c.fonds ?? ''} ${c.community} · ${c.year ?? ''}年度 · ${c.retention}`;

/** Held items of 年度 ≤ year, per 全宗 × 年度 × 保管期限; with their live files. */
async function holdings(db: Reader, year: number) {
  const held = db
    .selectFrom('records as r')
    .innerJoin('communities as c', 'c.id', 'r.community_id')
    .where('r.voided_at', 'is', null)
    .where('r.status', 'in', [...HELD_STATUSES])
    .where('r.filing_year', '<=', year);
  const order = ['r.fonds_code', 'r.filing_year', 'r.retention', 'c.name'] as const;
  const [cells, electronic] = await Promise.all([
    held
      .select(['c.name as community', 'r.fonds_code as fonds', 'r.filing_year as year', 'r.retention', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy([...order])
      .orderBy('r.fonds_code')
      .orderBy('r.filing_year')
      .orderBy('r.retention')
      .orderBy('c.name')
      .execute(),
    held
      .innerJoin('attachments as a', (j) => j.onRef('a.record_id', '=', 'r.id').on('a.removed_at', 'is', null))
      .select([
        'c.name as community',
        'r.fonds_code as fonds',
        'r.filing_year as year',
        'r.retention',
        (eb) => eb.fn.count<number>('r.id').distinct().as('n'),
        (eb) => eb.fn.count<number>('a.id').as('files'),
        (eb) => eb.fn.sum<number>('a.size').as('bytes'),
      ])
      .groupBy([...order])
      .orderBy('r.fonds_code')
      .orderBy('r.filing_year')
      .orderBy('r.retention')
      .orderBy('c.name')
      .execute(),
  ]);
  return {
    cells: cells.map((c) => ({ ...c, n: Number(c.n) })),
    electronic: electronic.map((c) => ({ ...c, n: Number(c.n), files: Number(c.files), bytes: Number(c.bytes ?? 0) })),
  };
}

/** Items filed (归档) within the year, whatever became of them since. */
async function received(db: Reader, year: number): Promise<CellCount[]> {
  const [from, to] = yearBounds(year);
  const rows = await db
    .selectFrom('records as r')
    .innerJoin('communities as c', 'c.id', 'r.community_id')
    .select(['c.name as community', 'r.fonds_code as fonds', 'r.filing_year as year', 'r.retention', (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.voided_at', 'is', null)
    .where('r.filed_at', '>=', from)
    .where('r.filed_at', '<', to)
    .groupBy(['r.fonds_code', 'r.filing_year', 'r.retention', 'c.name'])
    .orderBy('r.fonds_code')
    .orderBy('r.filing_year')
    .orderBy('r.retention')
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

interface Act {
  recordId: number;
  entry: number;
  at: string;
  action: string;
}

/**
 * Items that reached `status` within the year: the first audit entry recording the item in that
 * status (an upgrade's baseline records what it found, not an act) falls in the year.
 */
async function actsReaching(db: Reader, status: string, year: number): Promise<(Act & { code: string | null; title: string })[]> {
  const entries = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'entity_id', 'action', 'after'])
    .where('entity', '=', 'record')
    .where('action', '!=', 'baseline')
    .where('after', 'like', `%${status}%`)
    .orderBy('id')
    .execute();
  const first = new Map<number, Act>();
  for (const e of entries) {
    if (e.entity_id === null || first.has(e.entity_id)) continue;
    if (decodeState('record', e.after)?.status !== status) continue;
    first.set(e.entity_id, { recordId: e.entity_id, entry: e.id, at: e.at, action: e.action });
  }
  const [from, to] = yearBounds(year);
  const acts = [...first.values()].filter((a) => a.at >= from && a.at < to);
  if (acts.length === 0) return [];
  const records = new Map(
    (await db.selectFrom('records').select(['id', 'archival_code', 'title']).where('id', 'in', acts.map((a) => a.recordId)).execute()).map((r) => [r.id, r]),
  );
  return acts.map((a) => ({ ...a, code: records.get(a.recordId)?.archival_code ?? null, title: records.get(a.recordId)?.title ?? '' }));
}

/** 利用: loans made and files viewed within the year, one 人次 per person per day. */
async function use(db: Reader, year: number) {
  const [from, to] = yearBounds(year);
  const [loans, views] = await Promise.all([
    db
      .selectFrom('loans as l')
      .innerJoin('loan_items as i', 'i.loan_id', 'l.id')
      .select(['l.id', 'l.borrower', 'l.lent_at', (eb) => eb.fn.countAll<number>().as('items')])
      .where('l.lent_at', '>=', from)
      .where('l.lent_at', '<', to)
      .groupBy(['l.id', 'l.borrower', 'l.lent_at'])
      .orderBy('l.id')
      .execute(),
    db.selectFrom('file_views').select(['viewer', 'viewed_at', 'record_id']).where('viewed_at', '>=', from).where('viewed_at', '<', to).orderBy('id').execute(),
  ]);
  // person-day → what it used: loan numbers and their item count, viewed items
  const days = new Map<string, { day: string; person: string; loans: number[]; loanItems: number; viewed: Set<number>; views: number }>();
  const dayOf = (day: string, person: string) => {
    const key = `${day}\u0000${person}`;
    let d = days.get(key);
    if (!d) days.set(key, (d = { day, person, loans: [], loanItems: 0, viewed: new Set(), views: 0 }));
    return d;
  };
  for (const l of loans) {
    const d = dayOf(isoDay(new Date(l.lent_at)), l.borrower);
    d.loans.push(l.id);
    d.loanItems += Number(l.items);
  }
  for (const v of views) {
    const d = dayOf(isoDay(new Date(v.viewed_at)), v.viewer);
    d.viewed.add(v.record_id);
    d.views++;
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day) || a.person.localeCompare(b.person));
}

const sum = (rows: { n: number }[]) => rows.reduce((s, r) => s + r.n, 0);

export async function countYearbook(ctx: ArchiveContext, year: number): Promise<CountedYearbook> {
  const db = ctx.db;
  const countedAt = ctx.clock.now().toISOString();
  const [held, filed, transfers, destructions, usage] = await Promise.all([
    holdings(db, year),
    received(db, year),
    actsReaching(db, '已移交', year),
    actsReaching(db, '已销毁', year),
    use(db, year),
  ]);
  const bytes = held.electronic.reduce((s, c) => s + c.bytes, 0);
  const byRetention = (r: string) => held.cells.filter((c) => c.retention === r);
  const personTimes = usage.length;
  const itemTimes = usage.reduce((s, d) => s + d.loanItems + d.viewed.size, 0);
  const heldRule = `${year}年度及以前、在统计时（${isoDay(new Date(countedAt))}）状态为“在保”或“待鉴定”的已归档档案，按件计`;
  const actRows = (acts: Awaited<ReturnType<typeof actsReaching>>) =>
    acts.map((a) => ({ item: `${a.code ?? `记录 ${a.recordId}`}　${a.title}`, value: 1, source: `操作日志第 ${a.entry} 条（${isoDay(new Date(a.at))}）` }));

  const traces: FigureTrace[] = [
    { key: 'holdings', detail: '全宗 · 年度 · 保管期限', method: `${heldRule}；按全宗、年度、保管期限分列，与归档文件目录相对照。`, rows: held.cells.map((c) => ({ item: cellName(c), value: c.n, source: '档案登记（归档文件目录）' })) },
    { key: 'holdingsPermanent', detail: '全宗 · 年度 · 保管期限', method: `室存档案中保管期限为“永久”的件数。`, rows: byRetention('永久').map((c) => ({ item: cellName(c), value: c.n, source: '档案登记（归档文件目录）' })) },
    { key: 'holdingsD30', detail: '全宗 · 年度 · 保管期限', method: `室存档案中保管期限为“定期30年”的件数。`, rows: byRetention('定期30年').map((c) => ({ item: cellName(c), value: c.n, source: '档案登记（归档文件目录）' })) },
    {
      key: 'electronicItems',
      detail: '全宗 · 年度 · 保管期限',
      method: '室存档案中至少有一个电子文件（附件）的件数；来源为各件的附件登记。',
      rows: held.electronic.map((c) => ({ item: cellName(c), value: c.n, source: `附件 ${c.files} 个` })),
    },
    {
      key: 'electronicGb',
      detail: '全宗 · 年度 · 保管期限（字节）',
      method: `室存档案全部附件的字节数之和（共 ${bytes} 字节）除以 1024³，保留三位小数。`,
      rows: held.electronic.map((c) => ({ item: cellName(c), value: c.bytes, source: `附件 ${c.files} 个` })),
    },
    { key: 'received', detail: '全宗 · 年度 · 保管期限', method: `${year}年内归档（编定档号）的件数，含其后已鉴定、销毁或移交的。`, rows: filed.map((c) => ({ item: cellName(c), value: c.n, source: '档案登记的归档时间' })) },
    { key: 'transferredAny', detail: '档号　题名', method: `本年移交档案件数大于 0 为“是”，否则为“否”。`, rows: [] },
    { key: 'transferred', detail: '档号　题名', method: `${year}年内状态首次变为“已移交”（移交接收方确认）的件数，逐件见操作日志。`, rows: actRows(transfers) },
    { key: 'destroyedAny', detail: '档号　题名', method: `本年销毁档案件数大于 0 为“是”，否则为“否”。`, rows: [] },
    { key: 'destroyed', detail: '档号　题名', method: `${year}年内状态首次变为“已销毁”（经批准监销）的件数，逐件见操作日志。`, rows: actRows(destructions) },
    {
      key: 'usePersonTimes',
      detail: '日期　利用人',
      method: '借阅登记的借阅人（按借出日期）与在本软件中查看电子文件的用户（按查看日期），同一人同一天计 1 人次。',
      rows: usage.map((d) => ({ item: `${d.day}　${d.person}`, value: 1, source: useSource(d) })),
    },
    {
      key: 'useItemTimes',
      detail: '日期　利用人',
      method: '借阅登记所借档案每件计 1 件次；在本软件中查看电子文件，同一人同一天查看同一件计 1 件次。',
      rows: usage.map((d) => ({ item: `${d.day}　${d.person}`, value: d.loanItems + d.viewed.size, source: useSource(d) })),
    },
  ];

  const values: YearbookFigures['values'] = {
    holdings: sum(held.cells),
    holdingsPermanent: sum(byRetention('永久')),
    holdingsD30: sum(byRetention('定期30年')),
    electronicItems: sum(held.electronic),
    electronicGb: (bytes / BYTES_PER_GB).toFixed(3),
    received: sum(filed),
    transferredAny: transfers.length > 0 ? '是' : '否',
    transferred: transfers.length,
    destroyedAny: destructions.length > 0 ? '是' : '否',
    destroyed: destructions.length,
    usePersonTimes: personTimes,
    useItemTimes: itemTimes,
  };
  return { figures: { year, countedAt, values, electronicBytes: bytes }, traces };
}

function useSource(d: { loans: number[]; loanItems: number; viewed: Set<number>; views: number }): string {
  const parts: string[] = [];
  if (d.loans.length > 0) parts.push(`借阅登记第 ${d.loans.join('、')} 号（${d.loanItems} 件）`);
  if (d.views > 0) parts.push(`查看电子文件 ${d.views} 次（${d.viewed.size} 件）`);
  return parts.join('；');
}
