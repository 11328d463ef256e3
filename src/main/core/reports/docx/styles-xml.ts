// word/styles.xml, written whole: docx cannot give the Normal style a size or turn off snapping to the
// grid, and Word and LibreOffice both take the grid's character pitch from Normal. Elements follow
// the schema's sequence (CT_Style, CT_PPrBase, CT_RPr) and every value is an integer.
import { BODY_KERN, CHAR, FONT, GRID, mm, pt, SIZE, STYLE } from './layout';

interface Para {
  keepNext?: boolean;
  /** twips: exact line height */
  line?: number;
  after?: number;
  indent?: { left?: number; firstLine?: number };
  jc?: 'left' | 'center' | 'right' | 'both';
  outline?: number;
}

interface Run {
  font?: string;
  /** points */
  size?: number;
  /** twentieths of a point */
  kern?: number;
  color?: string;
}

interface StyleDef {
  id: string;
  name: string;
  basedOn?: string;
  next?: string;
  p?: Para;
  r?: Run;
}

const attrs = (o: Record<string, string | number | undefined>) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` w:${k}="${v}"`)
    .join('');

function pPr(p: Para | undefined, snapToGrid: boolean): string {
  if (!p && snapToGrid) return '';
  let x = '<w:pPr>';
  if (p?.keepNext) x += '<w:keepNext/>';
  if (!snapToGrid) x += '<w:snapToGrid w:val="0"/>';
  if (p?.line !== undefined || p?.after !== undefined) {
    x += `<w:spacing${attrs({ before: 0, after: p.after ?? 0, line: p.line, lineRule: p.line === undefined ? undefined : 'exact' })}/>`;
  }
  if (p?.indent) x += `<w:ind${attrs({ left: p.indent.left, firstLine: p.indent.firstLine })}/>`;
  if (p?.jc) x += `<w:jc w:val="${p.jc}"/>`;
  if (p?.outline !== undefined) x += `<w:outlineLvl w:val="${p.outline}"/>`;
  return `${x}</w:pPr>`;
}

function rPr(r: Run | undefined): string {
  if (!r) return '';
  let x = '<w:rPr>';
  if (r.font) x += `<w:rFonts${attrs({ ascii: r.font, eastAsia: r.font, hAnsi: r.font, cs: r.font })}/>`;
  if (r.color) x += `<w:color w:val="${r.color}"/>`;
  if (r.kern !== undefined) x += `<w:spacing w:val="${r.kern}"/>`;
  if (r.size !== undefined) x += `<w:sz w:val="${pt(r.size)}"/><w:szCs w:val="${pt(r.size)}"/>`;
  return `${x}</w:rPr>`;
}

const styleXml = (s: StyleDef) =>
  `<w:style w:type="paragraph" w:styleId="${s.id}"><w:name w:val="${s.name}"/>` +
  `${s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : ''}${s.next ? `<w:next w:val="${s.next}"/>` : ''}<w:qFormat/>` +
  `${pPr(s.p, true)}${rPr(s.r)}</w:style>`;

const BODY_LINE = GRID.linePitch;
const body: Run = { font: FONT.body, size: SIZE.三号, kern: BODY_KERN };
/** table text: 5号 仿宋_GB2312 on an exact 15 pt line */
const TABLE_LINE = 300;

const STYLES: StyleDef[] = [
  { id: STYLE.title, name: 'Sanwu Title', basedOn: 'Normal', next: STYLE.body, p: { keepNext: true, line: 700, jc: 'center' }, r: { font: FONT.title, size: SIZE.二号 } },
  {
    id: STYLE.heading1,
    name: 'heading 1',
    basedOn: 'Normal',
    next: STYLE.body,
    p: { keepNext: true, line: BODY_LINE, indent: { firstLine: 2 * CHAR }, jc: 'left', outline: 0 },
    r: { ...body, font: FONT.heading1 },
  },
  {
    id: STYLE.heading2,
    name: 'heading 2',
    basedOn: 'Normal',
    next: STYLE.body,
    p: { keepNext: true, line: BODY_LINE, indent: { firstLine: 2 * CHAR }, jc: 'left', outline: 1 },
    r: { ...body, font: FONT.heading2 },
  },
  { id: STYLE.body, name: 'Sanwu Body', basedOn: 'Normal', p: { line: BODY_LINE, indent: { firstLine: 2 * CHAR }, jc: 'both' }, r: body },
  { id: STYLE.flush, name: 'Sanwu Flush', basedOn: 'Normal', p: { line: BODY_LINE, jc: 'left' }, r: body },
  { id: STYLE.right, name: 'Sanwu Signature', basedOn: 'Normal', p: { line: BODY_LINE, jc: 'right' }, r: body },
  { id: STYLE.tableText, name: 'Sanwu Table Text', basedOn: 'Normal', p: { line: TABLE_LINE, jc: 'center' }, r: { font: FONT.body, size: SIZE.五号 } },
  { id: STYLE.tableLeft, name: 'Sanwu Table Text Left', basedOn: STYLE.tableText, p: { jc: 'left' } },
  { id: STYLE.tableHead, name: 'Sanwu Table Head', basedOn: STYLE.tableText, r: { font: FONT.heading1 } },
  { id: STYLE.caption, name: 'Sanwu Table Caption', basedOn: 'Normal', next: STYLE.body, p: { keepNext: true, line: BODY_LINE, jc: 'center' }, r: { font: FONT.heading1, size: SIZE.四号 } },
  { id: STYLE.cover, name: 'Sanwu Cover Field', basedOn: 'Normal', p: { line: 720, indent: { left: mm(60) }, jc: 'left' }, r: { font: FONT.body, size: SIZE.三号 } },
  { id: STYLE.mark, name: 'Sanwu Issuer Mark', basedOn: 'Normal', p: { line: 900, jc: 'center' }, r: { font: FONT.title, size: SIZE.小初, color: 'FF0000' } },
  { id: STYLE.pageNumber, name: 'Sanwu Page Number', basedOn: 'Normal', p: { line: 280 }, r: { font: FONT.pageNumber, size: SIZE.四号 } },
];

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/**
 * 'body': Normal is 3号 仿宋 — the 公文, whose grid pitch derives from it; every table cell names its
 * style. 'table': Normal is the 5号 table text — catalogues, whose thousands of cells then need no
 * properties of their own.
 */
export type NormalProfile = 'body' | 'table';

export function stylesXml(profile: NormalProfile): string {
  const normal =
    profile === 'body'
      ? `${pPr(undefined, false)}${rPr({ font: FONT.body, size: SIZE.三号 })}`
      : `${pPr({ line: TABLE_LINE, jc: 'center' }, false)}${rPr({ font: FONT.body, size: SIZE.五号 })}`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${NS}>` +
    `<w:docDefaults><w:rPrDefault>${rPr({ font: FONT.body, size: SIZE.三号 })}</w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>${normal}</w:style>` +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    `${STYLES.map(styleXml).join('')}</w:styles>`
  );
}
