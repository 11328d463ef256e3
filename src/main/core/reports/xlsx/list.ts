// A list the clerk sees (records, check or audit results, import errors …) as an .xlsx that prints like
// the package's sheets (sheet.ts: title and unit rows, header repeated and frozen, 宋体, borders, A4 at
// a readable scale, page numbers): dates as real dates, numbers as numbers.
import { PassThrough } from 'node:stream';
import type { DownloadFile } from '../../../../shared/api';
import type { ListCell, ListCellKind, ListColumn } from '../../../../shared/lists';
import type { ArchiveContext } from '../../context';
import { getOffice } from '../../office/repository';
import { chineseDate, excelDate } from '../dates';
import { addSheet, DATE_FORMAT, MONEY_FORMAT, pace, sheetHeading, writeRow, writeWorkbook, type SheetColumn } from './sheet';

const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
const FORMATS: Partial<Record<ListCellKind, string>> = { money: MONEY_FORMAT, date: DATE_FORMAT, datetime: DATETIME_FORMAT, number: '0' };
const KIND_WIDTHS: Partial<Record<ListCellKind, number>> = { date: 12, datetime: 17, number: 9, money: 14 };
/** text columns: as wide as their content (sampled), within these bounds; longer text wraps */
const MIN_TEXT = 8;
const MAX_TEXT = 44;
/** portrait A4 holds about this many characters across at a readable scale */
const PORTRAIT_WIDTH = 96;

/** Display width in Excel characters: a Chinese character takes two. */
const displayWidth = (s: string): number => [...s].reduce((w, c) => w + (c.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);

export interface ListSheet {
  title: string;
  note?: string;
  columns: ListColumn[];
}

/** Column widths from the header and the first rows' content. */
export function sheetColumns(columns: ListColumn[], sample: ListCell[][]): SheetColumn[] {
  return columns.map((c, i) => {
    const kind = c.kind ?? 'text';
    const header = displayWidth(c.header) + 2;
    if (kind !== 'text') return { header: c.header, width: c.width ?? Math.max(KIND_WIDTHS[kind]!, header), numFmt: FORMATS[kind] };
    const content = sample.reduce((w, r) => Math.max(w, displayWidth(String(r[i] ?? '')) + 2), 0);
    const width = c.width ?? Math.min(MAX_TEXT, Math.max(MIN_TEXT, header, content));
    return { header: c.header, width, wrap: content > width };
  });
}

/** A cell as Excel keeps it: dates as dates (local time for timestamps), numbers as numbers. */
export function excelCell(value: ListCell, kind: ListCellKind = 'text'): unknown {
  if (value === null || value === '') return null;
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return excelDate(value);
  if (kind === 'datetime' && typeof value === 'string') {
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) return value;
    // Excel has no time zone: the clock time the clerk saw, as written
    return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));
  }
  if ((kind === 'number' || kind === 'money') && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value;
}

/** The download's name: 档案目录（2025年12月4日）.xlsx — no characters a file system refuses. */
export function listFileName(title: string, at: Date): string {
  return `${title.replace(/[\\/:*?"<>|\n\r\t]/g, '_')}（${chineseDate(at)}）.xlsx`;
}

/**
 * Writes the list. `rows` yields batches (a records export pages through the database); the first
 * batch sets the column widths.
 */
export async function listWorkbook(ctx: ArchiveContext, list: ListSheet, rows: AsyncIterable<ListCell[][]> | Iterable<ListCell[][]>, signal?: AbortSignal): Promise<DownloadFile> {
  const at = ctx.clock.now();
  const office = await getOffice(ctx);
  const kinds = list.columns.map((c) => c.kind ?? 'text');
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await writeWorkbook(sink, async (wb) => {
    let ws: ReturnType<typeof addSheet> | null = null;
    let n = 0;
    const open = (sample: ListCell[][]) => {
      const columns = sheetColumns(list.columns, sample.slice(0, 200));
      const heading = sheetHeading({ unit: office?.name ?? '', name: list.title, date: at, note: list.note });
      const landscape = columns.reduce((s, c) => s + c.width, 0) > PORTRAIT_WIDTH;
      return addSheet(wb, list.title.slice(0, 31).replace(/[\\/?*[\]:]/g, '_'), heading, columns, { landscape });
    };
    for await (const batch of rows) {
      ws ??= open(batch);
      for (const row of batch) {
        writeRow(ws, kinds.map((k, i) => excelCell(row[i] ?? null, k)));
        await pace(++n, signal);
      }
    }
    ws ??= open([]);
    ws.commit();
  });
  await done;
  return { name: listFileName(list.title, at), dataBase64: Buffer.concat(chunks).toString('base64') };
}
