// `report --with-files`: the filed items' files in data/06_电子文件/, each PDF copy with the item's own
// 归档章 (read back with pdftotext, rendered with pdftoppm), other files byte for byte; the bag's
// manifest holds each copy's own digest, the 文件对照表 (read by openpyxl) ties it to the stored
// original's; the stored files never change (SHA-256 before and after) and check still passes. A
// stored file altered behind the app's back (in the folder's store, or the server's chunks) stops the
// package, leaving nothing behind. On both engines.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { addAttachmentData } from '../../src/main/core/attachments/repository';
import { storedPath } from '../../src/main/core/attachments/store';
import { engineOf } from '../../src/main/core/db/engine';
import { runCheck } from '../../src/main/core/check';
import { buildReportPackage } from '../../src/main/core/package';
import { createRecord } from '../../src/main/core/records/repository';
import type { ReportResult } from '../../src/shared/report';
import { ENGINES, rawQuery, tempArchive, tempDir, type TestArchive } from '../helpers/archive';
import { firstPageInk, pdfText } from './render';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d4944415478da63f8cf0000000301010018dd8db00000000049454e44ae426082',
  'hex',
);

async function pdf(title: string, rotate = 0): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < 2; i++) doc.addPage([595, 842]).drawText(`${title} page ${i + 1}`, { x: 60, y: 760, size: 16, font });
  doc.getPage(0).setRotation(degrees(rotate));
  return Buffer.from(await doc.save());
}

describe.each(ENGINES)('report --with-files on %s', (engine) => {
  let a: TestArchive;
  let out: { dir: string; cleanup: () => void };
  let result: ReportResult;
  let bag: string;
  const stored = new Map<string, string>();
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    a = await tempArchive({ engine, communities: [{ code: 'S101', name: '桃源社区' }, { code: 'S102', name: '幸福里社区' }] });
    const rec = async (key: string, input: Parameters<typeof createRecord>[1]) => (ids[key] = (await createRecord(a.ctx, input)).id);
    await rec('meeting', { communityId: 1, affair: '居务', kind: '居民会议', title: '居民会议记录', date: '2025-03-05', pages: 2 });
    await rec('finance', { communityId: 2, affair: '财务', kind: '会计凭证', title: '3月会计凭证', date: '2025-03-31' });
    await rec('unfiled', { communityId: 1, affair: '党务', kind: '主题党日', title: '主题党日', date: '2025-05-05' });
    await fileYear(a.ctx, { year: 2025, community: '桃源社区' });
    await fileYear(a.ctx, { year: 2025, community: '幸福里社区' });
    await rec('late', { communityId: 1, affair: '党务', kind: '主题党日', title: '未归档的主题党日', date: '2025-06-05' });
    const add = async (key: string, data: Buffer, name: string) => stored.set(name, (await addAttachmentData(a.ctx, ids[key]!, data, name)).sha256);
    await add('meeting', await pdf('Meeting minutes'), '会议记录.pdf');
    await add('meeting', PNG, '会场照片.png');
    await add('finance', await pdf('Voucher', 90), '凭证.pdf');
    await add('finance', Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n2 0 obj<</Filter/Standard/V 1/R 2/O(x)/U(y)/P -4>>endobj\ntrailer<</Root 1 0 R/Encrypt 2 0 R>>\n%%EOF\n'), '加密.pdf');
    await add('late', await pdf('Not filed'), '未归档.pdf');
    out = tempDir('sanwu-withfiles-');
    result = await buildReportPackage(a.ctx, { year: 2025, outDir: out.dir, withFiles: true });
    bag = result.path;
  });
  afterAll(async () => {
    await a.close();
    out.cleanup();
  });

  const files = () => join(bag, 'data', '06_电子文件');

  /** A stored file's bytes as the engine holds them (the folder's store, or the server's chunks). */
  async function storedBytes(digest: string): Promise<Buffer> {
    const pieces: Buffer[] = [];
    for await (const piece of await engineOf(a.ctx.db).files.open(digest)) pieces.push(piece as Buffer);
    return Buffer.concat(pieces);
  }

  /** Replaces a stored file's bytes behind the app's back (one chunk on the server: the files are small). */
  async function overwrite(digest: string, data: Buffer): Promise<void> {
    if (engine === 'sqlite') writeFileSync(storedPath(a.ctx.paths.files, digest), data);
    else await rawQuery(a.ctx, 'UPDATE file_chunks SET data = ? WHERE sha256 = ? AND seq = 0', [data, digest]);
  }

  describe('the package with its files', () => {
    it('copies the filed items’ files under 全宗号_社区, named by 档号, and only those', () => {
      expect(readdirSync(files()).sort()).toEqual(['S101_桃源社区', 'S102_幸福里社区', '文件对照表.xlsx']);
      expect(readdirSync(join(files(), 'S101_桃源社区')).sort()).toEqual(['S101-WS·2025-Y-JW-0001-2.png', 'S101-WS·2025-Y-JW-0001.pdf']);
      expect(readdirSync(join(files(), 'S102_幸福里社区')).sort()).toEqual(['S102-KU·2025-D30-CW-0001-2.pdf', 'S102-KU·2025-D30-CW-0001.pdf']);
      expect(result.itemFiles).toEqual({ copied: 4, stamped: 2, unstamped: [{ path: 'data/06_电子文件/S102_幸福里社区/S102-KU·2025-D30-CW-0001-2.pdf', note: 'PDF 已加密，不能加盖归档章，按原样复制' }] });
    });

    it('stamps each PDF copy with its own item’s cells, at the top right as displayed; other files are byte for byte', () => {
      const meeting = join(files(), 'S101_桃源社区', 'S101-WS·2025-Y-JW-0001.pdf');
      expect(pdfText(meeting).replace(/\s+/g, ' ')).toMatch(/全宗号 年度 件号 .*S101 2025 0001 .*机构\(问题\) 保管期限 页数 .*JW 永久 2/);
      expect(pdfText(meeting)).toContain('Meeting minutes page 1');
      expect(pdfText(meeting, 2)).not.toContain('全宗号');
      const ink = firstPageInk(meeting);
      expect(ink.red!.left).toBeGreaterThan(0.7);
      expect(ink.red!.top).toBeLessThan(0.05);
      // the voucher's first page is turned 90°: still top right, 30年, and 页数 from the PDF (none recorded)
      const voucher = join(files(), 'S102_幸福里社区', 'S102-KU·2025-D30-CW-0001.pdf');
      expect(pdfText(voucher).replace(/\s+/g, ' ')).toMatch(/S102 2025 0001 .*CW 30年 2/);
      const turned = firstPageInk(voucher);
      expect(turned.width).toBeGreaterThan(turned.height);
      expect(turned.red!.left).toBeGreaterThan(0.75);
      expect(readFileSync(join(files(), 'S101_桃源社区', 'S101-WS·2025-Y-JW-0001-2.png'))).toEqual(PNG);
    });

    it('puts every copy’s own digest in the manifest, and ties it to the original’s in the 文件对照表', () => {
      const manifest = new Map(
        readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8')
          .trim()
          .split('\n')
          .map((l) => [l.slice(66), l.slice(0, 64)] as [string, string]),
      );
      const payload = (dir: string, rel = 'data'): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? payload(join(dir, e.name), `${rel}/${e.name}`) : [`${rel}/${e.name}`]));
      expect([...manifest.keys()].sort()).toEqual(payload(join(bag, 'data')).sort());
      for (const [path, digest] of manifest) expect(sha(readFileSync(join(bag, path))), path).toBe(digest);
      const meetingCopy = manifest.get('data/06_电子文件/S101_桃源社区/S101-WS·2025-Y-JW-0001.pdf')!;
      expect(meetingCopy).not.toBe(stored.get('会议记录.pdf'));
      const table = JSON.parse(
        execFileSync('/usr/bin/python3', ['-c', `import json,openpyxl,sys\nws=openpyxl.load_workbook(sys.argv[1]).active\nprint(json.dumps([list(r) for r in ws.iter_rows(min_row=4, values_only=True)]))`, join(files(), '文件对照表.xlsx')], {
          encoding: 'utf8',
        }),
      ) as unknown[][];
      expect(table).toEqual([
        [1, 'S101-WS·2025-Y-JW-0001', '居民会议记录', 'data/06_电子文件/S101_桃源社区/S101-WS·2025-Y-JW-0001.pdf', '会议记录.pdf', stored.get('会议记录.pdf'), meetingCopy, '已加盖归档章'],
        [2, 'S101-WS·2025-Y-JW-0001', '居民会议记录', 'data/06_电子文件/S101_桃源社区/S101-WS·2025-Y-JW-0001-2.png', '会场照片.png', stored.get('会场照片.png'), stored.get('会场照片.png'), '非 PDF，原样复制'],
        [3, 'S102-KU·2025-D30-CW-0001', '3月会计凭证', 'data/06_电子文件/S102_幸福里社区/S102-KU·2025-D30-CW-0001.pdf', '凭证.pdf', stored.get('凭证.pdf'), manifest.get('data/06_电子文件/S102_幸福里社区/S102-KU·2025-D30-CW-0001.pdf'), '已加盖归档章'],
        [4, 'S102-KU·2025-D30-CW-0001', '3月会计凭证', 'data/06_电子文件/S102_幸福里社区/S102-KU·2025-D30-CW-0001-2.pdf', '加密.pdf', stored.get('加密.pdf'), stored.get('加密.pdf'), 'PDF 已加密，不能加盖归档章，按原样复制'],
      ]);
      // the originals' digests are the ones records.json names
      const records = JSON.parse(readFileSync(join(bag, 'data', 'records.json'), 'utf8')) as { records: { attachments: { sha256: string }[] }[] };
      const named = new Set(records.records.flatMap((r) => r.attachments.map((x) => x.sha256)));
      for (const row of table) expect(named.has(row[5] as string)).toBe(true);
    });

    it('leaves every stored file as it was: same SHA-256, and check passes', async () => {
      for (const [name, digest] of stored) expect(sha(await storedBytes(digest)), name).toBe(digest);
      const check = await runCheck(a.ctx);
      expect(check.problems.filter((p) => ['fixity', 'file-missing', 'audit-reconcile'].some((t) => p.type.includes(t)))).toEqual([]);
      expect(check.problems.filter((p) => p.aspect === '真实性')).toEqual([]);
    });

    it('refuses the package when a stored file no longer matches its digest, leaving nothing', async () => {
      const digest = stored.get('会议记录.pdf')!;
      const original = await storedBytes(digest);
      await overwrite(digest, Buffer.concat([original, Buffer.from('tampered')]));
      const target = tempDir('sanwu-withfiles-bad-');
      try {
        await expect(buildReportPackage(a.ctx, { year: 2025, outDir: target.dir, withFiles: true })).rejects.toThrow(
          '档号 S101-WS·2025-Y-JW-0001 的附件“会议记录.pdf”与登记的数字摘要不符（文件被改动过），报送包未生成',
        );
        expect(readdirSync(target.dir)).toEqual([]);
      } finally {
        await overwrite(digest, original);
        target.cleanup();
      }
      expect(sha(await storedBytes(digest))).toBe(digest);
    });
  });
});
