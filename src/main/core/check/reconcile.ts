// Reconciliation (真实性): every live row of records, attachments, communities, roster and the filing
// counters equals the state its latest audit entry records; no audited row is gone; no entry number is
// missing. Found by the engine (db/sqlite/reconcile.ts); said here, naming the place.
import type { CheckProblem } from '../../../shared/check';
import { COLUMN_LABELS, COMMUNITY_LABELS, LOAN_COLUMN_LABELS, ROSTER_LABELS } from '../../../shared/labels';
import { decodeState, type StateEntity } from '../audit-log/states';
import type { Discrepancy, Statements } from '../db';
import { problem, recordName, type RecordRef } from './problems';

/** Where a stored column means something else in one table. */
const LABELS_OF: Partial<Record<StateEntity, Record<string, string>>> = {
  roster: { kind: ROSTER_LABELS.kind, name: ROSTER_LABELS.name },
  loan: LOAN_COLUMN_LABELS,
  loan_item: LOAN_COLUMN_LABELS,
  file_view: LOAN_COLUMN_LABELS,
  community: { name: COMMUNITY_LABELS.name },
  district_community: { name: COMMUNITY_LABELS.name },
  district_package: { kind: '类型', name: '包名' },
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
    .map((k) => `${LABELS_OF[entity]?.[k] ?? COLUMN_LABELS[k] ?? k}：${show(before[k])}→${show(after[k])}`)
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
    case 'appraisal_item':
    case 'hold':
    case 'transfer_item': {
      const r = recordOf(s.record_id);
      return { name: `${r ? recordName(r) : '某记录'} 的${LIFECYCLE_NAMES[d.entity]}（编号 ${d.id}）`, record: r };
    }
    case 'office_record':
      return { name: `本单位档案 ${String(s.archival_code ?? '')}${s.title ? `（${show(s.title)}）` : ''}`, record: null };
    case 'loan':
      return { name: `借阅登记第 ${d.id} 号（借阅人${show(s.borrower)}）`, record: null };
    case 'loan_item': {
      const r = recordOf(s.record_id);
      return { name: `借阅登记第 ${String(s.loan_id ?? '')} 号所借的${r ? recordName(r) : '档案'}`, record: r };
    }
    case 'file_view': {
      const r = recordOf(s.record_id);
      return { name: `${show(s.viewer)}于 ${String(s.viewed_at ?? '')} 查看${r ? recordName(r) : '档案'}的利用记录`, record: r };
    }
    case 'archive_kind':
      return { name: `档案库类型（${s.kind === 'district' ? '区级' : '街道'}）`, record: null };
    case 'district_office':
      return { name: `街道办事处${show(s.name)}`, record: null };
    case 'district_community':
      return { name: `接收的社区${show(s.name)}（全宗号 ${String(s.code ?? '')}）`, record: null };
    case 'district_package':
      return { name: `接收的${show(s.name)}（编号 ${d.id}）`, record: null };
    default:
      return { name: `${LIFECYCLE_NAMES[d.entity]}（编号 ${d.id}）`, record: null };
  }
}

/** The lifecycle's rows (migration 0009), as the clerk knows them. */
const LIFECYCLE_NAMES: Partial<Record<StateEntity, string>> = {
  appraisal_batch: '鉴定批次',
  appraisal_item: '鉴定决定',
  hold: '冻结登记',
  destruction: '销毁记录',
  transfer: '移交载体',
  transfer_item: '移交载体中的条目',
  office_file: '本单位档案的文件',
};

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
