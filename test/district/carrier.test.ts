// Receiving an electronic transfer carrier (DESIGN.md "Transfer": 说明文件.TXT, 文件目录.XML,
// 电子档案/年度/类别/档号.ext, 其他/ with 数字摘要.txt): verified whole against its digests and its
// catalogue, its files brought into the district's store with fixity checked; faults refused whole.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/archive';
import { sanwuAt, storedState, streetOffice, writePackage } from './helpers';

const tmp = tempDir('sanwu-carrier-');
afterAll(() => tmp.cleanup());
const district = join(tmp.dir, 'district');
const run = (argv: string[]) => sanwuAt('2026-03-01T10:00:00+08:00', argv, tmp.dir);
const OFFICE = '光明街道办事处';
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const pdf = (n: number) => Buffer.from(`%PDF-1.4\n% item ${n}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

interface Item {
  code: string;
  title: string;
  files: string[];
}

/** A carrier as `sanwu transfer` lays it out (issue 15), with the office's 全宗号 S101…. */
function writeCarrier(dir: string, number: string, items: Item[], edit: (dir: string) => void = () => {}): string {
  const files = new Map<string, Buffer>();
  items.forEach((item, i) => item.files.forEach((f, k) => files.set(f, pdf(i * 10 + k))));
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<文件目录>\n${items
    .map((item, i) => `  <文件>\n    <顺序号>${i + 1}</顺序号>\n    <档号>${item.code}</档号>\n    <责任者>桃源社区居委会</责任者>\n    <题名>${item.title}</题名>\n    <日期>2025031${i}</日期>\n    <密级>公开</密级>\n    <电子档案名称>${item.files.join('；')}</电子档案名称>\n    <备注>${item.files.length ? '' : '无电子文件'}</备注>\n  </文件>\n`)
    .join('')}</文件目录>\n`;
  files.set('文件目录.XML', Buffer.from(xml));
  const readme = ['电子档案移交载体说明文件', '', `载体编号：${number}`, '内容：桃源社区2025年度党务、居务、财务公开档案', `保管单位（移交单位）：${OFFICE}`, '接收单位：区档案馆', '制作日期：2026年2月20日', '数字摘要算法：SHA-256。'];
  files.set('说明文件.TXT', Buffer.from(`\ufeff${readme.join('\r\n')}\r\n`));
  files.set('其他/电子档案移交与接收登记表.docx', Buffer.from('PK登记表'));
  files.set('其他/移交清册.xlsx', Buffer.from('PK清册'));
  for (const [rel, data] of files) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), data);
  }
  writeFileSync(join(dir, '其他', '数字摘要.txt'), [...files].map(([rel, data]) => `${sha(data)}  ${rel}\n`).join(''));
  edit(dir);
  return dir;
}

const ITEMS: Item[] = [
  { code: 'S101-WS·2025-D10-DW-0001', title: '2025年第一季度党务公开', files: ['电子档案/2025/党务/S101-WS·2025-D10-DW-0001.pdf', '电子档案/2025/党务/S101-WS·2025-D10-DW-0001-2.pdf'] },
  { code: 'S101-WS·2025-D10-JW-0001', title: '2025年3月居务监督委员会例会记录', files: ['电子档案/2025/居务/S101-WS·2025-D10-JW-0001.pdf'] },
  { code: 'S102-WS·2025-Y-CW-0001', title: '2025年度财务公开', files: [] },
];

let n = 0;
const carrier = (items = ITEMS, edit?: (dir: string) => void, number = 'ZJ-2025-001') => writeCarrier(join(tmp.dir, `carrier-${++n}`, `2025年度电子档案移交载体_${number}`), number, items, edit);

beforeAll(async () => {
  const office = await streetOffice(tmp.dir, OFFICE, 3);
  const pkg = await writePackage(tmp.dir, office, '2026-01-12T08:00:00+08:00', 'out');
  expect((await run(['init', '--db', district, '--name', '和平区档案馆', '--district'])).code).toBe(0);
  expect((await run(['receive', '--db', district, pkg.bag, '--add-office'])).code).toBe(0);
}, 120_000);

async function refused(path: string, ...fault: (string | RegExp)[]): Promise<void> {
  const before = await storedState(district, tmp.dir);
  const r = await run(['receive', '--db', district, path, '--json']);
  expect(r.code, r.stderr).toBe(1);
  const json = JSON.parse(r.stdout);
  for (const f of fault) expect(json.errors[0].message).toMatch(f);
  expect(await storedState(district, tmp.dir)).toEqual(before);
}

describe('receive a transfer carrier', () => {
  it('takes it in whole: its items, every file in the store with its digest; the same carrier again adds nothing', async () => {
    const path = carrier();
    const r = await run(['receive', '--db', district, path, '--json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).received[0]).toEqual({ path, office: OFFICE, year: 2025, kind: 'carrier', records: 3, replaced: false, unchanged: false });
    const db = new Database(join(district, 'archive.sqlite'), { readonly: true });
    try {
      const files = db
        .prepare(`SELECT f.path, f.sha256, f.size, f.pack_offset AS offset, p.pack, r.archival_code FROM district_files f JOIN district_packages p ON p.id = f.package_id LEFT JOIN district_records r ON r.id = f.record_id WHERE p.kind = 'carrier' ORDER BY f.path`)
        .all() as { path: string; sha256: string; size: number; offset: number; pack: string; archival_code: string | null }[];
      expect(files.map((f) => f.path)).toContain('电子档案/2025/党务/S101-WS·2025-D10-DW-0001-2.pdf');
      expect(files.find((f) => f.path.endsWith('DW-0001-2.pdf'))!.archival_code).toBe('S101-WS·2025-D10-DW-0001');
      expect(files.find((f) => f.path === '其他/数字摘要.txt')).toBeTruthy();
      // the store keeps the carrier whole, one pack under its own digest; each file at its place in it
      const pack = readFileSync(join(district, 'files', files[0]!.pack.slice(0, 2), files[0]!.pack));
      expect(sha(pack)).toBe(files[0]!.pack);
      for (const f of files) expect(sha(pack.subarray(f.offset, f.offset + f.size))).toBe(f.sha256);
      const items = db.prepare(`SELECT community_code, affair, date, archival_code, attachments FROM district_records r JOIN district_packages p ON p.id = r.package_id WHERE p.kind = 'carrier' ORDER BY r.id`).all();
      expect(items).toEqual([
        { community_code: 'S101', affair: '党务', date: '2025-03-10', archival_code: 'S101-WS·2025-D10-DW-0001', attachments: 2 },
        { community_code: 'S101', affair: '居务', date: '2025-03-11', archival_code: 'S101-WS·2025-D10-JW-0001', attachments: 1 },
        { community_code: 'S102', affair: null, date: '2025-03-12', archival_code: 'S102-WS·2025-Y-CW-0001', attachments: 0 },
      ]);
    } finally {
      db.close();
    }
    const again = await run(['receive', '--db', district, carrier(), '--json']);
    expect(JSON.parse(again.stdout).received[0]).toMatchObject({ kind: 'carrier', unchanged: true });
    const check = await run(['check', '--db', district, '--json']);
    expect(JSON.parse(check.stdout).problems).toEqual([]);
  });

  it('refuses a changed file, a file missing or unlisted, an item naming a file not there, another carrier under the same number', async () => {
    await refused(carrier(ITEMS, (d) => appendFileSync(join(d, ITEMS[1]!.files[0]!), 'x')), /S101-WS·2025-D10-JW-0001\.pdf”的 sha256 摘要与清单不符/);
    await refused(carrier(ITEMS, (d) => rmSync(join(d, ITEMS[0]!.files[1]!))), '缺少文件', 'DW-0001-2.pdf');
    await refused(carrier(ITEMS, (d) => writeFileSync(join(d, '电子档案', '2025', '党务', 'extra.pdf'), pdf(99))), '多出文件', 'extra.pdf');
    const unnamed = ITEMS.map((i, k) => (k === 1 ? { ...i, files: [] } : i));
    await refused(carrier(unnamed, (d) => {
      mkdirSync(join(d, '电子档案', '2025', '居务'), { recursive: true });
      writeFileSync(join(d, ITEMS[1]!.files[0]!), pdf(10));
      const digests = join(d, '其他', '数字摘要.txt');
      writeFileSync(digests, `${readFileSync(digests, 'utf8')}${sha(pdf(10))}  ${ITEMS[1]!.files[0]}\n`);
    }), '文件目录.XML 中没有哪一件列出它');
    const other = ITEMS.map((i, k) => (k === 0 ? { ...i, title: '改过的题名' } : i));
    await refused(carrier(other), '载体编号 ZJ-2025-001 已接收过另一份内容不同的载体');
  });

  it('refuses a carrier whose items are not of the office’s communities, and one from an office the district does not know', async () => {
    const foreign = ITEMS.map((i, k) => (k === 2 ? { ...i, code: 'X901-WS·2025-Y-CW-0001' } : i));
    await refused(carrier(foreign, undefined, 'ZJ-2025-002'), '全宗号 X901', '不属于该街道');
    const stranger = carrier(ITEMS, (d) => {
      const readme = join(d, '说明文件.TXT');
      writeFileSync(readme, readFileSync(readme, 'utf8').replace(OFFICE, '远方街道办事处'));
      const digests = join(d, '其他', '数字摘要.txt');
      writeFileSync(digests, readFileSync(digests, 'utf8').replace(/^\w+(?=  说明文件\.TXT)/m, sha(readFileSync(readme))));
    }, 'ZJ-2025-009');
    const r = await run(['receive', '--db', district, stranger, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors[0]).toMatchObject({ unknownOffice: '远方街道办事处' });
  });

  it('refuses a malformed catalogue or a carrier without digests', async () => {
    await refused(carrier(ITEMS, (d) => {
      const xml = join(d, '文件目录.XML');
      writeFileSync(xml, readFileSync(xml, 'utf8').replace('</文件目录>', ''));
      const digests = join(d, '其他', '数字摘要.txt');
      writeFileSync(digests, readFileSync(digests, 'utf8').replace(/^\w+(?=  文件目录\.XML)/m, sha(readFileSync(xml))));
    }, 'ZJ-2025-003'), '文件目录.XML 不是格式正确的 XML');
    await refused(carrier(ITEMS, (d) => rmSync(join(d, '其他', '数字摘要.txt')), 'ZJ-2025-004'), '没有 数字摘要.txt');
  });
});
