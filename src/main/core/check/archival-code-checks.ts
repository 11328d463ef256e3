// 档号 checks (真实性): each 档号 follows the template and its parts (code-format, code-parts), and no
// 档号 is held twice, case and width aside (duplicate-code). Voided records keep their 档号, so count.
import type { CheckProblem } from '../../../shared/check';
import { AFFAIRS, RETENTIONS, type Affair, type Retention } from '../../../shared/vocabulary';
import { archivalCodePattern, renderArchivalCode } from '../archival-codes/template';
import type { Statements } from '../db';
import { problemCode, retentionCode } from '../retention/schedule';
import { cellParts, type CellSurvey } from './cells';
import { problem, recordName, type RecordRef } from './problems';
import type { CheckRecord, Communities, Prefilter } from './record-suspects';

/** A string as a SQL literal. */
const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** Each template field as a printf conversion and its column, rendering as renderArchivalCode does. */
const PART_SQL: Record<string, [string, string]> = {
  全宗号: ['%s', 'fonds_code'],
  门类: ['%s', 'category_code'],
  年度: ['%s', 'filing_year'],
  保管期限: ['%s', 'retention_code'],
  问题: ['%s', 'problem_code'],
  件号: ['%04d', 'item_no'],
};

/**
 * The template as one printf() call (cheaper per row than concatenation), or null if it names a field
 * without a column (such a code never matches the template). printf renders NULL as '' or 0: the
 * prefilter flags null parts separately.
 */
function renderedSql(template: string): string | null {
  let format = '';
  const columns: string[] = [];
  for (const piece of template.split(/(\{[^}]+\})/)) {
    const field = /^\{([^}]+)\}$/.exec(piece)?.[1];
    if (field === undefined) format += piece.replaceAll('%', '%%');
    else if (Object.hasOwn(PART_SQL, field)) {
      format += PART_SQL[field]![0];
      columns.push(PART_SQL[field]![1]);
    } else return null;
  }
  return `printf(${[sqlString(format), ...columns].join(', ')})`;
}

/**
 * Whether the template's literal pieces survive normalise unchanged (NFKC, upper case, no leading
 * combining mark to merge with a part, no outer whitespace): then a code rendered from upper-case ASCII
 * parts is its own duplicate key.
 */
function stableTemplate(template: string): boolean {
  const literals = template.split(/\{[^}]+\}/);
  const stable = (l: string) => l === l.normalize('NFKC') && l === l.toUpperCase() && !/^\p{M}/u.test(l);
  return literals.every(stable) && literals[0] === literals[0]!.trimStart() && literals.at(-1) === literals.at(-1)!.trimEnd();
}

const PART_PATTERNS = ['全宗号', '门类', '年度', '保管期限', '问题'].map((f) => archivalCodePattern(`{${f}}`));

/**
 * Cells whose parts break their field patterns or are not upper case: their codes may break the
 * template while matching their parts, or differ from their duplicate key.
 */
function oddCells(cells: CellSurvey[]): CellSurvey[] {
  return cells.filter((c) => c.min_item < 0 || cellParts(c).some((p, i) => !PART_PATTERNS[i]!.test(String(p)) || String(p) !== String(p).toUpperCase()));
}

/**
 * Flags every record codeProblems may object to: its 档号 differs from its parts rendered, a part is
 * missing, odd or disagrees with the record, or its cell is odd. A filed record passing all this has a
 * code matching the template and (with a stable template) equal to its duplicate key.
 */
export function codePrefilter(template: string, cells: CellSurvey[], communities: Communities): Prefilter {
  const rendered = renderedSql(template);
  if (rendered === null) return { sql: 'archival_code IS NOT NULL OR item_no IS NOT NULL' };
  // A CASE over the few communities costs less per row than a subquery.
  const fondsCodes = [...communities].map(([id, c]) => `WHEN ${id} THEN ${sqlString(c.code)}`).join(' ');
  const retentions = RETENTIONS.map((r) => `WHEN ${sqlString(r)} THEN ${sqlString(retentionCode(r))}`).join(' ');
  const affairs = AFFAIRS.map((a) => `WHEN ${sqlString(a)} THEN ${sqlString(problemCode(a))}`).join(' ');
  const odd = oddCells(cells);
  // A null year, retention or problem code fails its comparison below.
  return {
    sql: `(archival_code IS NOT NULL OR item_no IS NOT NULL) AND (
      archival_code IS NULL OR fonds_code IS NULL OR item_no IS NULL
      OR archival_code IS NOT ${rendered}
      OR fonds_code IS NOT ${fondsCodes ? `CASE community_id ${fondsCodes} END` : 'NULL'}
      OR filing_year IS NOT year
      OR retention_code IS NOT CASE retention ${retentions} END
      OR problem_code IS NOT CASE affair ${affairs} END
      ${odd.length > 0 ? 'OR (fonds_code, category_code, filing_year, retention_code, problem_code) IN (SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(@oddCells))' : ''})`,
    params: odd.length > 0 ? { oddCells: JSON.stringify(odd.map(cellParts)) } : {},
  };
}

/** Case- and width-insensitive form, so S101-… and ｓ101-… count as the same 档号 (or 文号). */
export const normalise = (code: string) => (/[^\x21-\x7e·]/.test(code) ? code.normalize('NFKC').trim() : code).toUpperCase();

const partsOf = (r: CheckRecord) => ({
  fondsCode: r.fonds_code!,
  categoryCode: r.category_code,
  year: r.filing_year!,
  retentionCode: r.retention_code!,
  problemCode: r.problem_code!,
  itemNo: r.item_no!,
});
const partsComplete = (r: CheckRecord) => r.fonds_code !== null && r.filing_year !== null && r.retention_code !== null && r.problem_code !== null && r.item_no !== null;

/** `suspects`: a superset of the records codePrefilter flags, by id. */
export function codeProblems(q: Statements, suspects: CheckRecord[], template: string, communities: Communities): CheckProblem[] {
  const pattern = archivalCodePattern(template);
  const rendered = new Map<number, string>();
  for (const r of suspects) {
    if (r.archival_code === null || !partsComplete(r)) continue;
    const code = renderArchivalCode(partsOf(r), template);
    if (code !== r.archival_code) rendered.set(r.id, code);
  }
  const duplicates = duplicateClaims(claimants(q, suspects, rendered, template), rendered);
  const byId = new Map(suspects.map((r) => [r.id, r]));
  const ids = [...new Set([...suspects.map((r) => r.id), ...duplicates.ofCode.keys()])].sort((a, b) => a - b);
  const out: CheckProblem[] = [];
  const push = (p: CheckProblem | undefined) => p && out.push(p);
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) {
      push(duplicates.ofCode.get(id));
      continue;
    }
    if (r.archival_code === null && r.item_no === null) continue;
    const name = recordName(r);
    if (r.archival_code === null) {
      out.push(problem('code-parts', 'authenticity', r, `${name} 已有件号 ${r.item_no}，但没有档号。`));
      continue;
    }
    if (!pattern.test(r.archival_code)) out.push(problem('code-format', 'authenticity', r, `${name} 的档号不符合档号规则“${template}”。`));
    push(duplicates.ofCode.get(id));
    if (!partsComplete(r)) {
      out.push(problem('code-parts', 'authenticity', r, `${name} 的档号组成部分（全宗号、年度、保管期限、问题、件号）不全。`));
      continue;
    }
    const code = rendered.get(id);
    if (code !== undefined) {
      out.push(problem('code-parts', 'authenticity', r, `${name} 与其组成部分不符：按组成部分应为 ${code}。`));
      push(duplicates.ofRendered.get(id));
    }
    const community = communities.get(r.community_id);
    const mismatches = [
      r.fonds_code !== community?.code && `全宗号 ${r.fonds_code} 不是${community?.name ?? '所属社区'}的代码 ${community?.code ?? ''}`,
      r.filing_year !== r.year && `年度 ${r.filing_year} 与成文日期 ${r.date} 不符`,
      r.retention_code !== retentionCode(r.retention as Retention) && `保管期限代码 ${r.retention_code} 与保管期限“${r.retention}”不符`,
      r.problem_code !== problemCode(r.affair as Affair) && `问题代码 ${r.problem_code} 与类别“${r.affair}”不符`,
    ].filter((m): m is string => typeof m === 'string');
    if (mismatches.length > 0) out.push(problem('code-parts', 'authenticity', r, `${name}：${mismatches.join('；')}。`));
  }
  return out;
}

/**
 * Every record that may share a duplicate key, by id. With a stable template a code outside the suspects
 * is its own key, so it can only clash with a suspect's code or rendering: those keys are looked up.
 */
function claimants(q: Statements, suspects: CheckRecord[], rendered: Map<number, string>, template: string): RecordRef[] {
  if (!stableTemplate(template)) {
    return q.all<RecordRef>('SELECT id, archival_code FROM records WHERE archival_code IS NOT NULL ORDER BY id');
  }
  const coded = suspects.filter((r) => r.archival_code !== null);
  const keys = [...coded.map((r) => normalise(r.archival_code!)), ...[...rendered.values()].map(normalise)];
  const holders = q.all<RecordRef>('SELECT id, archival_code FROM records WHERE archival_code IN (SELECT value FROM json_each(?))', [JSON.stringify(keys)]);
  const seen = new Set(coded.map((r) => r.id));
  return [...coded, ...holders.filter((h) => !seen.has(h.id))].sort((a, b) => a.id - b.id);
}

/** The first holder of a 档号 (by id) keeps it; each later claim on it, by its code or its parts, is a duplicate. */
function duplicateClaims(records: RecordRef[], rendered: Map<number, string>) {
  const ofCode = new Map<number, CheckProblem>();
  const ofRendered = new Map<number, CheckProblem>();
  const holders = new Map<string, RecordRef>();
  const claim = (code: string, r: RecordRef, found: Map<number, CheckProblem>) => {
    const key = normalise(code);
    const other = holders.get(key);
    if (!other) holders.set(key, r);
    else if (other.id !== r.id) found.set(r.id, problem('duplicate-code', 'authenticity', r, `${recordName(r)} 与记录 ${other.id} 的档号重复（${code}）；一个档号只能属于一件档案。`));
  };
  for (const r of records) {
    claim(r.archival_code!, r, ofCode);
    const code = rendered.get(r.id);
    if (code !== undefined) claim(code, r, ofRendered);
  }
  return { ofCode, ofRendered };
}
