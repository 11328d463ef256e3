// Attachments on their way in are checked like the archive check judges stored files (format by the
// bytes, no executable, no unknown binary), a second copy on the same record is refused, and one added
// by mistake to an unfiled record can be removed: audited, the row and the stored file kept.
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { removeAttachment } from '../../src/main/core/attachments/removal';
import { addAttachmentData, listAttachments } from '../../src/main/core/attachments/repository';
import { storedPath } from '../../src/main/core/attachments/store';
import { verifyAuditChain } from '../../src/main/core/audit-log/verify';
import { runCheck } from '../../src/main/core/check';
import { createRecord, getRecord, voidRecord } from '../../src/main/core/records/repository';
import { decodeState } from '../../src/main/core/audit-log/states';
import { entityHistory } from '../../src/main/core/audit-log/history';
import { raw, tableCounts, tempArchive, type TestArchive } from '../helpers/archive';

let a: TestArchive;
beforeEach(async () => {
  a = await tempArchive();
});
afterEach(async () => {
  await a.close();
});

const enc = (s: string) => new TextEncoder().encode(s);
const PDF = enc('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]);
const base = { communityId: 1, affair: '居务' as const, kind: '居务监督委员会例会', title: '三月例会记录', date: '2025-03-05' };

describe('adding attachments', () => {
  it('refuses executables, scripts, unknown binaries and non-archival formats whatever their names, storing nothing', async () => {
    const r = await createRecord(a.ctx, base);
    const before = tableCounts(a.ctx);
    const refusals: [string, Uint8Array, RegExp][] = [
      ['setup.exe', EXE, /实为可执行程序/],
      ['会议纪要.pdf', EXE, /“会议纪要.pdf”实为可执行程序/],
      ['run.bat', enc('@echo off\r\ndel *.*'), /实为脚本/],
      ['照片.png', enc('#!/bin/sh\nrm -rf /'), /实为脚本/],
      ['data.bin', Uint8Array.from({ length: 30 * 1024 }, (_, i) => (i * 7919) % 251), /是无法识别的文件，不是归档格式/],
      ['说明.txt', enc('会议纪要正文'), /是纯文本，不是归档格式（PDF、OFD、JPG、PNG、TIF、DOCX、XLSX）/],
      ['报告.pdf.js', PDF, /是可执行文件类型/],
    ];
    for (const [name, bytes, message] of refusals) {
      const e = await addAttachmentData(a.ctx, r.id, bytes, name).catch((x: unknown) => x);
      expect(e, name).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message) });
      expect((e as Error).message).not.toMatch(/application\/|octet-stream|text\/plain/);
    }
    expect(tableCounts(a.ctx)).toEqual(before);
    expect(existsSync(storedPath(a.ctx.paths.files, '0'.repeat(64)))).toBe(false);
  });

  it('refuses the same file twice on one record, but not on another record', async () => {
    const r = await createRecord(a.ctx, base);
    const other = await createRecord(a.ctx, { ...base, title: '四月例会记录', date: '2025-04-05' });
    await addAttachmentData(a.ctx, r.id, PDF, '例会.pdf');
    await expect(addAttachmentData(a.ctx, r.id, PDF, '例会（副本）.pdf')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '“例会（副本）.pdf”与这件档案已有的附件“例会.pdf”内容相同，未重复添加。',
    });
    await addAttachmentData(a.ctx, other.id, PDF, '例会.pdf');
    expect((await getRecord(a.ctx, r.id)).attachments).toBe(1);
  });

  it('refuses attachments on a voided record', async () => {
    const r = await createRecord(a.ctx, base);
    await voidRecord(a.ctx, r.id, '误登');
    await expect(addAttachmentData(a.ctx, r.id, PDF, '例会.pdf')).rejects.toThrow(/已作废，不能添加附件/);
  });
});

describe('removing an attachment', () => {
  it('unlinks it from an unfiled record, audited, keeping the row and the stored file; it can be added again', async () => {
    const r = await createRecord(a.ctx, base);
    const pdf = await addAttachmentData(a.ctx, r.id, PDF, '例会.pdf');
    const png = await addAttachmentData(a.ctx, r.id, PNG, '错传的照片.png');
    await removeAttachment(a.ctx, png.id, '传错了');
    expect((await listAttachments(a.ctx.db, r.id)).map((x) => x.id)).toEqual([pdf.id]);
    expect((await getRecord(a.ctx, r.id)).attachments).toBe(1);
    const row = raw(a.ctx).prepare('SELECT removed_at FROM attachments WHERE id = ?').get(png.id) as { removed_at: string | null };
    expect(row.removed_at).not.toBeNull();
    expect(existsSync(storedPath(a.ctx.paths.files, png.sha256))).toBe(true);
    const entry = raw(a.ctx).prepare(`SELECT entity, entity_id, before, after FROM audit_log WHERE action = 'detach'`).get() as Record<string, string>;
    // the attachment's own entry: as it was (and why it goes), and its whole state now (reconciliation)
    expect(entry).toMatchObject({ entity: 'attachment', entity_id: png.id });
    expect(JSON.parse(entry.before!)).toMatchObject({ id: png.id, sha256: png.sha256, originalName: '错传的照片.png', reason: '传错了' });
    expect(decodeState('attachment', entry.after!)).toMatchObject({ id: png.id, record_id: r.id, sha256: png.sha256, removed_at: row.removed_at });
    expect((await entityHistory(a.ctx.db, 'record', r.id)).some((h) => h.action === 'detach')).toBe(true);
    expect((await verifyAuditChain(a.ctx.db)).breaks).toEqual([]);
    // the duplicate rule looks at linked files only
    await addAttachmentData(a.ctx, r.id, PNG, '照片.png');
    await expect(removeAttachment(a.ctx, png.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps the file of a removed attachment out of the check’s problems, and the record’s still-linked files in', async () => {
    const r = await createRecord(a.ctx, base);
    const png = await addAttachmentData(a.ctx, r.id, PNG, '错传的照片.png');
    await addAttachmentData(a.ctx, r.id, PDF, '例会.pdf');
    await removeAttachment(a.ctx, png.id);
    await fileYear(a.ctx, { year: 2025 });
    const check = await runCheck(a.ctx);
    expect(check.problems.filter((p) => p.message.includes('附件'))).toEqual([]);
    expect(check.counts).toMatchObject({ security: 0, usability: 0 });
  });

  it('refuses on a filed record (only the lifecycle removes there) and on a voided one, writing nothing', async () => {
    const r = await createRecord(a.ctx, base);
    const pdf = await addAttachmentData(a.ctx, r.id, PDF, '例会.pdf');
    const v = await createRecord(a.ctx, { ...base, title: '重复登记', date: '2025-03-06' });
    const vpdf = await addAttachmentData(a.ctx, v.id, PNG, '照片.png');
    await voidRecord(a.ctx, v.id, '重复');
    await fileYear(a.ctx, { year: 2025 });
    const before = tableCounts(a.ctx);
    await expect(removeAttachment(a.ctx, pdf.id)).rejects.toThrow(/已归档（档号 S101-WS·2025-D30-JW-0001），附件“例会.pdf”不能直接移除，只能通过鉴定和销毁清册处置/);
    await expect(removeAttachment(a.ctx, vpdf.id)).rejects.toThrow(/已作废，不能移除附件/);
    expect(tableCounts(a.ctx)).toEqual(before);
  });
});
