// GB/T 9704-2012 page and type: A4, margins 37/35/28/26 mm, 3号 仿宋_GB2312 body on a fixed ~29 pt
// line (22 lines a page), 2号 方正小标宋简体 title, 一、黑体 / （一）楷体_GB2312 headings, and the
// `— n —` page number in 4号 宋体, right on odd pages and left on even ones.
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  PageOrientation,
  Paragraph,
  TextRun,
  PageNumber,
  type ISectionOptions,
  type IStylesOptions,
} from 'docx';

const twipsPerMm = 1440 / 25.4;
export const mm = (v: number): number => Math.round(v * twipsPerMm);
/** half-points, as w:sz wants them */
export const pt = (v: number): number => v * 2;
/** the width of n characters of a size in points, in twips */
export const chars = (n: number, sizePt: number): number => n * sizePt * 20;

export const PAGE = { width: mm(210), height: mm(297) };
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** catalogues are tables, not 公文: a landscape page keeps more of its width */
export const MARGIN_LANDSCAPE = { top: mm(25), bottom: mm(20), left: mm(25), right: mm(20) };
/** usable width in twips, portrait and landscape */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const TEXT_WIDTH_LANDSCAPE = PAGE.height - MARGIN_LANDSCAPE.left - MARGIN_LANDSCAPE.right;

/** 号 sizes in points */
export const SIZE = { 二号: 22, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5 } as const;
/** 22 lines in the 225 mm text block */
export const BODY_LINE = 579;

export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

/** East Asian and Latin runs in the same face, so WPS and Word agree. */
export const face = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

export const STYLE = {
  title: 'SanwuTitle',
  heading1: 'Heading1',
  heading2: 'Heading2',
  body: 'SanwuBody',
  right: 'SanwuRight',
  tableLeft: 'SanwuTableLeft',
  tableHead: 'SanwuTableHead',
  caption: 'SanwuCaption',
  cover: 'SanwuCover',
} as const;

/** first-line indent of two 3号 characters */
const INDENT_2 = { firstLineChars: 200, firstLine: chars(2, SIZE.三号) };
const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
const bodyRun = { font: face(FONT.body), size: pt(SIZE.三号) };

/** `一、` and `（一）` headings: 3号 in their own face, indented like the body, kept with what follows */
const heading = (id: string, font: string, level: number) => ({
  id,
  name: `Heading ${level + 1}`,
  basedOn: 'Normal',
  next: STYLE.body,
  run: { font: face(font), size: pt(SIZE.三号) },
  paragraph: { alignment: AlignmentType.LEFT, indent: INDENT_2, spacing: exact(BODY_LINE), outlineLevel: level, keepNext: true },
});

/** table text: 5号 仿宋_GB2312, centred, on an exact 15 pt line */
const TABLE_TEXT = { run: { font: face(FONT.body), size: pt(SIZE.五号) }, paragraph: { alignment: AlignmentType.CENTER, spacing: exact(300) } };

export const styles: IStylesOptions = {
  // The defaults are the table text: tables are the bulk of these documents (a catalogue runs to
  // thousands of rows) and a cell that inherits needs no properties of its own, which keeps packing
  // fast. Every other paragraph names its style.
  default: { document: TABLE_TEXT },
  paragraphStyles: [
    {
      id: STYLE.title,
      name: 'Sanwu Title',
      basedOn: 'Normal',
      run: { font: face(FONT.title), size: pt(SIZE.二号) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { ...exact(BODY_LINE * 1.2), after: BODY_LINE } },
    },
    heading(STYLE.heading1, FONT.heading1, 0),
    heading(STYLE.heading2, FONT.heading2, 1),
    {
      id: STYLE.body,
      name: 'Sanwu Body',
      basedOn: 'Normal',
      run: bodyRun,
      paragraph: { indent: INDENT_2, spacing: exact(BODY_LINE), alignment: AlignmentType.JUSTIFIED },
    },
    {
      id: STYLE.right,
      name: 'Sanwu Signature',
      basedOn: 'Normal',
      run: bodyRun,
      // GB/T 9704: the date sits right, four characters in
      paragraph: { alignment: AlignmentType.RIGHT, indent: { right: chars(4, SIZE.三号) }, spacing: exact(BODY_LINE) },
    },
    {
      id: STYLE.tableLeft,
      name: 'Sanwu Table Text Left',
      basedOn: 'Normal',
      paragraph: { ...TABLE_TEXT.paragraph, alignment: AlignmentType.LEFT },
    },
    {
      id: STYLE.tableHead,
      name: 'Sanwu Table Head',
      basedOn: 'Normal',
      run: { font: face(FONT.heading1), size: pt(SIZE.五号) },
    },
    {
      id: STYLE.caption,
      name: 'Sanwu Table Caption',
      basedOn: 'Normal',
      next: STYLE.body,
      run: { font: face(FONT.heading1), size: pt(SIZE.四号) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: exact(BODY_LINE), keepNext: true },
    },
    {
      id: STYLE.cover,
      name: 'Sanwu Cover Field',
      basedOn: 'Normal',
      run: { font: face(FONT.body), size: pt(SIZE.三号) },
      paragraph: { alignment: AlignmentType.LEFT, indent: { left: mm(60) }, spacing: { line: 720, lineRule: LineRuleType.EXACT } },
    },
  ],
};

function pageNumber(alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent: { left?: number; right?: number }): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: face(FONT.pageNumber), size: pt(SIZE.四号) })],
      }),
    ],
  });
}

/** one character (4号) in from the edge of the text block */
const IN = chars(1, SIZE.四号);
const footers = () => ({
  default: pageNumber(AlignmentType.RIGHT, { right: IN }),
  even: pageNumber(AlignmentType.LEFT, { left: IN }),
});

export function section(children: ISectionOptions['children'], landscape = false): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { ...(landscape ? MARGIN_LANDSCAPE : MARGIN), header: mm(12), footer: landscape ? mm(10) : mm(20) },
      },
    },
    footers: footers(),
    children,
  };
}

export function officialDocument(title: string, sections: ISectionOptions[]): Document {
  return new Document({ title, creator: '三务档案', styles, evenAndOddHeaderAndFooters: true, sections });
}
