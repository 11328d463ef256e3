// 归档章 on copies of PDFs written out of the archive (the annual package with its files, transfer
// carriers): the stored file is read, never written; the copy carries the stamp, or — when the PDF
// cannot take one (encrypted, damaged, too large) — is copied as it is and says why.
import { SanwuError } from '../../../shared/errors';
import { stampPdf, stampText, type StampCells } from './filing-stamp';
import { uncovered } from './fonts';

export type { StampCells } from './filing-stamp';

/** Larger PDFs are copied unstamped: pdf-lib holds the whole document in memory. */
export const MAX_STAMPED_BYTES = 100 * 1024 * 1024;

export interface StampOutcome {
  bytes: Uint8Array;
  stamped: boolean;
  /** why it was not stamped (Chinese) */
  note?: string;
}

/** What a filed record's stamp says; null when it has no 档号 yet (nothing to stamp). */
export function stampCellsOf(r: {
  fonds_code: string | null;
  filing_year: number | null;
  item_no: number | null;
  problem_code: string | null;
  retention: string;
  pages: number | null;
}): StampCells | null {
  if (!r.fonds_code || r.filing_year === null || r.item_no === null) return null;
  return {
    fonds: r.fonds_code,
    year: String(r.filing_year),
    itemNo: String(r.item_no).padStart(4, '0'),
    problem: r.problem_code ?? '',
    retention: r.retention.replace(/^定期/, ''),
    pages: r.pages === null ? '' : String(r.pages),
  };
}

export async function stampedCopy(source: Uint8Array, cells: StampCells): Promise<StampOutcome> {
  if (source.byteLength > MAX_STAMPED_BYTES) return { bytes: source, stamped: false, note: `PDF 超过 ${MAX_STAMPED_BYTES / 1024 / 1024} MB，按原样复制，未加盖归档章` };
  const missing = uncovered(stampText(cells));
  if (missing) return { bytes: source, stamped: false, note: `归档章的字体没有“${missing}”（全宗号、问题代码应为字母和数字），按原样复制，未加盖归档章` };
  try {
    return { bytes: await stampPdf(source, cells), stamped: true };
  } catch (e) {
    if (e instanceof SanwuError) return { bytes: source, stamped: false, note: `${e.message}，按原样复制` };
    return { bytes: source, stamped: false, note: 'PDF 的结构无法处理，按原样复制，未加盖归档章' };
  }
}
