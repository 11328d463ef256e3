// The catalogue's table rows written as text must be the very XML docx writes for the same rows.
import JSZip from 'jszip';
import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { cellStyles, columns, table } from '../../src/main/core/reports/docx/blocks';
import { officialDocument, section, TEXT_WIDTH_LANDSCAPE } from '../../src/main/core/reports/docx/layout';
import { packDocx } from '../../src/main/core/reports/docx/pack';
import { rowXml, xmlText } from '../../src/main/core/reports/docx/raw-table';

const cols = columns(TEXT_WIDTH_LANDSCAPE, [
  ['序号', 1],
  ['题名', 4, 'left'],
  ['备注', 2],
]);

// markup characters, quotes, a control character a pasted title may hold, a line break, empty cells
const TABLES = [
  [
    ['1', '关于A&B<社区>的"通知"', ''],
    ['2', "居委会's 报告\u0001", '第一行\n第二行'],
  ],
  [['1', '', '\t制表']],
];

const documentXml = async (docx: Buffer) => (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
const doc = (rows: (t: string[][]) => string[][]) => officialDocument('t', TABLES.map((t) => section([table(cols, rows(t), { bare: true })], { landscape: true })));

describe('raw table rows', () => {
  it('give the same document.xml as docx writing the rows itself, each table its own rows', async () => {
    const byDocx = await documentXml(await Packer.toBuffer(doc((t) => t)));
    const styles = cellStyles(cols, true);
    const raw = await packDocx(doc(() => []), { normal: 'table', tableBodies: TABLES.map((t) => t.map((r) => rowXml(r, styles)).join('')) });
    const spliced = await documentXml(raw);
    expect(spliced).toBe(byDocx);
    expect(spliced).toContain('关于A&amp;B&lt;社区&gt;的&quot;通知&quot;');
    expect(spliced).not.toContain('\u0001');
    expect(spliced.indexOf('\t制表')).toBeGreaterThan(spliced.indexOf('第二行'));
  });

  it('drop the characters XML does not allow, which docx leaves in', () => {
    expect(xmlText('a\u0000b\u001Fc\uFFFEd\uFFFF\te\nf\r')).toBe('abcd\te\nf\r');
  });

  it('fill the first tables only, and refuse more bodies than tables', async () => {
    const one = await documentXml(await packDocx(doc(() => []), { normal: 'table', tableBodies: ['<w:tr/>'] }));
    expect(one.split('<w:tr/>')).toHaveLength(2);
    await expect(packDocx(doc(() => []), { tableBodies: ['', '', ''] })).rejects.toThrow(/fewer tables/);
  });
});
