// The Word documents read back as XML: GB/T 9704 page, type and page numbers; DA/T 22 catalogue.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportPackage } from '../../src/main/core/package';
import type { ReportResult } from '../../src/shared/report';
import { raw, tempDir } from '../helpers/archive';
import { reportArchive, YEAR, type ReportFixture } from './fixture';

let a: ReportFixture;
let out: { dir: string; cleanup: () => void };
let result: ReportResult;

beforeAll(async () => {
  a = await reportArchive({ communities: 2, perCommunity: 30 });
  out = tempDir('sanwu-docx-');
  result = await buildReportPackage(a.ctx, { year: YEAR, outDir: out.dir, nextSteps: '第一段下一步工作。\n第二段下一步工作。' });
});
afterAll(async () => {
  await a.close();
  out.cleanup();
});

async function parts(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(join(result.path, file)));
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

describe('01 工作报告 (GB/T 9704)', () => {
  let xml: Record<string, string>;
  beforeAll(async () => {
    xml = await parts(`data/01_${YEAR}年度三务公开工作报告.docx`);
  });

  it('is A4 portrait with margins 37/35/28/26 mm in twips', () => {
    const doc = xml['word/document.xml']!;
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('sets title 2号 方正小标宋简体, body 3号 仿宋_GB2312 with a 2-character indent and exact ~29 pt lines, headings 黑体/楷体', () => {
    const styles = xml['word/styles.xml']!;
    const title = style(styles, 'SanwuTitle');
    expect(title).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(title).toMatch(/<w:sz w:val="44"\/>/);
    expect(title).toMatch(/<w:jc w:val="center"\/>/);
    const body = style(styles, 'SanwuBody');
    expect(body).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(body).toMatch(/<w:sz w:val="32"\/>/);
    expect(body).toMatch(/w:firstLineChars="200"/);
    expect(body).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"/);
    expect(style(styles, 'Heading1')).toMatch(/w:eastAsia="黑体"/);
    expect(style(styles, 'Heading2')).toMatch(/w:eastAsia="楷体_GB2312"/);
  });

  it('numbers pages `— n —` in 4号 宋体, right on odd pages and left on even ones', () => {
    expect(xml['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>/);
    const doc = xml['word/document.xml']!;
    const refs = [...doc.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => m[1]).sort();
    expect(refs).toEqual(['default', 'even']);
    const footers = Object.entries(xml).filter(([n]) => /word\/footer\d+\.xml/.test(n)).map(([, x]) => x);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(f).toContain('— ');
      expect(f).toMatch(/w:eastAsia="宋体"/);
      expect(f).toMatch(/<w:sz w:val="28"\/>/);
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)![1]).sort()).toEqual(['left', 'right']);
  });

  it('has the five sections, real tables with repeated header rows, the clerk\'s next steps, and the office and date at the end', () => {
    const doc = xml['word/document.xml']!;
    const text = paragraphs(doc);
    expect(text[0]).toBe(`幸福路街道${YEAR}年度三务公开工作报告`);
    const headings = text.filter((t) => /^[一二三四五]、/.test(t));
    expect(headings).toEqual(['一、基本情况', '二、公开情况', '三、考评情况', '四、存在问题', '五、下一步工作']);
    expect(text).toContain('（一）党务公开');
    expect(text.slice(-4)).toEqual(['第二段下一步工作。', '', '幸福路街道', '2025年12月31日']);
    expect((doc.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect((doc.match(/<w:tblHeader\/>/g) ?? []).length).toBe((doc.match(/<w:tbl>/g) ?? []).length);
  });

  it('states counts that agree with the database', () => {
    const text = paragraphs(xml['word/document.xml']!).join('\n');
    const n = (sql: string) => (raw(a.ctx).prepare(sql).get(YEAR) as { n: number }).n;
    const total = n('SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL');
    const party = n(`SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL AND affair = '党务'`);
    expect(text).toContain(`共形成三务公开档案${total}件，其中党务公开${party}件`);
    expect(text).toContain(`已归档${total}件，未归档0件`);
  });
});

describe('03 自评报告', () => {
  it('lists every indicator with status, evidence (题名, 日期, 档号) and the score and grade', async () => {
    const xml = await parts('data/03_自评报告/桃源社区_北京市民主法治示范社区建设指导标准自评报告.docx');
    const doc = xml['word/document.xml']!;
    const text = paragraphs(doc);
    expect(text[0]).toBe('桃源社区北京市民主法治示范社区建设指导标准自评报告');
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc).toContain('<w:tblHeader/>');
    // one table row per indicator plus the header
    const rows = (doc.match(/<w:tr>/g) ?? []).length;
    expect(rows).toBeGreaterThan(10);
    expect(text.some((t) => /（2025年\d+月\d+日，S101-WS·2025-[A-Z0-9]+-[A-Z]{2}-\d{4}）/.test(t))).toBe(true);
    expect(text.some((t) => /^自评得分[\d.]+分，等次为“(达标|基本达标|不达标)”/.test(t))).toBe(true);
    expect(text.at(-1)).toBe('2025年12月31日');
  });
});

describe('04 归档文件目录 (docx)', () => {
  it('is A4 landscape, one part per 全宗 and 保管期限 with a cover, DA/T 22 columns, every filed item once', async () => {
    const doc = (await parts(`data/04_${YEAR}年度归档文件目录.docx`))['word/document.xml']!;
    const sizes = [...doc.matchAll(/<w:pgSz [^>]*\/>/g)].map((m) => m[0]);
    const parts_ = raw(a.ctx).prepare('SELECT DISTINCT fonds_code, retention FROM records WHERE year = ? AND item_no IS NOT NULL AND voided_at IS NULL').all(YEAR);
    expect(sizes).toHaveLength(parts_.length);
    for (const s of sizes) expect(s).toBe('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    const text = paragraphs(doc);
    expect(text.filter((t) => t === '归档文件目录')).toHaveLength(parts_.length);
    expect(text).toContain('全宗号：S101');
    expect(text).toContain('全宗名称：桃源社区');
    expect(text).toContain('保管期限：永久');
    const header = text.slice(text.indexOf('序号'), text.indexOf('序号') + 9);
    expect(header).toEqual(['序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注']);
    expect((doc.match(/<w:tblHeader\/>/g) ?? []).length).toBe(parts_.length);
    const codes = text.filter((t) => /^S10\d-(WS|KU)·2025-/.test(t));
    const filed = raw(a.ctx).prepare('SELECT archival_code, title, title_supplied, date FROM records WHERE year = ? AND item_no IS NOT NULL AND voided_at IS NULL').all(YEAR) as {
      archival_code: string;
      title: string;
      title_supplied: number;
      date: string;
    }[];
    expect(codes.sort()).toEqual(filed.map((r) => r.archival_code).sort());
    const supplied = filed.find((r) => r.title_supplied === 1)!;
    expect(text).toContain(`[${supplied.title}]`);
    expect(text).toContain(supplied.date.replaceAll('-', ''));
  });
});
