// All files read: communities checked across files and against the archive; which 社区 names the
// import's rows may use; and the refusals that only the whole import can see.
import type { ImportError } from '../../../shared/import';
import { COMMUNITIES_SHEET, RECORDS_SHEET, ROSTER_SHEET } from './columns';
import type { CommunityDraft } from './community-rows';
import type { Reader } from '../db/handles';
import type { CommunityRef, ParsedFile } from './parse-file';

export interface CommunityPlan {
  /** the 社区概况 rows to write (created or updated by 社区代码) */
  communities: CommunityDraft[];
  /** the names rows may use once the communities are written */
  known: Set<string>;
  /** archive communities this import renames, old name -> new: rows using the old one refer to nothing */
  renamed: Map<string, string>;
  errors: ImportError[];
}

export const fileOf = (source: string) => source.split('!').slice(0, -2).join('!');

export async function planCommunities(db: Reader, files: ParsedFile[]): Promise<CommunityPlan> {
  const errors: ImportError[] = [];
  const refuse = (d: CommunityDraft, message: string) =>
    errors.push({ file: fileOf(d.source), sheet: COMMUNITIES_SHEET.name, row: d.row, column: COMMUNITIES_SHEET.columns.code.header, message });
  const existing = await db.selectFrom('communities').select(['code', 'name']).where('retired_at', 'is', null).execute();
  const codeOfName = new Map(existing.map((c) => [c.name, c.code]));
  const nameOfCode = new Map(existing.map((c) => [c.code, c.name]));

  const communities: CommunityDraft[] = [];
  const claimed = new Map<string, CommunityDraft>();
  for (const d of files.flatMap((f) => f.communities)) {
    const { code, name } = d.input;
    const earlier = claimed.get(code) ?? claimed.get(`name:${name}`);
    if (earlier) {
      if (JSON.stringify(earlier.input) !== JSON.stringify(d.input)) refuse(d, `社区“${name}”（${code}）与 ${earlier.source} 的登记不一致，请只保留一行`);
      continue;
    }
    const codeInArchive = codeOfName.get(name);
    if (codeInArchive !== undefined && codeInArchive !== code) {
      refuse(d, `社区“${name}”在档案库中的代码是 ${codeInArchive}，不能改为 ${code}；请核对社区代码（全宗号）`);
      continue;
    }
    claimed.set(code, d);
    claimed.set(`name:${name}`, d);
    communities.push(d);
  }

  const known = new Set([...existing.map((c) => c.name), ...communities.map((c) => c.input.name)]);
  // A community renamed by this import is known by its new name only.
  const renamed = new Map<string, string>();
  for (const c of communities) {
    const old = nameOfCode.get(c.input.code);
    if (old !== undefined && old !== c.input.name) {
      known.delete(old);
      renamed.set(old, c.input.name);
    }
  }
  return { communities, known, renamed, errors };
}

/** Why a row's 社区 is refused: no such community, with the ones there are. */
export function unknownCommunity(name: string, known: Set<string>): string {
  const names = [...known].slice(0, 20).join('、');
  return `没有名为“${name}”的社区：请在“社区概况”中登记该社区，或改为已有的社区${names ? `（${names}）` : ''}`;
}

const columnOf = (sheet: string) => (sheet === ROSTER_SHEET.name ? ROSTER_SHEET.columns.community.header : RECORDS_SHEET.columns.community.header);

/** A row refused for other reasons is still told when its 社区 is unknown too. */
export function refusedRefErrors(refs: CommunityRef[], known: Set<string>): ImportError[] {
  return refs.filter((r) => !known.has(r.name)).map((r) => ({ file: r.file, sheet: r.sheet, row: r.row, column: columnOf(r.sheet), message: unknownCommunity(r.name, known) }));
}

/** The refusal of a good row whose 社区 the import does not know. */
export function unknownCommunityError(d: { source: string; row: number; communityName: string }, sheet: string, known: Set<string>): ImportError {
  return { file: fileOf(d.source), sheet, row: d.row, column: columnOf(sheet), message: unknownCommunity(d.communityName, known) };
}
