// The 归档章 (RETENTION.md; DA/T 22-2015): six cells, 3 × 15 mm across and 2 × 8 mm down —
//   全宗号 | 年度 | 件号
//   机构(问题) | 保管期限 | 页数
// drawn in red at the top right of the first page of a COPY of a PDF (the stored original is never
// touched). Each cell holds its name in small type and the value below it. The page's own content is
// wrapped in q … Q first, so a drawing state it leaves behind cannot move or scale the stamp; a rotated
// page gets the stamp at the top right as it is displayed, upright; the crop box, not the paper, is
// the visible page.
import { degrees, PDFDocument, popGraphicsState, pushGraphicsState, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { SanwuError } from '../../../shared/errors';
import fontkit from '@pdf-lib/fontkit';
import { stampFontBytes } from './fonts';

export interface StampCells {
  fonds: string;
  year: string;
  itemNo: string;
  /** 机构(问题): may be empty */
  problem: string;
  retention: string;
  /** empty: the PDF's page count */
  pages: string;
}

export const CELL_NAMES: [keyof StampCells, string][][] = [
  [
    ['fonds', '全宗号'],
    ['year', '年度'],
    ['itemNo', '件号'],
  ],
  [
    ['problem', '机构(问题)'],
    ['retention', '保管期限'],
    ['pages', '页数'],
  ],
];

const MM = 72 / 25.4;
const CELL_W = 15 * MM;
const CELL_H = 8 * MM;
/** from the visible page's top and right edges */
const MARGIN = 8 * MM;
const RED = rgb(0.85, 0.06, 0.06);
const NAME_SIZE = 4.8;
const VALUE_SIZE = 8.5;

/** All text the stamp prints, to choose a font that has every character. */
export const stampText = (cells: StampCells): string => CELL_NAMES.flat().map(([key, name]) => `${name}${cells[key]}`).join('');

/** A point in the displayed page (origin bottom left, as viewed) in the page's own space. */
function toUser(page: PDFPage, vx: number, vy: number): { x: number; y: number } {
  const { x, y, width: w, height: h } = page.getCropBox();
  switch (((page.getRotation().angle % 360) + 360) % 360) {
    case 90:
      return { x: x + w - vy, y: y + vx };
    case 180:
      return { x: x + w - vx, y: y + h - vy };
    case 270:
      return { x: x + vy, y: y + h - vx };
    default:
      return { x: x + vx, y: y + vy };
  }
}

/** The displayed page's size. */
function viewSize(page: PDFPage): { width: number; height: number } {
  const { width, height } = page.getCropBox();
  const turned = [90, 270].includes(((page.getRotation().angle % 360) + 360) % 360);
  return turned ? { width: height, height: width } : { width, height };
}

function fitted(font: PDFFont, text: string, size: number, room: number): number {
  const width = font.widthOfTextAtSize(text, size);
  return width > room ? (size * room) / width : size;
}

function drawStamp(page: PDFPage, font: PDFFont, cells: StampCells): void {
  const view = viewSize(page);
  const rotate = degrees(((page.getRotation().angle % 360) + 360) % 360);
  const left = view.width - MARGIN - 3 * CELL_W;
  const top = view.height - MARGIN;
  const line = (x1: number, y1: number, x2: number, y2: number, thickness: number) =>
    page.drawLine({ start: toUser(page, x1, y1), end: toUser(page, x2, y2), thickness, color: RED });
  const text = (s: string, cx: number, baseline: number, size: number) => {
    if (s) page.drawText(s, { ...toUser(page, cx - font.widthOfTextAtSize(s, size) / 2, baseline), size, font, color: RED, rotate });
  };
  // outer frame a little heavier than the inner rules
  line(left, top, left + 3 * CELL_W, top, 1.2);
  line(left, top - 2 * CELL_H, left + 3 * CELL_W, top - 2 * CELL_H, 1.2);
  line(left, top, left, top - 2 * CELL_H, 1.2);
  line(left + 3 * CELL_W, top, left + 3 * CELL_W, top - 2 * CELL_H, 1.2);
  line(left, top - CELL_H, left + 3 * CELL_W, top - CELL_H, 0.7);
  for (const c of [1, 2]) line(left + c * CELL_W, top, left + c * CELL_W, top - 2 * CELL_H, 0.7);
  CELL_NAMES.forEach((row, r) =>
    row.forEach(([key, name], c) => {
      const cx = left + (c + 0.5) * CELL_W;
      const cellTop = top - r * CELL_H;
      text(name, cx, cellTop - 1.1 * MM - NAME_SIZE * 0.8, NAME_SIZE);
      const value = cells[key];
      text(value, cx, cellTop - CELL_H + 1.3 * MM, fitted(font, value, VALUE_SIZE, CELL_W - 2 * MM));
    }),
  );
}

/** A stamped copy of the PDF's bytes. Throws SanwuError (in Chinese) when the file cannot be stamped. */
export async function stampPdf(bytes: Uint8Array, cells: StampCells): Promise<Uint8Array> {
  let doc: PDFDocument;
  let page: PDFPage | null;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
    page = doc.getPageCount() > 0 ? doc.getPage(0) : null;
  } catch (e) {
    const encrypted = (e as Error).name === 'EncryptedPDFError' || /encrypt/i.test((e as Error).message);
    throw new SanwuError('INVALID_INPUT', encrypted ? 'PDF 已加密，不能加盖归档章' : 'PDF 文件已损坏或无法读取，不能加盖归档章');
  }
  if (!page) throw new SanwuError('INVALID_INPUT', 'PDF 没有页面，不能加盖归档章');
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(stampFontBytes(), { subset: true });
  // the page's content in q … Q: whatever drawing state it leaves cannot move the stamp
  const start = doc.context.register(doc.context.contentStream([pushGraphicsState()]));
  const end = doc.context.register(doc.context.contentStream([popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
  // no 页数 recorded: the PDF's own page count
  drawStamp(page, font, { ...cells, pages: cells.pages || String(doc.getPageCount()) });
  return doc.save({ updateFieldAppearances: false });
}
