// Any valid .xlsx, however its writer laid it out: parts found through [Content_Types].xml and the
// relationships (absolute or relative targets, any names, any zip order), inline strings, no shared
// strings or styles part, no cell or row references, namespace prefixes, the 1904 date system, escaped
// characters, rich text with phonetic runs, UTF-16 parts. Each is read to the same rows.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../../src/main/core/import/import';
import { openBook } from '../../src/main/core/import/source';
import { tempArchive, type TestArchive } from '../helpers/archive';
import { writeFile } from './fixtures';

let a: TestArchive;
beforeAll(async () => {
  a = await tempArchive();
});
afterAll(() => a.close());

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Layout {
  /** where the workbook part lives */
  book?: string;
  /** the worksheet part */
  sheet?: string;
  /** relationship targets written absolute (/xl/…) */
  absolute?: boolean;
  /** the sheet XML */
  sheetXml: string;
  strings?: string;
  styles?: string;
  date1904?: boolean;
  /** zip entries in reverse order (workbook last) */
  reversed?: boolean;
  prefix?: string;
  utf16?: boolean;
}

/** A hand-laid .xlsx: exactly the parts the format needs, where the layout says. */
async function xlsx(name: string, l: Layout): Promise<string> {
  const book = l.book ?? 'xl/workbook.xml';
  const sheet = l.sheet ?? 'xl/worksheets/sheet1.xml';
  const dir = book.slice(0, book.lastIndexOf('/'));
  const target = (part: string) => (l.absolute ? `/${part}` : part.startsWith(`${dir}/`) ? part.slice(dir.length + 1) : `../${part}`);
  const p = l.prefix ? `${l.prefix}:` : '';
  const xmlns = l.prefix ? `xmlns:${l.prefix}="${NS}"` : `xmlns="${NS}"`;
  const parts: [string, string | Buffer][] = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${book}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/${sheet}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${l.absolute ? '/' : ''}${book}"/></Relationships>`],
    [
      `${dir}/_rels/${book.slice(dir.length + 1)}.rels`,
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdSheet" Type="${REL}/worksheet" Target="${target(sheet)}"/>${l.strings ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="${target('xl/strings.xml')}"/>` : ''}${l.styles ? `<Relationship Id="rIdT" Type="${REL}/styles" Target="${target('xl/looks.xml')}"/>` : ''}</Relationships>`,
    ],
    [book, `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${xmlns} xmlns:r="${R}">${l.date1904 ? `<${p}workbookPr date1904="1"/>` : ''}<${p}sheets><${p}sheet name="档案登记" sheetId="1" r:id="rIdSheet"/></${p}sheets></${p}workbook>`],
    [sheet, `<?xml version="1.0" encoding="${l.utf16 ? 'UTF-16' : 'UTF-8'}"?><${p}worksheet ${xmlns}><${p}sheetData>${l.sheetXml}</${p}sheetData></${p}worksheet>`],
  ];
  if (l.strings) parts.push(['xl/strings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">${l.strings}</sst>`]);
  if (l.styles) parts.push(['xl/looks.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}">${l.styles}</styleSheet>`]);
  if (l.utf16) {
    const s = parts.find(([n]) => n === sheet)!;
    s[1] = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s[1] as string, 'utf16le')]);
  }
  const zip = new JSZip();
  for (const [n, c] of l.reversed ? [...parts].reverse() : parts) zip.file(n, c);
  return writeFile(a.dir, name, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const HEAD = ['社区', '类别', '事项', '题名', '成文日期'];
const inline = (ref: string | null, text: string) => `<c${ref ? ` r="${ref}"` : ''} t="inlineStr"><is><t>${text}</t></is></c>`;
const inlineRow = (n: number | null, cells: string[], date: string) =>
  `<row${n ? ` r="${n}"` : ''}>${cells.map((c, i) => inline(n ? `${String.fromCharCode(65 + i)}${n}` : null, c)).join('')}${inline(n ? `E${n}` : null, date)}</row>`;
const TABLE = `${inlineRow(1, HEAD.slice(0, 4), '成文日期')}${inlineRow(2, ['桃源社区', '居务', '居民会议', '居民会议记录'], '2025-03-05')}`;

async function rows(file: string): Promise<unknown[][]> {
  const book = await openBook(file, () => {});
  try {
    const out: unknown[][] = [];
    for await (const r of book.sheets[0]!.rows) out.push([r.number, ...r.values.slice(1)]);
    return out;
  } finally {
    book.close();
  }
}

const EXPECTED = [
  [1, ...HEAD],
  [2, '桃源社区', '居务', '居民会议', '居民会议记录', '2025-03-05'],
];

describe('any valid .xlsx', () => {
  it.each<[string, Partial<Layout>]>([
    ['inline strings, no shared strings, no styles, no dimension', {}],
    ['absolute relationship targets', { absolute: true }],
    ['parts not named sheetN.xml, workbook elsewhere', { book: 'book/main.xml', sheet: 'data/表一.xml' }],
    ['the workbook last in the zip', { reversed: true }],
    ['a namespace prefix on every element', { prefix: 'x' }],
    ['a UTF-16 worksheet part', { utf16: true }],
  ])('%s', async (name, layout) => {
    const file = await xlsx(`${name.replace(/\W+/g, '-')}.xlsx`, { sheetXml: TABLE, ...layout });
    expect(await rows(file)).toEqual(EXPECTED);
    const r = await importWorkbooks(a.ctx, { files: [file], dryRun: true });
    expect(r.errors).toEqual([]);
    expect(r.imported.records).toBe(1);
  });

  it('rows and cells without references count on from the previous ones', async () => {
    const sheetXml = `${inlineRow(null, HEAD.slice(0, 4), '成文日期')}<row><c t="inlineStr"><is><t>桃源社区</t></is></c><c r="C2" t="inlineStr"><is><t>居民会议</t></is></c><c t="inlineStr"><is><t>居民会议记录</t></is></c></row>`;
    expect(await rows(await xlsx('no-refs.xlsx', { sheetXml }))).toEqual([[1, ...HEAD], [2, '桃源社区', undefined, '居民会议', '居民会议记录']]);
  });

  it('shared strings: rich text runs joined, phonetic runs left out, _xHHHH_ escapes decoded', async () => {
    const strings = `<si><t>普通</t></si><si><r><rPr><b/></rPr><t>居民</t></r><r><t xml:space="preserve">会议 </t></r><rPh sb="0" eb="2"><t>きょみん</t></rPh></si><si><t>第一行_x000D__x000A_第二行_x005F_x0041_</t></si>`;
    const sheetXml = '<row r="3"><c r="B3" t="s"><v>0</v></c><c r="C3" t="s"><v>1</v></c><c r="D3" t="s"><v>2</v></c></row>';
    expect(await rows(await xlsx('strings.xlsx', { sheetXml, strings }))).toEqual([[3, undefined, '普通', '居民会议 ', '第一行\r\n第二行_x0041_']]);
  });

  it('dates by style (built-in, custom and Chinese formats), in the 1900 and 1904 systems; numbers stay numbers', async () => {
    const styles = `<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="31"/><xf numFmtId="4"/></cellXfs>`;
    const sheetXml = '<row r="1"><c r="A1" s="1"><v>45721</v></c><c r="B1" s="2"><v>45721</v></c><c r="C1" s="3"><v>45721</v></c><c r="D1" s="4"><v>45721</v></c><c r="E1"><v>45721.5</v></c><c r="F1" t="d"><v>2025-03-05T00:00:00</v></c><c r="G1" t="b"><v>1</v></c><c r="H1" t="e"><v>#N/A</v></c><c r="I1" t="str"><f>A1&amp;""</f><v>公式结果</v></c><c r="J1"><f>1+1</f></c></row>';
    const day = new Date(Date.UTC(2025, 2, 5));
    expect(await rows(await xlsx('dates.xlsx', { sheetXml, styles }))).toEqual([[1, day, day, day, 45721, 45721.5, day, true, { error: '#N/A' }, '公式结果', null]]);
    const mac = new Date(Date.UTC(2029, 2, 6));
    expect((await rows(await xlsx('dates1904.xlsx', { sheetXml, styles, date1904: true })))[0]!.slice(1, 3)).toEqual([mac, mac]);
  });
});
