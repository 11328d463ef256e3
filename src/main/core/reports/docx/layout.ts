// GB/T 9704-2012 page and type, the one layout every Word document of the archive uses: A4, margins
// 37/35/28/26 mm (text block 156 × 225 mm), 3号 仿宋_GB2312 body, 28 characters × 22 lines by document
// grid, 2号 方正小标宋简体 titles, `一、` 黑体 / `（一）` 楷体_GB2312 headings, and the `— n —` page number
// in 4号 宋体 with its dash 7 mm under the text block, right on odd pages and left on even ones.
// Every value written is an integer in the unit OOXML wants (twips, half-points, eighths of a point).
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionOptions,
} from 'docx';

const twipsPerMm = 1440 / 25.4;
export const mm = (v: number): number => Math.round(v * twipsPerMm);
/** half-points, as w:sz wants them */
export const pt = (v: number): number => Math.round(v * 2);

export const PAGE = { width: mm(210), height: mm(297) };
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** catalogues and forms are tables, not 公文: a landscape page keeps more of its width */
export const MARGIN_LANDSCAPE = { top: mm(25), bottom: mm(20), left: mm(25), right: mm(20) };
/** usable width in twips, portrait and landscape */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const TEXT_WIDTH_LANDSCAPE = PAGE.height - MARGIN_LANDSCAPE.left - MARGIN_LANDSCAPE.right;

/** 号 sizes in points */
export const SIZE = { 小初: 36, 二号: 22, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5 } as const;

/**
 * The grid: 22 lines of 579 twips fill the 225 mm block; Word's character pitch is the Normal size
 * (16 pt) plus charSpace/4096 pt, 15.79 pt, so 28 characters fill the 156 mm. LibreOffice gives a
 * character wider than its grid cell two cells (14 a line), so the text does not snap to the grid:
 * body runs are set 0.3 pt closer instead, a 15.7 pt advance that also gives 28 a line, in Word,
 * WPS and LibreOffice alike.
 */
export const GRID = { lines: 22, chars: 28, linePitch: 579, charSpace: -849 } as const;
/** w:spacing of body runs, twentieths of a point */
export const BODY_KERN = -6;
/** one body character's advance, twips */
export const CHAR = 20 * SIZE.三号 + BODY_KERN;
/** a title line holds at most this many 2号 characters (442 pt / 22 pt, with room to spare) */
export const TITLE_CHARS = 19;

export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  sheet: '宋体',
} as const;

/** East Asian and Latin runs in the same face, so WPS and Word agree. */
export const face = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

export const STYLE = {
  title: 'SanwuTitle',
  heading1: 'Heading1',
  heading2: 'Heading2',
  body: 'SanwuBody',
  /** 顶格: 主送机关, 附件说明's later lines */
  flush: 'SanwuFlush',
  right: 'SanwuRight',
  tableText: 'SanwuTableText',
  tableLeft: 'SanwuTableLeft',
  tableHead: 'SanwuTableHead',
  caption: 'SanwuCaption',
  cover: 'SanwuCover',
  mark: 'SanwuMark',
  pageNumber: 'SanwuPageNumber',
} as const;

/** The `— n —` page number: 4号 宋体, one character in from the edge of the text block. */
function pageNumberFooter(side: 'right' | 'left'): Footer {
  const indent = 20 * SIZE.四号;
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: indent } : { left: indent },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** An empty footer: a section without one would take the previous section's page numbers. */
const noFooter = () => new Footer({ children: [new Paragraph({ style: STYLE.pageNumber })] });

/**
 * The footer's distance from the page's bottom edge to the foot of the page number's line: that line
 * is exactly 14 pt (280 twips) with the dash at its middle, so the dash sits 7 mm under the text block.
 */
const FOOTER_DISTANCE = mm(35 - 7) - 140;
/** landscape tables: the same 7 mm under their own text block */
const FOOTER_DISTANCE_LANDSCAPE = mm(20 - 7) - 140;

export interface SectionOptions {
  landscape?: boolean;
  /** 'gbt': `— n —` per GB/T 9704; 'none': no page number (covers, forms) */
  pageNumbers?: 'gbt' | 'none';
  /** restart numbering at this page (each catalogue volume from 1) */
  firstPage?: number;
  /** the 28 × 22 document grid of 公文 (on by default for portrait pages) */
  grid?: boolean;
  /** forms printed edge to edge (盒脊): their own margins, no page number */
  margin?: { top: number; bottom: number; left: number; right: number };
}

export function section(children: ISectionOptions['children'], options: SectionOptions = {}): ISectionOptions {
  const landscape = options.landscape ?? false;
  const numbered = (options.pageNumbers ?? 'gbt') === 'gbt';
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: options.margin
          ? { ...options.margin, header: mm(8), footer: mm(8), gutter: 0 }
          : { ...(landscape ? MARGIN_LANDSCAPE : MARGIN), header: mm(15), footer: landscape ? FOOTER_DISTANCE_LANDSCAPE : FOOTER_DISTANCE, gutter: 0 },
        ...(options.firstPage ? { pageNumbers: { start: options.firstPage } } : {}),
      },
      ...((options.grid ?? !landscape) ? { grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: GRID.linePitch, charSpace: GRID.charSpace } } : {}),
    },
    footers: numbered ? { default: pageNumberFooter('right'), even: pageNumberFooter('left') } : { default: noFooter(), even: noFooter() },
    children,
  };
}

/** The document; pack it with packDocx (pack.ts), which writes the styles these paragraphs name. */
export function officialDocument(title: string, sections: ISectionOptions[]): Document {
  return new Document({ title, creator: '三务档案', evenAndOddHeaderAndFooters: true, sections });
}
