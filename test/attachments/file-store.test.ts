// The attachments' bytes on both engines: content-addressed and deduplicated, large files in chunks on
// the server, handed out as verified local files, a tampered stored copy refused rather than served.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAttachment, addAttachmentData } from '../../src/main/core/attachments/repository';
import { engineOf } from '../../src/main/core/db';
import { createRecord } from '../../src/main/core/records/repository';
import { attachmentFile } from '../../src/main/core/attachments/served';
import { ENGINES, rawQuery, tempArchive, type TestArchive } from '../helpers/archive';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.each(ENGINES)('attachment bytes on %s', (engine) => {
  let a: TestArchive;
  let recordId: number;
  // a 2.5 MiB scan: three chunks on the server
  const scan = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes((5 << 19) - 9)]);
  beforeAll(async () => {
    a = await tempArchive({ engine });
    recordId = (await createRecord(a.ctx, { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '例会记录', date: '2025-03-05' })).id;
  });
  afterAll(async () => {
    await a.close();
  });

  it('stores a large file once, whole, and hands it out byte for byte', async () => {
    const path = join(a.dir, '扫描件.pdf');
    writeFileSync(path, scan);
    const first = await addAttachment(a.ctx, recordId, path);
    // the same scan on another record: stored once
    const other = (await createRecord(a.ctx, { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '另一件例会记录', date: '2025-04-05' })).id;
    const again = await addAttachmentData(a.ctx, other, scan, '扫描件副本.pdf');
    expect(first).toMatchObject({ sha256: sha(scan), size: scan.length, mediaType: 'application/pdf' });
    expect(again.sha256).toBe(first.sha256);
    const served = await attachmentFile(a.ctx, again.id);
    expect(sha(readFileSync(served.path))).toBe(sha(scan));
    const streamed: Buffer[] = [];
    for await (const piece of await engineOf(a.ctx.db).files.open(first.sha256)) streamed.push(piece as Buffer);
    expect(Buffer.concat(streamed).equals(scan)).toBe(true);
    const digests: string[] = [];
    for await (const d of engineOf(a.ctx.db).files.digests()) digests.push(d);
    expect(digests).toEqual([first.sha256]);
    if (engine === 'postgres') {
      expect(await rawQuery(a.ctx, 'SELECT seq, length(data) AS n FROM file_chunks ORDER BY seq')).toEqual([
        { seq: 0, n: 1 << 20 },
        { seq: 1, n: 1 << 20 },
        { seq: 2, n: scan.length - (2 << 20) },
      ]);
      expect(await rawQuery(a.ctx, 'SELECT sha256, size, chunks FROM file_blobs')).toEqual([{ sha256: first.sha256, size: scan.length, chunks: 3 }]);
    }
  });

  it('stores an empty-headed small upload and sniffs its type from the stored bytes', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const att = await addAttachmentData(a.ctx, recordId, png, '公开栏.png');
    expect(att.mediaType).toBe('image/png');
    expect(Buffer.from(await engineOf(a.ctx.db).files.head(att.sha256, 4))).toEqual(png.subarray(0, 4));
  });

  // (the disk store's tampering is check's: test/check)
  if (engine === 'postgres') it('refuses to hand out bytes that no longer match their digest', async () => {
    const bytes = Buffer.from('%PDF-1.4\n% 原件\n%%EOF\n');
    const att = await addAttachmentData(a.ctx, recordId, bytes, '原件.pdf');
    await rawQuery(a.ctx, `UPDATE file_chunks SET data = ? WHERE sha256 = ?`, [Buffer.from('%PDF-1.4\n% 伪造\n%%EOF\n'), att.sha256]);
    await expect(attachmentFile(a.ctx, att.id)).rejects.toThrow(/与其摘要不符/);
  });
});
