// One input file read and validated row by row (streaming): typed drafts for the good rows, an
// error for every refused cell. Problems with the file as a whole are thrown as FileProblem.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { LongTaskOptions } from '../../../shared/domain';
import { cancelled, isSanwuError } from '../../../shared/errors';
import type { ImportError } from '../../../shared/import';
import type { KindIndex } from '../records/vocabulary';
import { clean, type Plain } from './cells';
import { COMMUNITIES_SHEET, RECORDS_SHEET, ROSTER_SHEET, SHEETS, type SheetDef } from './columns';
import { communityDraft, type CommunityDraft } from './community-rows';
import { FileProblem } from './file-problem';
import { SheetScanner, type HeaderMap } from './header';
import { recordDraft, type RecordDraft } from './record-rows';
import { rosterDraft, type RosterDraft } from './roster-rows';
import { readRow, type RowValues } from './row-values';
import type { RowIssue } from './row-issue';
import { openSheets, type SourceSheet } from './source';

export const MAX_FILE_BYTES = 100 * 1024 * 1024;
export const MAX_ROWS = 200_000;

export interface ParsedFile {
  path: string;
  name: string;
  records: RecordDraft[];
  communities: CommunityDraft[];
  roster: RosterDraft[];
  errors: ImportError[];
  /** 社区 named by refused rows, still checked so that every error of a row is reported */
  refusedRefs: CommunityRef[];
  /** data rows read */
  rows: number;
}

export interface CommunityRef {
  file: string;
  sheet: string;
  row: number;
  name: string;
}

export interface ParseEnv extends LongTaskOptions {
  kinds: KindIndex;
  /** YYYY-MM-DD: no 成文日期 after it */
  today: string;
  /** data rows a file may have (MAX_ROWS) */
  maxRows?: number;
}

function fileBytes(path: string, name: string): Buffer {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new FileProblem('', `“${path}”不是文件，请指定要导入的 .xlsx 或 CSV 文件`);
    size = st.size;
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    throw new FileProblem('', `找不到文件“${path}”，请核对路径`);
  }
  if (size === 0) throw new FileProblem('', `“${name}”是空文件，没有可导入的内容`);
  if (size > MAX_FILE_BYTES) {
    throw new FileProblem('', `“${name}”超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请拆分为多个工作簿后分别导入（附件不要放进工作簿，写在“附件”列即可）`);
  }
  return readFileSync(path);
}

export async function parseFile(path: string, env: ParseEnv): Promise<ParsedFile> {
  const name = basename(path);
  const parsed: ParsedFile = { path, name, records: [], communities: [], roster: [], errors: [], refusedRefs: [], rows: 0 };
  const cellEnv = { baseDir: dirname(path) };
  const data = fileBytes(path, name);
  /** One sheet's rows into drafts; a refused row's errors are kept with the 社区 it names. */
  const handler =
    <K extends string, D>(def: SheetDef<K>, toDraft: (v: RowValues<K>, at: { row: number; source: string }) => { draft: D | null; issues: RowIssue[] }, into: D[], community?: NoInfer<K>) =>
    (row: number, cells: Plain[], header: HeaderMap) => {
      const values = readRow(def, header, cells, cellEnv);
      const r = toDraft(values, { row, source: `${name}!${def.name}!${row}` });
      if (r.draft) {
        into.push(r.draft);
        return;
      }
      for (const i of r.issues) parsed.errors.push({ file: name, sheet: def.name, row, column: i.column, message: i.message });
      const named = community && values.values[community];
      if (typeof named === 'string') parsed.refusedRefs.push({ file: name, sheet: def.name, row, name: named });
    };
  const handlers = new Map<string, (row: number, cells: Plain[], header: HeaderMap) => void>([
    [RECORDS_SHEET.name, handler(RECORDS_SHEET, (v, at) => recordDraft(v, env.kinds, env.today, at), parsed.records, 'community')],
    [COMMUNITIES_SHEET.name, handler(COMMUNITIES_SHEET, communityDraft, parsed.communities)],
    [ROSTER_SHEET.name, handler(ROSTER_SHEET, rosterDraft, parsed.roster, 'community')],
  ]);
  const seen: string[] = [];
  let known = 0;
  let sheetName = '';
  let bytes = 0;
  const progress = () => env.onProgress?.({ phase: '读取', done: bytes, total: data.length, message: `${name}：已读 ${parsed.rows} 行` });
  try {
    const sheets = openSheets(path, data, (n) => (bytes = n));
    for await (const sheet of sheets) {
      sheetName = clean(sheet.name);
      seen.push(sheetName);
      const def = SHEETS.find((s) => s.name === sheetName);
      if (!def) continue;
      known++;
      await scanSheet(def, sheet.rows, handlers.get(def.name)!, parsed, env, progress);
    }
    bytes = data.length;
    progress();
  } catch (e) {
    if (e instanceof FileProblem || isSanwuError(e)) throw e;
    throw new FileProblem(sheetName, `无法读取“${name}”：文件已损坏或不是有效的 .xlsx 工作簿（${(e as Error).message}）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入`);
  }
  if (known === 0) {
    throw new FileProblem('', `“${name}”中没有“档案登记”“社区概况”“人员与组织”工作表（现有：${seen.join('、') || '无'}），请使用 sanwu template 生成的模板`);
  }
  if (parsed.rows === 0) throw new FileProblem('', `“${name}”中没有数据行，只有表头；请在表头下方逐行填写后再导入`);
  return parsed;
}

async function scanSheet(
  def: SheetDef,
  rows: SourceSheet['rows'],
  onRow: (row: number, cells: Plain[], header: HeaderMap) => void,
  parsed: ParsedFile,
  env: ParseEnv,
  progress: () => void,
): Promise<void> {
  const scanner = new SheetScanner(def, (row, cells, header) => {
    const maxRows = env.maxRows ?? MAX_ROWS;
    if (++parsed.rows > maxRows) {
      throw new FileProblem(def.name, `数据超过 ${maxRows} 行，请拆分为多个工作簿后分别导入`);
    }
    onRow(row, cells, header);
  });
  for await (const row of rows) {
    if (env.signal?.aborted) throw cancelled();
    scanner.push(row.number, row.values);
    if (parsed.rows > 0 && parsed.rows % 2000 === 0) progress();
  }
  scanner.end();
}
