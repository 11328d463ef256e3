// 真实性: stored digests match the files; no duplicate 文号+题名; enumerated fields hold allowed values;
// dates are plausible; names match the bytes. (The 档号 checks are in archival-code-checks.ts.)
import type { CheckProblem } from '../../../shared/check';
import { recordDateIssues } from '../../../shared/fields/record';
import { AFFAIRS, DEFAULT_VOCABULARY } from '../../../shared/vocabulary';
import { ARCHIVAL_FORMATS } from '../attachments/sniff';
import type { Statements } from '../db';
import type { KindIndex } from '../records/vocabulary';
import { normalise } from './archival-code-checks';
import type { AttachmentRefs, CheckAttachment } from './attachment-checks';
import { problem, recordName } from './problems';
import { trimmedSql, type CheckRecord, type Prefilter } from './record-suspects';
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

/** The name's extension, lower case, as /\.([^.]+)$/ finds it (string methods: this runs for every file). */
function extensionOf(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : undefined;
}

/** Pushes onto `out` what is wrong with the file's digest, size and name against its bytes. */
export function fixityProblems(a: CheckAttachment, scan: FileScan | undefined, refs: AttachmentRefs, out: CheckProblem[]): void {
  if (scan?.state !== 'read') return;
  if (scan.sha256 !== a.sha256) {
    out.push(problem('fixity', 'authenticity', refs(a), `${recordName(refs(a))} 的附件“${a.original_name}”与登记的 SHA-256 摘要不符，文件内容已被改动或损坏；请从备份恢复该文件。`));
  } else if (scan.size !== a.size) {
    out.push(problem('fixity', 'authenticity', refs(a), `${recordName(refs(a))} 的附件“${a.original_name}”大小为 ${scan.size} 字节，登记为 ${a.size} 字节。`));
  }
  if (!ARCHIVAL_FORMATS.has(scan.format)) return;
  const ext = extensionOf(a.original_name);
  if (ext && KNOWN_EXTENSIONS.has(ext) && !EXTENSIONS[scan.format]?.includes(ext)) {
    out.push(problem('name-format', 'authenticity', refs(a), `${recordName(refs(a))} 的附件“${a.original_name}”实为 ${scan.format.toUpperCase()} 文件，文件名与格式不符。`));
  }
}

/**
 * Live records sharing their community and trimmed title with another (the 文号 is compared in JS). The
 * groups are found first, so a sound archive adds no per-row test to the suspects scan. NOT INDEXED: one
 * pass over the table beats fetching each row through the community index.
 */
export function duplicateDocPrefilter(q: Statements): Prefilter | null {
  const groups = [
    ...q.rows(
      `SELECT community_id, ${trimmedSql('title')} FROM records NOT INDEXED WHERE voided_at IS NULL AND doc_number <> ''
        GROUP BY 1, 2 HAVING count(*) > 1`,
    ),
  ];
  if (groups.length === 0) return null;
  return {
    sql: `voided_at IS NULL AND doc_number <> ''
          AND (community_id, ${trimmedSql('title')}) IN (SELECT value ->> 0, value ->> 1 FROM json_each(@titleGroups))`,
    params: { titleGroups: JSON.stringify(groups) },
  };
}

export function duplicateDocProblems(records: CheckRecord[]): CheckProblem[] {
  const out: CheckProblem[] = [];
  const seen = new Map<string, CheckRecord>();
  for (const r of records) {
    if (r.voided_at !== null || r.doc_number.trim() === '') continue;
    const key = `${r.community_id}\u0000${normalise(r.doc_number)}\u0000${r.title.trim()}`;
    const first = seen.get(key);
    if (!first) seen.set(key, r);
    else out.push(problem('duplicate-doc', 'authenticity', r, `${recordName(r)} 与记录 ${first.id} 的文号“${r.doc_number}”和题名“${r.title}”都相同，疑为重复登记；请核对后作废其一。`));
  }
  return out;
}

/**
 * Records with a value outside the vocabulary; each affair's kinds (with the clerk's additions) bound as
 * JSON. Most records have no 密级: '' is let through before the lookup.
 */
export function enumerationPrefilter(kinds: KindIndex): Prefilter {
  const v = DEFAULT_VOCABULARY;
  const kindsOf = (a: string) => JSON.stringify([...kinds.affairOf].filter(([, affair]) => affair === a).map(([kind]) => kind));
  return {
    sql: `CASE affair ${AFFAIRS.map((_, i) => `WHEN @affair${i} THEN kind NOT IN (SELECT value FROM json_each(@kinds${i}))`).join(' ')} ELSE 1 END
      OR (disclosure_channel IS NOT NULL AND disclosure_channel NOT IN (SELECT value FROM json_each(@channels)))
      OR (fund_category IS NOT NULL AND fund_category NOT IN (SELECT value FROM json_each(@fundCategories)))
      OR (${v.secrecyLevels.includes('') ? "secrecy <> '' AND " : ''}secrecy NOT IN (SELECT value FROM json_each(@secrecyLevels)))
      OR category_code NOT IN (SELECT value FROM json_each(@categoryCodes))`,
    params: {
      ...Object.fromEntries(AFFAIRS.flatMap((a, i) => [[`affair${i}`, a], [`kinds${i}`, kindsOf(a)]])),
      channels: JSON.stringify(v.channels),
      fundCategories: JSON.stringify(v.fundCategories),
      secrecyLevels: JSON.stringify(v.secrecyLevels),
      categoryCodes: JSON.stringify(Object.keys(v.categoryCodes)),
    },
  };
}

export function enumerationProblems(records: CheckRecord[], kinds: KindIndex): CheckProblem[] {
  const v = DEFAULT_VOCABULARY;
  const out: CheckProblem[] = [];
  for (const r of records) {
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

export function datePrefilter(today: string): Prefilter {
  return {
    sql: `date > @today OR date < '1949-01-01' OR disclosure_date < date OR disclosure_date > @today`,
    params: { today },
  };
}

export function dateProblems(records: CheckRecord[], today: string): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const r of records) {
    const bad = recordDateIssues({ date: r.date, disclosureDate: r.disclosure_date }, today).map((i) => i.message);
    if (bad.length > 0) out.push(problem('date', 'authenticity', r, `${recordName(r)}：${bad.join('；')}，请核对日期。`));
  }
  return out;
}
