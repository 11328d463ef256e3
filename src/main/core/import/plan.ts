// All files read: communities checked across files and against the archive, then every record and
// roster row's 社区 resolved. What remains is what would be written.
import type { ImportError } from '../../../shared/import';
import { COMMUNITIES_SHEET, RECORDS_SHEET, ROSTER_SHEET } from './columns';
import type { CommunityDraft } from './community-rows';
import type { ParsedFile } from './parse-file';
import type { RecordDraft } from './record-rows';
import type { RosterDraft } from './roster-rows';
import type { Reader } from '../db/handles';

export interface ImportPlan {
  communities: CommunityDraft[];
  roster: RosterDraft[];
  records: RecordDraft[];
  /** row refusals found across files, added to the files' own */
  errors: ImportError[];
}

const fileOf = (source: string) => source.split('!').slice(0, -2).join('!');

export async function planImport(db: Reader, files: ParsedFile[]): Promise<ImportPlan> {
  const errors: ImportError[] = [];
  const refuse = (source: string, sheet: string, row: number, column: string, message: string) =>
    errors.push({ file: fileOf(source), sheet, row, column, message });
  const existing = await db.selectFrom('communities').select(['code', 'name']).where('retired_at', 'is', null).execute();
  const codeOfName = new Map(existing.map((c) => [c.name, c.code]));
  const nameOfCode = new Map(existing.map((c) => [c.code, c.name]));

  const communities: CommunityDraft[] = [];
  const claimed = new Map<string, CommunityDraft>();
  for (const d of files.flatMap((f) => f.communities)) {
    const { code, name } = d.input;
    const earlier = claimed.get(code) ?? claimed.get(`name:${name}`);
    if (earlier) {
      if (JSON.stringify(earlier.input) !== JSON.stringify(d.input)) {
        refuse(d.source, COMMUNITIES_SHEET.name, d.row, COMMUNITIES_SHEET.columns.code.header, `社区“${name}”（${code}）与 ${earlier.source} 的登记不一致，请只保留一行`);
      }
      continue;
    }
    const codeInArchive = codeOfName.get(name);
    if (codeInArchive !== undefined && codeInArchive !== code) {
      refuse(d.source, COMMUNITIES_SHEET.name, d.row, COMMUNITIES_SHEET.columns.code.header, `社区“${name}”在档案库中的代码是 ${codeInArchive}，不能改为 ${code}；请核对社区代码（全宗号）`);
      continue;
    }
    claimed.set(code, d);
    claimed.set(`name:${name}`, d);
    communities.push(d);
  }

  const known = new Set([...existing.map((c) => c.name), ...communities.map((c) => c.input.name)]);
  // A community renamed by this import is known by its new name only.
  for (const c of communities) {
    const old = nameOfCode.get(c.input.code);
    if (old !== undefined && old !== c.input.name) known.delete(old);
  }
  const unknown = (name: string) => {
    const names = [...known].slice(0, 20).join('、');
    return `没有名为“${name}”的社区：请在“社区概况”中登记该社区，或改为已有的社区${names ? `（${names}）` : ''}`;
  };
  for (const r of files.flatMap((f) => f.refusedRefs)) {
    if (known.has(r.name)) continue;
    const column = r.sheet === ROSTER_SHEET.name ? ROSTER_SHEET.columns.community.header : RECORDS_SHEET.columns.community.header;
    errors.push({ file: r.file, sheet: r.sheet, row: r.row, column, message: unknown(r.name) });
  }
  const roster = files.flatMap((f) => f.roster).filter((d) => {
    if (known.has(d.communityName)) return true;
    refuse(d.source, ROSTER_SHEET.name, d.row, ROSTER_SHEET.columns.community.header, unknown(d.communityName));
    return false;
  });
  const records = files.flatMap((f) => f.records).filter((d) => {
    if (known.has(d.communityName)) return true;
    refuse(d.source, RECORDS_SHEET.name, d.row, RECORDS_SHEET.columns.community.header, unknown(d.communityName));
    return false;
  });
  return { communities, roster, records, errors };
}
