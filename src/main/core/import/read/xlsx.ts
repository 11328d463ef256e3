// An .xlsx (or .xlsm, .xltx) as sheets of rows: the package's parts resolved as the format defines,
// the shared strings and date styles read first, then each worksheet streamed when its turn comes.
import type { SourceBook } from '../source';
import { damaged, tooLarge } from './faults';
import { LIMITS } from './limits';
import { OoxmlPackage } from './ooxml';
import { readWorkbook } from './xlsx-book';
import { sheetRows } from './xlsx-sheet';
import type { ZipSource } from './zip';

/** null when the package holds no spreadsheet part (the caller decides what else it may be). */
export async function openXlsx(src: ZipSource, pkg: OoxmlPackage, onBytes: (compressed: number) => void): Promise<SourceBook | null> {
  const main = await pkg.mainPart();
  if (!main) return null;
  if (main.binary) return null;
  if (pkg.entries.length > LIMITS.workbookEntries) throw tooLarge(`含有 ${pkg.entries.length} 个部件，超过 ${LIMITS.workbookEntries} 个的上限`);
  const book = await readWorkbook(pkg, main.part);
  if (book.sheets.length === 0) throw damaged('工作簿中没有工作表');
  return {
    sheets: book.sheets.map((s) => ({
      name: s.name,
      hidden: s.hidden,
      rows: s.part ? sheetRows(pkg, s.part, book, onBytes) : [],
    })),
    size: src.size,
  };
}
