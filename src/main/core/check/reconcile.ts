// Reconciliation (真实性): every live row of records, attachments, communities, roster and the filing
// counters equals the state its latest audit entry records; no audited row is gone; no entry number is
// missing. Found by the engine (db/sqlite/reconcile.ts); said here, naming the place.
import type { CheckProblem } from '../../../shared/check';
import { decodeState, type StateEntity } from '../audit-log/states';
import type { Discrepancy, Statements } from '../db';
import { problem, recordName, type RecordRef } from './problems';

const LABELS: Record<string, string> = {
  community_id: '所属社区', affair: '类别', kind: '事项', title: '题名', title_supplied: '自拟题名', responsible: '责任者',
  doc_number: '文号', date: '成文日期', disclosure_date: '公开日期', disclosure_channel: '公开形式', pages: '页数',
  retention: '保管期限', income_fen: '收入金额（分）', expense_fen: '支出金额（分）', fund_category: '资金类别', notes: '备注',
  secrecy: '密级', category_code: '门类', fonds_code: '全宗号', filing_year: '归档年度', retention_code: '保管期限代码',
  problem_code: '问题代码', item_no: '件号', archival_code: '档号', filed_at: '归档时间', box_no: '盒号', status: '状态',
  fingerprint: '导入指纹', source: '来源', created_at: '登记时间', updated_at: '修改时间', voided_at: '作废时间',
  void_reason: '作废原因', record_id: '所属记录', sha256: '文件摘要', size: '文件大小', media_type: '文件类型',
  original_name: '文件名', removed_at: '移除时间', code: '全宗号（社区代码）', name: '名称', type: '类型', households: '户数',
  population: '人口', area_km2: '辖区面积', resident_units: '驻区单位数', station_area: '服务站面积', weekly_hours: '每周服务时长',
  retired_at: '撤销时间', start_date: '起始日期', end_date: '终止日期', note: '备注', year: '年度', last_item_no: '已编到的件号',
  id: '编号',
};

const SAY = '它被绕过本软件直接改动过；请核查，并从最近的备份恢复。';

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '空';
  const text = String(v);
  return text.length > 30 ? `“${text.slice(0, 30)}…”` : `“${text}”`;
};

/** What differs between two states, e.g. 题名：“旧”→“新”. */
function changes(entity: StateEntity, recorded: string, live: string): string {
  const before = decodeState(entity, recorded) ?? {};
  const after = decodeState(entity, live) ?? {};
  return Object.keys(after)
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${LABELS[k] ?? k}：${show(before[k])}→${show(after[k])}`)
    .join('，');
}

/** How a row is named in a message, from whichever state is known. */
function rowName(d: Discrepancy, refs: (id: number) => RecordRef | undefined): { name: string; record: RecordRef | null } {
  const s = decodeState(d.entity, d.live ?? d.recorded) ?? {};
  const recordOf = (id: unknown): RecordRef | null => (typeof id === 'number' ? (refs(id) ?? { id, archival_code: null }) : null);
  switch (d.entity) {
    case 'record': {
      const r = recordOf(d.id) ?? { id: d.id ?? 0, archival_code: (s.archival_code as string | null) ?? null };
      return { name: `${recordName(r)}${s.title ? `（${show(s.title)}）` : ''}`, record: r };
    }
    case 'attachment': {
      const r = recordOf(s.record_id);
      return { name: `${r ? recordName(r) : '某记录'} 的附件${show(s.original_name)}`, record: r };
    }
    case 'community':
      return { name: `社区${show(s.name)}（全宗号 ${String(s.code ?? '')}）`, record: null };
    case 'roster':
      return { name: `人员与组织名单中的${show(s.name)}（编号 ${d.id}）`, record: null };
    case 'filing_cell':
      return { name: `${s.fonds_code}-${s.category_code}·${s.year}-${s.retention_code}-${s.problem_code} 的件号计数器`, record: null };
  }
}

export function reconcileProblems(found: Discrepancy[], refs: (id: number) => RecordRef | undefined): CheckProblem[] {
  return found.map((d) => {
    const { name, record } = rowName(d, refs);
    let message: string;
    if (d.live === null) message = `操作日志登记过的${name}已不在数据库中：它被直接删除了；请核查，并从最近的备份恢复。`;
    else if (d.recorded === null) message = `${name}在操作日志中没有任何登记：它不是经本软件写入的，可能被直接加进了数据库；请核查，并从最近的备份恢复。`;
    else message = `${name}与操作日志最后记录的不一致（${changes(d.entity, d.recorded, d.live)}）：${SAY}`;
    return problem('audit-reconcile', 'authenticity', record, message);
  });
}

/** Entry numbers run 1…head without a gap; `entries` = how many the chain walk read. */
export function sequenceProblems(q: Statements, head: number, entries: number): CheckProblem[] {
  if (entries === head) return [];
  const gaps = q.all<{ lo: number; hi: number }>(
    `SELECT prev + 1 AS lo, id - 1 AS hi FROM (SELECT id, coalesce(lag(id) OVER (ORDER BY id), 0) AS prev FROM audit_log) WHERE id > prev + 1 LIMIT 50`,
  );
  return gaps.map((g) =>
    problem('audit-sequence', 'integrity', null, `操作日志缺少第 ${g.lo === g.hi ? g.lo : `${g.lo}–${g.hi}`} 条：日志只能追加，缺号说明有记录被删除；请从最近的备份恢复。`),
  );
}
