// A transfer carrier's PDF copies carry the item's 归档章 (read back with pdftotext), a PDF that cannot
// take it is copied as stored and named in 说明文件.TXT; 数字摘要.txt lists each copy's own digest, the stored originals never
// change and check stays clean. On both engines.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { addAttachmentData } from '../../src/main/core/attachments/repository';
import { engineOf } from '../../src/main/core/db/engine';
import { runCheck } from '../../src/main/core/check';
import { transferYear } from '../../src/main/core/lifecycle/transfer';
import { createRecord } from '../../src/main/core/records/repository';
import { ENGINES, tempArchive, tempDir, type TestArchive } from '../helpers/archive';
import { pdfText } from './render';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function pdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(title, { x: 60, y: 760, size: 16, font });
  return Buffer.from(await doc.save());
}

describe.each(ENGINES)('a transfer carrier’s files on %s', (engine) => {
  let a: TestArchive;
  let out: { dir: string; cleanup: () => void };
  let carrier: string;
  const digests = new Map<string, string>();

  beforeAll(async () => {
    a = await tempArchive({ engine, communities: [{ code: 'S101', name: '桃源社区' }] });
    const meeting = await createRecord(a.ctx, { communityId: 1, affair: '居务', kind: '居民会议', title: '居民会议记录', date: '2019-03-05', responsible: '桃源社区居民委员会', pages: 3 });
    const other = await createRecord(a.ctx, { communityId: 1, affair: '居务', kind: '居民会议', title: '居民会议纪要', date: '2019-04-05', responsible: '桃源社区居民委员会', pages: 1 });
    digests.set('meeting', (await addAttachmentData(a.ctx, meeting.id, await pdf('Meeting minutes'), '会议记录.pdf')).sha256);
    digests.set('broken', (await addAttachmentData(a.ctx, other.id, Buffer.from('%PDF-1.7\n% not a document\n%%EOF\n'), '纪要.pdf')).sha256);
    await fileYear(a.ctx, { year: 2019 });
    out = tempDir('sanwu-carrier-files-');
    carrier = (await transferYear(a.ctx, { year: 2019 }, out.dir)).path;
  });
  afterAll(async () => {
    await a.close();
    out.cleanup();
  });

  const listed = () =>
    new Map(
      readFileSync(join(carrier, '其他', '数字摘要.txt'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => [l.slice(66), l.slice(0, 64)] as const),
    );

  it('stamps the PDF copy with the item’s cells and lists the copy’s own digest', () => {
    const rel = '电子档案/2019/居务/S101-WS·2019-Y-JW-0001.pdf';
    const copy = readFileSync(join(carrier, rel));
    expect(pdfText(join(carrier, rel)).replace(/\s+/g, ' ')).toMatch(/全宗号 年度 件号 .*S101 2019 0001 .*机构\(问题\) 保管期限 页数 .*JW 永久 3/);
    expect(pdfText(join(carrier, rel))).toContain('Meeting minutes');
    expect(sha(copy)).not.toBe(digests.get('meeting'));
    expect(listed().get(rel)).toBe(sha(copy));
  });

  it('copies a PDF that cannot take the stamp as stored', () => {
    const rel = '电子档案/2019/居务/S101-WS·2019-Y-JW-0002.pdf';
    expect(sha(readFileSync(join(carrier, rel)))).toBe(digests.get('broken'));
    expect(listed().get(rel)).toBe(digests.get('broken'));
  });

  it('names the unstamped PDF and why in 说明文件.TXT, and only that one', () => {
    const readme = readFileSync(join(carrier, '说明文件.TXT'), 'utf8');
    expect(readme).toContain('未加盖归档章的 PDF 文件（1个，按原样复制）：\r\n  电子档案/2019/居务/S101-WS·2019-Y-JW-0002.pdf：PDF 文件已损坏或无法读取');
    expect(readme).not.toContain('S101-WS·2019-Y-JW-0001.pdf');
  });

  it('leaves the stored originals as they were, and check clean', async () => {
    for (const digest of digests.values()) {
      const pieces: Buffer[] = [];
      for await (const piece of await engineOf(a.ctx.db).files.open(digest)) pieces.push(piece as Buffer);
      expect(sha(Buffer.concat(pieces))).toBe(digest);
    }
    expect((await runCheck(a.ctx)).problems).toEqual([]);
  });
});
