// The Word documents read back as XML and as text: GB/T 9704 page, grid, type, page numbers and the
// parts of a 工作报告; self-assessments that claim nothing unattested; the DA/T 22 catalogue by volume
// with its box forms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportPackage } from '../../src/main/core/package';
import { CHAR, GRID, MARGIN, PAGE, TEXT_WIDTH } from '../../src/main/core/reports/docx/layout';
import { saveReportSettings } from '../../src/main/core/reports/settings';
import { attest } from '../../src/main/core/standards';
import type { ReportResult } from '../../src/shared/report';
import { raw, tempDir } from '../helpers/archive';
import { reportArchive, YEAR, type ReportFixture } from './fixture';

let a: ReportFixture;
let out: { dir: string; cleanup: () => void };
let result: ReportResult;

beforeAll(async () => {
  a = await reportArchive({ communities: 2, perCommunity: 30 });
  out = tempDir('sanwu-docx-');
  await saveReportSettings(a.ctx, { docNumber: '幸街发〔2026〕3号', signer: '张明', addressee: '区民政局', sealed: true });
  result = await buildReportPackage(a.ctx, { year: YEAR, outDir: out.dir });
});
afterAll(async () => {
  await a.close();
  out.cleanup();
});

async function parts(file: string, dir = result.path): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(join(dir, file)));
  const outParts: Record<string, string> = {};
  for (const f of Object.values(zip.files)) if (!f.dir && f.name.endsWith('.xml')) outParts[f.name] = await f.async('string');
  return outParts;
}

/** Text of the document's paragraphs, in order. */
const paragraphs = (xml: string): string[] =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

function style(stylesXml: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(stylesXml);
  expect(m, id).not.toBeNull();
  return m![0];
}

const count = (sql: string) => (raw(a.ctx).prepare(sql).get(YEAR) as { n: number }).n;
const WORK_REPORT = `data/01_${YEAR}年度三务公开工作报告.docx`;

describe('01 工作报告 (GB/T 9704)', () => {
  let xml: Record<string, string>;
  let text: string[];
  beforeAll(async () => {
    xml = await parts(WORK_REPORT);
    text = paragraphs(xml['word/document.xml']!);
  });

  it('is A4 portrait, margins 37/35/28/26 mm, with the 28 × 22 document grid', () => {
    const doc = xml['word/document.xml']!;
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const grid = /<w:docGrid ([^>]*)\/>/.exec(doc)![1]!;
    expect(grid).toContain('w:type="linesAndChars"');
    expect(grid).toContain(`w:linePitch="${GRID.linePitch}"`);
    expect(grid).toContain(`w:charSpace="${GRID.charSpace}"`);
    // Word's character pitch is Normal's 16 pt plus charSpace/4096 pt: 28 fit the 156 mm block, 29 do not
    const pitch = (16 + GRID.charSpace / 4096) * 20;
    expect(28 * pitch).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(29 * pitch).toBeGreaterThan(TEXT_WIDTH);
    // 22 lines of the pitch fill the 225 mm block, 23 do not
    const block = PAGE.height - MARGIN.top - MARGIN.bottom;
    expect(22 * GRID.linePitch).toBeLessThanOrEqual(block);
    expect(23 * GRID.linePitch).toBeGreaterThan(block);
  });

  it('sets Normal to 3号 仿宋 (the grid\'s base), the title 2号 方正小标宋简体, body lines exact with a two-character indent, headings 黑体/楷体', () => {
    const styles = xml['word/styles.xml']!;
    const normal = style(styles, 'Normal');
    expect(normal).toMatch(/<w:sz w:val="32"\/>/);
    expect(normal).toMatch(/<w:snapToGrid w:val="0"\/>/);
    const title = style(styles, 'SanwuTitle');
    expect(title).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(title).toMatch(/<w:sz w:val="44"\/>/);
    expect(title).toMatch(/<w:jc w:val="center"\/>/);
    const body = style(styles, 'SanwuBody');
    expect(body).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(body).toMatch(/<w:sz w:val="32"\/>/);
    // 28 characters of the 15.7 pt advance fill the line in every reader
    expect(body).toMatch(/<w:spacing w:val="-6"\/>/);
    expect(28 * CHAR).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(29 * CHAR).toBeGreaterThan(TEXT_WIDTH);
    expect(body).toContain(`w:firstLine="${2 * CHAR}"`);
    expect(body).toMatch(/<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"\/>/);
    expect(style(styles, 'Heading1')).toMatch(/w:eastAsia="黑体"/);
    expect(style(styles, 'Heading2')).toMatch(/w:eastAsia="楷体_GB2312"/);
  });

  it('numbers pages `— n —` in 4号 宋体, right on odd pages and left on even ones, the line\'s foot 7 mm + 7 pt above the page\'s', () => {
    expect(xml['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>/);
    const doc = xml['word/document.xml']!;
    expect([...doc.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => m[1]).sort()).toEqual(['default', 'even']);
    // the dash sits in the middle of its exact 14 pt line, 7 mm under the text block (35 mm from the foot)
    const footer = Number(/<w:pgMar [^>]*w:footer="(\d+)"/.exec(doc)![1]);
    expect(footer + 140).toBe(Math.round(((35 - 7) * 1440) / 25.4));
    const footers = Object.entries(xml).filter(([n]) => /word\/footer\d+\.xml/.test(n)).map(([, x]) => x);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(f).toContain('— ');
      expect(f).toContain('SanwuPageNumber');
    }
    expect(style(xml['word/styles.xml']!, 'SanwuPageNumber')).toMatch(/w:eastAsia="宋体"[\s\S]*<w:sz w:val="28"\/>/);
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)![1]).sort()).toEqual(['left', 'right']);
  });

  it('has the parts of a 工作报告: 版头 with 发文字号 and 签发人, title, 主送机关, basis, five sections, 特此报告, 附件说明, signature and date', () => {
    expect(text[0]).toBe('幸福路街道文件');
    expect(text).toContain('幸街发〔2026〕3号\t签发人：张明');
    expect(xml['word/document.xml']).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000"/);
    const title = text.indexOf(`幸福路街道关于${YEAR}年度三务公开工作情况的报告`);
    expect(title).toBeGreaterThan(0);
    expect(text[title + 1]).toBe('区民政局：');
    expect(text[title + 2]).toMatch(/^根据《中国共产党党务公开条例（试行）》.*现将幸福路街道2025年度三务公开和档案管理工作情况报告如下：$/);
    expect(text.filter((t) => /^[一二三四五]、/.test(t))).toEqual(['一、基本情况', '二、主要做法和成效', '三、考评情况', '四、存在问题', '五、下一步打算']);
    expect(text.filter((t) => /^表\d/.test(t))).toEqual(['表1  各社区三务档案件数（件）', '表2  公开事项按月分布（件）', '表3  各社区考评情况']);
    const end = text.indexOf('特此报告。');
    expect(text.slice(end + 1, end + 7)).toEqual([
      '',
      `附件：1.${YEAR}年度三务公开台账`,
      '2.各社区自评报告（4份）',
      `3.${YEAR}年度归档文件目录`,
      '4.档案保管期限检查清单',
      `5.${YEAR}年度三务档案数据（电子文件）`,
    ]);
    // sealed: two lines for the seal, then the office centred over the date
    expect(text.slice(-4)).toEqual(['', '', '幸福路街道', '2025年12月31日']);
    const doc = xml['word/document.xml']!;
    const signature = [...doc.matchAll(/<w:p><w:pPr><w:pStyle w:val="SanwuRight"\/>(?:<w:keepNext\/>)?<w:ind w:right="(\d+)"\/>/g)].map((m) => Number(m[1]));
    // the date four characters from the right; 幸福路街道 (5) centred over 2025年12月31日 (3 + 4 = 7 wide)
    expect(signature).toEqual([Math.round((4 + (7 - 5) / 2) * CHAR), 4 * CHAR]);
  });

  it('counts disclosures apart from the other holdings, as the database has them', () => {
    const all = text.join('\n');
    const total = count('SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL');
    const disclosed = count(`SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL AND instr(kind, '公开') > 0`);
    const party = count(`SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL AND affair = '党务' AND instr(kind, '公开') > 0`);
    expect(all).toContain(`共形成三务档案${total}件，其中公开事项${disclosed}件（党务公开${party}件`);
    expect(all).toContain(`等其他档案${total - disclosed}件`);
    expect(all).toContain(`已归档${total}件，未归档0件`);
    // no holding counted as a disclosure: 会计凭证 and 银行对账单 are not 公开
    expect(all).not.toMatch(/公开[^。]*会计凭证\d+件/);
  });

  it('draws 主要做法和成效 from the records, money in 万元', () => {
    const all = text.join('\n');
    const meetings = count(`SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL AND kind = '三会一课'`);
    expect(all).toContain(`召开“三会一课”${meetings}次`);
    const fen = count(`SELECT sum(income_fen) AS n FROM records WHERE year = ? AND voided_at IS NULL AND affair = '财务'`);
    expect(all).toContain(`全年登记各类资金收入${Math.round(fen / 10000) / 100}万元`);
    expect(all).not.toMatch(/\d,\d{3}/);
  });

  it('claims no conclusion the archive cannot back: 暂评 while items await attestation, no veto claim', () => {
    const all = text.join('\n');
    expect(all).toMatch(/目前尚有\d+项指标待人工认定，涉及2个社区，其中一票否决项4项/);
    expect(all).toContain('一票否决项认定前，不作是否存在一票否决事项的结论');
    expect(all).not.toContain('无一票否决事项');
    // the 考评 table: provisional grades and 待认定 in the veto column
    expect(text.some((t) => /^暂评(达标|基本达标|不达标)$/.test(t))).toBe(true);
    expect(text.filter((t) => t === '待认定').length).toBeGreaterThanOrEqual(2);
    // system words and record ids never reach the document
    expect(all).not.toMatch(/社区×标准|记录编号|sanwu|undefined|null/);
  });

  it('plans next steps specific to the shortfalls found', () => {
    const steps = text.slice(text.indexOf('五、下一步打算') + 1, text.indexOf('特此报告。'));
    expect(steps.length).toBeGreaterThan(1);
    expect(steps.every((s, i) => s.startsWith(`（${'一二三四五六七八九十'[i]}）`))).toBe(true);
    expect(steps.join('')).toMatch(/待人工认定的指标提供佐证材料.*一票否决事项（4项）优先认定/);
  });
});

describe('the clerk\'s choices', () => {
  it('--next-steps replaces the generated plan; an unsealed report signs two characters in, the date under it', async () => {
    const dir = tempDir('sanwu-docx-choice-');
    try {
      const r = await buildReportPackage(a.ctx, { year: YEAR, outDir: dir.dir, nextSteps: '第一段下一步工作。\n第二段下一步工作。', settings: { sealed: false, docNumber: '' } });
      const doc = (await parts(WORK_REPORT, r.path))['word/document.xml']!;
      const text = paragraphs(doc);
      expect(text.slice(text.indexOf('五、下一步打算') + 1, text.indexOf('特此报告。'))).toEqual(['第一段下一步工作。', '第二段下一步工作。']);
      // a blank 发文字号 left to be numbered by hand
      expect(text).toContain('　　　〔2025〕　　号\t签发人：张明');
      expect(text.slice(-3)).toEqual(['', '幸福路街道', '2025年12月31日']);
      const ind = [...doc.matchAll(/<w:pStyle w:val="SanwuRight"\/>(?:<w:keepNext\/>)?<w:ind w:right="(\d+)"\/>/g)].map((m) => Number(m[1]));
      // name (5) two from the right; the date (7) starts two characters right of the name, so ends flush: 2 − 2 … clamped to two
      expect(ind).toEqual([Math.round((2 + 7 + 2 - 5) * CHAR), 2 * CHAR]);
    } finally {
      dir.cleanup();
    }
  });
});

describe('03 自评报告', () => {
  const FILE = 'data/03_自评报告/桃源社区_北京市民主法治示范社区建设指导标准自评报告.docx';

  it('lists every indicator with its result, the figures and evidence with 档号, and a provisional conclusion', async () => {
    const doc = (await parts(FILE))['word/document.xml']!;
    const text = paragraphs(doc);
    expect(text[0]).toBe('桃源社区2025年度民主法治示范社区自评报告');
    expect(doc).toMatch(/<w:t xml:space="preserve">桃源社区2025年度民主法治<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">示范社区自评报告<\/w:t>/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc).toContain('<w:tblHeader/>');
    expect((doc.match(/<w:tr>/g) ?? []).length).toBe(18 + 1);
    // evidence: 题名（日期） over its 档号
    expect(text.some((t) => /^S101-WS·2025-[A-Z0-9]+-[A-Z]{2}-\d{4}$/.test(t))).toBe(true);
    expect(text.some((t) => /（2025年\d+月\d+日）$/.test(t))).toBe(true);
    // unattested items: listed once, never as shortfalls
    expect(text).toContain('待人工认定（7项）：BJ-MZFZ-01、03、04、13—16，需提供佐证材料，由街道审核认定，不计入不足。');
    const shortfalls = text.slice(text.indexOf('三、存在不足') + 1, text.indexOf('四、自评结论'));
    expect(shortfalls.join('')).not.toContain('待人工认定；');
    const conclusion = text[text.indexOf('四、自评结论') + 1]!;
    expect(conclusion).toMatch(/^按已评11项指标（共18项）计，自评得分[\d.]+分，暂评等次为“(达标|基本达标|不达标)”。尚有7项指标待人工认定，其中一票否决项BJ-MZFZ-03、14尚未认定/);
    expect(text.join('')).not.toContain('无一票否决事项');
    expect(text.at(-1)).toBe('2025年12月31日');
  });

  it('once every item is attested, concludes without 暂评 and says the veto items were found clear', async () => {
    for (const indicator of ['BJ-MZFZ-01', 'BJ-MZFZ-03', 'BJ-MZFZ-04', 'BJ-MZFZ-13', 'BJ-MZFZ-14', 'BJ-MZFZ-15', 'BJ-MZFZ-16']) {
      await attest(a.ctx, { year: YEAR, community: '幸福社区', indicator, status: 'met', note: '经核实' });
    }
    const dir = tempDir('sanwu-docx-attested-');
    try {
      const r = await buildReportPackage(a.ctx, { year: YEAR, outDir: dir.dir, communities: ['幸福社区'] });
      const text = paragraphs((await parts('data/03_自评报告/幸福社区_北京市民主法治示范社区建设指导标准自评报告.docx', r.path))['word/document.xml']!);
      expect(text[text.indexOf('四、自评结论') + 1]).toMatch(/^自评得分[\d.]+分，等次为“(达标|基本达标|不达标)”；一票否决项（BJ-MZFZ-03、BJ-MZFZ-14）经认定不存在否决情形。$/);
      expect(text.some((t) => t.startsWith('人工认定：达标，经核实（test，2025年12月31日）'))).toBe(true);
    } finally {
      dir.cleanup();
    }
  });
});

describe('04 归档文件目录 (docx)', () => {
  let doc: string;
  let text: string[];
  const volumes = () =>
    raw(a.ctx).prepare('SELECT DISTINCT fonds_code, category_code, filing_year, retention FROM records WHERE year = ? AND item_no IS NOT NULL AND voided_at IS NULL').all(YEAR);
  beforeAll(async () => {
    doc = (await parts(`data/04_${YEAR}年度归档文件目录.docx`))['word/document.xml']!;
    text = paragraphs(doc);
  });

  it('is one volume per 全宗 × 门类 × 年度 × 保管期限: an unnumbered landscape cover, then the table numbered from 1', () => {
    const n = volumes().length;
    const sections = [...doc.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    // covers and tables, then the 盒脊 and the 备考表
    expect(sections).toHaveLength(2 * n + 2);
    for (let v = 0; v < n; v++) {
      const [cover, table] = [sections[2 * v]!, sections[2 * v + 1]!];
      for (const s of [cover, table]) expect(s).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
      expect(table).toMatch(/<w:pgNumType w:start="1"\/>/);
      expect(cover).not.toMatch(/<w:pgNumType w:start/);
      // no page number on the cover: its footers hold no PAGE field
      expect(cover).toMatch(/<w:footerReference w:type="default"/);
    }
    expect(text.filter((t) => t === '归档文件目录')).toHaveLength(n);
    for (const f of ['全宗号：S101', '全宗名称：桃源社区', '门　　类：文书', '门　　类：会计', '保管期限：永久']) expect(text).toContain(f);
    const header = text.slice(text.indexOf('序号'), text.indexOf('序号') + 9);
    expect(header).toEqual(['序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注']);
  });

  it('holds every filed item once, each volume of one 门类, archivist-written titles in [ ]', () => {
    const codes = text.filter((t) => /^S10\d-(WS|KU)·2025-/.test(t));
    const filed = raw(a.ctx).prepare('SELECT archival_code, title, title_supplied, date FROM records WHERE year = ? AND item_no IS NOT NULL AND voided_at IS NULL').all(YEAR) as {
      archival_code: string;
      title: string;
      title_supplied: number;
      date: string;
    }[];
    expect([...codes].sort()).toEqual(filed.map((r) => r.archival_code).sort());
    // between two covers, one 门类 only
    const runs = text.join('\n').split('归档文件目录\n').slice(1);
    for (const run of runs) expect(new Set([...run.matchAll(/S10\d-(WS|KU)·2025-/g)].map((m) => m[1])).size).toBeLessThanOrEqual(1);
    const supplied = filed.find((r) => r.title_supplied === 1)!;
    expect(text).toContain(`[${supplied.title}]`);
    expect(text).toContain(supplied.date.replaceAll('-', ''));
  });

  it('prints a 盒脊 label at a standard spine width and a 备考表 to fill by hand for every box', () => {
    const boxes = raw(a.ctx).prepare(
      `SELECT count(*) AS n FROM (SELECT DISTINCT fonds_code, category_code, filing_year, retention, problem_code FROM records WHERE year = ? AND item_no IS NOT NULL AND voided_at IS NULL)`,
    ).get(YEAR) as { n: number };
    expect(text.filter((t) => t === '备考表')).toHaveLength(boxes.n);
    const spines = [...doc.matchAll(/<w:trHeight w:val="(\d+)" w:hRule="exact"\/>[\s\S]*?<\/w:tr>/g)].filter((m) => m[0].includes('起止件号'));
    const widths = spines.flatMap((m) => [...m[0].matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((w) => Number(w[1])));
    expect(widths).toHaveLength(boxes.n);
    for (const w of widths) expect([20, 30, 40, 50].map((mm) => Math.round((mm * 1440) / 25.4))).toContain(w);
    // the 备考表 states what the archive knows and leaves the check to a person
    expect(text.some((t) => /^本盒为桃源社区（全宗号S101）2025年度文书档案，保管期限.+，第1盒，件号0001—\d{4}，共\d+件、\d+页。$/.test(t))).toBe(true);
    expect(text.join('')).not.toContain('无缺损');
    expect(text.filter((t) => t === '整理人')).toHaveLength(boxes.n);
    expect(text.filter((t) => t === '检查日期')).toHaveLength(boxes.n);
  });
});
