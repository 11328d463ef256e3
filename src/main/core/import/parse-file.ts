// One input file read and validated row by row (streaming): typed drafts for the good rows, handed on
// in batches as they come (the import writes them meanwhile), an error for every refused cell, notices
// for what was skipped. Problems with the file as a whole are thrown as FileProblem.
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { LongTaskOptions } from '../../../shared/domain';
import { cancelled, isSanwuError } from '../../../shared/errors';
import type { ImportError, ImportNotice } from '../../../shared/import';
import { textGrams } from '../db/search-index';
import type { KindIndex } from '../records/vocabulary';
import { clean, type Plain } from './cells';
import { COMMUNITIES_SHEET, RECORDS_SHEET, ROSTER_SHEET, SHEETS, type SheetDef } from './columns';
import { communityDraft, type CommunityDraft } from './community-rows';
import { FileProblem } from './file-problem';
import { SheetScanner, type HeaderMap } from './header';
import type { CellEnv } from './parse-cell';
import { ReadFault } from './read/faults';
import { LIMITS } from './read/limits';
import type { SheetjsReader } from './read/sheetjs';
import { recordDraft, type RecordDraft } from './record-rows';
import { rosterDraft, type RosterDraft } from './roster-rows';
import { readRow, type RowValues } from './row-values';
import type { RowIssue } from './row-issue';
import type { Drafts } from './write';
import { openBook, type SourceSheet } from './source';

/** A file to read: where it is, the name rows are known by, and where its 附件 paths lead. */
export interface InputFile {
  path: string;
  /** the file's name, or "包.zip/台账.xlsx" for a workbook inside a zip */
  name: string;
  /** 附件 paths are relative to this folder… */
  baseDir: string;
  /** …and must stay inside this one */
  rootDir: string;
  /** a workbook inside a zip (its messages say so) */
  inZip?: boolean;
}

export const plainInput = (path: string): InputFile => ({ path, name: basename(path), baseDir: dirname(path), rootDir: dirname(path) });

/** What a file gave besides the streamed record and roster drafts. */
export interface ParsedFile {
  path: string;
  name: string;
  communities: CommunityDraft[];
  errors: ImportError[];
  notices: ImportNotice[];
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
  /** data rows a file may have (LIMITS.rows) */
  maxRows?: number;
  /** work out each record's search pairs here (the engine's bulk index takes them) */
  grams?: boolean;
  /** good rows, a batch at a time; reading waits for it */
  onDrafts: (batch: Drafts) => Promise<void>;
  /** the import's SheetJS worker (.xls, .ods), shared by its files */
  sheetjs?: SheetjsReader;
}

/** Drafts per batch handed on. */
const BATCH = 500;

const TEMPLATE_HINT = '可在“数据导入”页点“下载模板”获取导入模板';

function checkFile(path: string, name: string): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new FileProblem('', `找不到文件“${name}”，请核对路径`);
  }
  if (!st.isFile()) throw new FileProblem('', `“${name}”不是文件，请指定要导入的工作簿`);
  if (st.size === 0) throw new FileProblem('', `“${name}”是空文件，没有可导入的内容`);
}

type RowHandler = (row: number, cells: Plain[], header: HeaderMap) => void;

/** The record's search pairs, worked out here (on the reading thread) rather than by the writer. */
function withGrams<T extends { draft: RecordDraft | null }>(r: T): T {
  if (r.draft) r.draft.grams = textGrams([r.draft.input.title, r.draft.input.responsible, r.draft.input.docNumber, r.draft.input.notes]);
  return r;
}

export async function parseFile(input: InputFile, env: ParseEnv): Promise<ParsedFile> {
  const { path, name } = input;
  const parsed: ParsedFile = { path, name, communities: [], errors: [], notices: [], refusedRefs: [], rows: 0 };
  const records: RecordDraft[] = [];
  const roster: RosterDraft[] = [];
  /** hands on what has gathered: all of it when `all`, else full batches; null when there is nothing to hand on */
  const flush = (all: boolean): Promise<void> | null => {
    const min = all ? 1 : BATCH;
    if (records.length < min && roster.length < min) return null;
    return (async () => {
      if (records.length >= min) await env.onDrafts({ kind: 'records', drafts: records.splice(0) });
      if (roster.length >= min) await env.onDrafts({ kind: 'roster', drafts: roster.splice(0) });
    })();
  };
  const cellEnv: CellEnv = { baseDir: input.baseDir, rootDir: input.rootDir, inZip: input.inZip };
  checkFile(path, name);
  /** One sheet's rows into drafts; a refused row's errors are kept with the 社区 it names. */
  const handler =
    <K extends string, D>(def: SheetDef<K>, toDraft: (v: RowValues<K>, at: { row: number; source: string }) => { draft: D | null; issues: RowIssue[] }, into: D[], community?: NoInfer<K>): RowHandler =>
    (row, cells, header) => {
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
  const handlers = new Map<string, RowHandler>([
    [RECORDS_SHEET.name, handler(RECORDS_SHEET, (v, at) => (env.grams ? withGrams(recordDraft(v, env.kinds, env.today, at)) : recordDraft(v, env.kinds, env.today, at)), records, 'community')],
    [COMMUNITIES_SHEET.name, handler(COMMUNITIES_SHEET, communityDraft, parsed.communities)],
    [ROSTER_SHEET.name, handler(ROSTER_SHEET, rosterDraft, roster, 'community')],
  ]);

  let sheetName = '';
  let bytes = 0;
  let size = 1;
  const progress = () => {
    // rows to come, estimated from the bytes read so far (never shown as bytes)
    const total = bytes > 0 ? Math.max(parsed.rows, Math.round((parsed.rows * size) / bytes)) : parsed.rows;
    env.onProgress?.({ phase: '读取', done: parsed.rows, total, message: `${name}：已读 ${parsed.rows.toLocaleString('en-US')} 行` });
  };
  let book: Awaited<ReturnType<typeof openBook>> | null = null;
  try {
    book = await openBook(path, (n) => (bytes = n), env.signal, env.sheetjs);
    size = book.size;
    const seen = book.sheets.map((s) => clean(s.name));
    const data = book.sheets.filter((s) => SHEETS.some((d) => d.name === clean(s.name)));
    if (data.length === 0) {
      throw new FileProblem('', `“${name}”中没有“档案登记”“社区概况”“人员与组织”工作表（现有：${seen.join('、') || '无'}）。请把工作表改为这些名称，或使用导入模板（${TEMPLATE_HINT}）`, true);
    }
    if (data.every((s) => s.hidden)) {
      throw new FileProblem(clean(data[0]!.name), `工作表“${data[0]!.name}”是隐藏的，没有读取；如需导入，请在 Excel 或 WPS 中取消隐藏后再导入`);
    }
    for (const sheet of book.sheets) {
      sheetName = clean(sheet.name);
      const def = SHEETS.find((s) => s.name === sheetName);
      if (!def) continue;
      if (sheet.hidden) {
        parsed.notices.push({ file: name, sheet: sheetName, row: null, message: `工作表“${sheet.name}”是隐藏的，没有读取；如需导入，请在 Excel 或 WPS 中取消隐藏后再导入` });
        continue;
      }
      if (book.sheets.filter((s) => !s.hidden && clean(s.name) === def.name).length > 1) {
        throw new FileProblem(def.name, `有多张工作表都叫“${def.name}”，无法确定读哪一张；请只保留一张（或合并后）再导入`);
      }
      await scanSheet(def, sheet.rows, handlers.get(def.name)!, parsed, env, progress, flush);
    }
    bytes = size;
    progress();
  } catch (e) {
    if (e instanceof FileProblem || isSanwuError(e)) throw e;
    if (e instanceof ReadFault) throw new FileProblem(sheetName, e.describe(name));
    throw new FileProblem(sheetName, `无法读取“${name}”：文件已损坏或格式不正确。请在 Excel 或 WPS 中打开它，另存为 .xlsx 工作簿后再导入`);
  } finally {
    book?.close();
  }
  if (parsed.rows === 0) throw new FileProblem('', `“${name}”中没有数据行，只有表头；请在表头下方逐行填写后再导入`);
  return parsed;
}

async function scanSheet(
  def: SheetDef,
  rows: SourceSheet['rows'],
  onRow: RowHandler,
  parsed: ParsedFile,
  env: ParseEnv,
  progress: () => void,
  flush: (all: boolean) => Promise<void> | null,
): Promise<void> {
  const scanner = new SheetScanner(def, (row, cells, header) => {
    const maxRows = env.maxRows ?? LIMITS.rows;
    if (++parsed.rows > maxRows) {
      throw new FileProblem(def.name, `数据超过 ${maxRows.toLocaleString('en-US')} 行，请拆分为多个工作簿后分别导入`);
    }
    onRow(row, cells, header);
    if (parsed.rows % 2000 === 0) progress();
  });
  for await (const row of rows) {
    if (env.signal?.aborted) throw cancelled();
    scanner.push(row.number, row.values);
    const handing = flush(false);
    if (handing) await handing;
  }
  scanner.end();
  await flush(true);
  for (const n of scanner.notices) parsed.notices.push({ file: parsed.name, sheet: def.name, row: n.row, message: n.message });
}
