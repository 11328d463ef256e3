// 真实性: stored digests match the files; 档号 follows the template and its parts; no duplicate 档号 or
// 文号+题名; enumerated fields hold allowed values; dates are plausible; names match the bytes.
import type { CheckProblem } from '../../../shared/check';
import { DEFAULT_VOCABULARY, type Affair, type Retention } from '../../../shared/vocabulary';
import { archivalCodePattern, renderArchivalCode } from '../archival-codes/template';
import { ARCHIVAL_FORMATS } from '../attachments/sniff';
import type { KindIndex } from '../records/vocabulary';
import { problemCode, retentionCode } from '../retention/schedule';
import type { CheckRecord, Inventory } from './inventory';
import { problem, recordName } from './problems';
import type { FileScan } from './scan-files';

/** The name's extension for each archival format. */
const EXTENSIONS: Record<string, string[]> = {
  pdf: ['pdf'],
  ofd: ['ofd'],
  jpg: ['jpg', 'jpeg'],
  png: ['png'],
  tif: ['tif', 'tiff'],
  docx: ['docx'],
  xlsx: ['xlsx'],
};
const KNOWN_EXTENSIONS = new Set(Object.values(EXTENSIONS).flat());

export function fixityProblems(inv: Inventory, scans: Map<string, FileScan>): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const a of inv.attachments) {
    const scan = scans.get(a.sha256);
    const rec = inv.byId.get(a.record_id) ?? { id: a.record_id, archival_code: null };
    if (scan?.state !== 'read') continue;
    if (scan.sha256 !== a.sha256) {
      out.push(problem('fixity', 'authenticity', rec, `${recordName(rec)} 的附件“${a.original_name}”与登记的 SHA-256 摘要不符，文件内容已被改动或损坏；请从备份恢复该文件。`));
    } else if (scan.size !== a.size) {
      out.push(problem('fixity', 'authenticity', rec, `${recordName(rec)} 的附件“${a.original_name}”大小为 ${scan.size} 字节，登记为 ${a.size} 字节。`));
    }
    const ext = /\.([^.]+)$/.exec(a.original_name)?.[1]?.toLowerCase();
    if (ext && KNOWN_EXTENSIONS.has(ext) && ARCHIVAL_FORMATS.has(scan.format) && !EXTENSIONS[scan.format]?.includes(ext)) {
      out.push(problem('name-format', 'authenticity', rec, `${recordName(rec)} 的附件“${a.original_name}”实为 ${scan.format.toUpperCase()} 文件，文件名与格式不符。`));
    }
  }
  return out;
}

/** Case- and width-insensitive form, so S101-… and ｓ101-… count as the same 档号. */
const normalise = (code: string) => (/[^\x21-\x7e·]/.test(code) ? code.normalize('NFKC').trim() : code).toUpperCase();

export function codeProblems(inv: Inventory, template: string): CheckProblem[] {
  const out: CheckProblem[] = [];
  const pattern = archivalCodePattern(template);
  const holders = new Map<string, CheckRecord>();
  const claim = (code: string, r: CheckRecord) => {
    const key = normalise(code);
    const other = holders.get(key);
    if (!other) holders.set(key, r);
    else if (other.id !== r.id) out.push(problem('duplicate-code', 'authenticity', r, `${recordName(r)} 与记录 ${other.id} 的档号重复（${code}）；一个档号只能属于一件档案。`));
  };
  for (const r of inv.records) {
    if (r.archival_code === null && r.item_no === null) continue;
    const name = recordName(r);
    if (r.archival_code === null) {
      out.push(problem('code-parts', 'authenticity', r, `${name} 已有件号 ${r.item_no}，但没有档号。`));
      continue;
    }
    if (!pattern.test(r.archival_code)) out.push(problem('code-format', 'authenticity', r, `${name} 的档号不符合档号规则“${template}”。`));
    claim(r.archival_code, r);
    if (r.fonds_code === null || r.filing_year === null || r.retention_code === null || r.problem_code === null || r.item_no === null) {
      out.push(problem('code-parts', 'authenticity', r, `${name} 的档号组成部分（全宗号、年度、保管期限、问题、件号）不全。`));
      continue;
    }
    const parts = { fondsCode: r.fonds_code, categoryCode: r.category_code, year: r.filing_year, retentionCode: r.retention_code, problemCode: r.problem_code, itemNo: r.item_no };
    const rendered = renderArchivalCode(parts, template);
    if (rendered !== r.archival_code) {
      out.push(problem('code-parts', 'authenticity', r, `${name} 与其组成部分不符：按组成部分应为 ${rendered}。`));
      claim(rendered, r);
    }
    const community = inv.communities.get(r.community_id);
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

export function duplicateDocProblems(inv: Inventory): CheckProblem[] {
  const out: CheckProblem[] = [];
  const seen = new Map<string, CheckRecord>();
  for (const r of inv.records) {
    if (r.voided_at !== null || r.doc_number.trim() === '') continue;
    const key = `${r.community_id}\u0000${normalise(r.doc_number)}\u0000${r.title.trim()}`;
    const first = seen.get(key);
    if (!first) seen.set(key, r);
    else out.push(problem('duplicate-doc', 'authenticity', r, `${recordName(r)} 与记录 ${first.id} 的文号“${r.doc_number}”和题名“${r.title}”都相同，疑为重复登记；请核对后作废其一。`));
  }
  return out;
}

export function enumerationProblems(inv: Inventory, kinds: KindIndex): CheckProblem[] {
  const v = DEFAULT_VOCABULARY;
  const out: CheckProblem[] = [];
  for (const r of inv.records) {
    const bad: string[] = [];
    const affair = kinds.affairOf.get(r.kind);
    if (!affair) bad.push(`事项“${r.kind}”不在事项词表中`);
    else if (affair !== r.affair) bad.push(`事项“${r.kind}”属于${affair}，却登记为${r.affair}`);
    if (r.disclosure_channel !== null && !v.channels.includes(r.disclosure_channel)) bad.push(`公开形式“${r.disclosure_channel}”不是可选值（${v.channels.join('、')}）`);
    if (r.fund_category !== null && !v.fundCategories.includes(r.fund_category)) bad.push(`资金类别“${r.fund_category}”不是可选值`);
    if (!v.secrecyLevels.includes(r.secrecy)) bad.push(`密级“${r.secrecy}”不是可选值`);
    if (!(r.category_code in v.categoryCodes)) bad.push(`门类代码“${r.category_code}”不是可选值`);
    if (bad.length > 0) out.push(problem('enumeration', 'authenticity', r, `${recordName(r)}：${bad.join('；')}。`));
  }
  return out;
}

export function dateProblems(inv: Inventory, today: string): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const r of inv.records) {
    const bad: string[] = [];
    if (r.date > today) bad.push(`成文日期 ${r.date} 晚于今天`);
    if (r.date < '1949-01-01') bad.push(`成文日期 ${r.date} 早于1949年`);
    if (r.disclosure_date !== null) {
      if (r.disclosure_date < r.date) bad.push(`公开日期 ${r.disclosure_date} 早于成文日期 ${r.date}`);
      if (r.disclosure_date > today) bad.push(`公开日期 ${r.disclosure_date} 晚于今天`);
    }
    if (bad.length > 0) out.push(problem('date', 'authenticity', r, `${recordName(r)}：${bad.join('；')}，请核对日期。`));
  }
  return out;
}
