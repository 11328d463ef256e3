// Finding 11 of issue 10: a backup whose manifest was recomputed after adding an attachment or editing
// the database must not restore; every backup carries the signed anchor of its log's head.
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { addAttachmentData } from '../../src/main/core/attachments/repository';
import { AnchorStore } from '../../src/main/core/audit-log/anchor';
import { entryHash, type AuditRowInput } from '../../src/main/core/audit-log/append';
import { createBackup } from '../../src/main/core/backup/create';
import { MANIFEST_NAME, type BackupManifest } from '../../src/main/core/backup/manifest';
import { restoreBackup } from '../../src/main/core/backup/restore';
import { copyMember, readTarIndex, TarWriter } from '../../src/main/core/backup/tar';
import { runCheck } from '../../src/main/core/check';
import { stateSql } from '../../src/main/core/db';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { createRecord } from '../../src/main/core/records/repository';
import { fixedClock, tempArchive, type TestArchive } from '../helpers/archive';

let a: TestArchive;
let good: string;
const anchorDir = () => process.env.SANWU_ANCHOR_DIR!;

beforeAll(async () => {
  a = await tempArchive();
  const r = await createRecord(a.ctx, { communityId: 1, affair: '财务', kind: '财务收支公开', title: '一季度财务公开', date: '2025-03-31', income: 1200, fundCategory: '办公经费', responsible: '桃源社区居委会', pages: 2 });
  await addAttachmentData(a.ctx, r.id, new TextEncoder().encode('%PDF-1.7\n% 公开栏照片\n%%EOF\n'), '公开栏.pdf');
  await fileYear(a.ctx, { year: 2025 });
  good = join(a.dir, 'good.tar');
  await createBackup(a.ctx, good);
});
afterAll(() => a.close());

/** Unpacks `tar` into a folder, lets `edit` change it, and packs it again with a recomputed manifest. */
function forge(tar: string, edit: (dir: string, manifest: BackupManifest) => void): string {
  const dir = join(a.dir, `forge-${Math.random().toString(16).slice(2)}`);
  const fd = openSync(tar, 'r');
  let manifest!: BackupManifest;
  try {
    for (const entry of readTarIndex(fd)) {
      const chunks: Buffer[] = [];
      copyMember(fd, entry, (c) => chunks.push(Buffer.from(c)));
      if (entry.name === MANIFEST_NAME) manifest = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      else {
        mkdirSync(dirname(join(dir, entry.name)), { recursive: true });
        writeFileSync(join(dir, entry.name), Buffer.concat(chunks));
      }
    }
  } finally {
    closeSync(fd);
  }
  edit(dir, manifest);
  const out = `${dir}.tar`;
  const w = new TarWriter(out);
  const now = new Date('2025-12-31T00:00:00Z');
  const members = manifest.members.map((m) => ({ name: m.name, ...w.addFile(m.name, join(dir, m.name), now) }));
  w.addBuffer(MANIFEST_NAME, Buffer.from(JSON.stringify({ ...manifest, members })), now);
  w.close();
  return out;
}

function onDatabase(dir: string, fn: (db: Database.Database) => void): void {
  const db = new Database(join(dir, 'archive.sqlite'));
  try {
    fn(db);
  } finally {
    db.close();
  }
}

const restoreInto = (backup: string) => restoreBackup(join(a.dir, `target-${Math.random().toString(16).slice(2)}`), backup, { anchorDir: anchorDir(), clock: fixedClock() });

describe('backups carry the anchor', () => {
  it('names the log head of the database it holds, signed with this computer key', async () => {
    const fd = openSync(good, 'r');
    const chunks: Buffer[] = [];
    try {
      copyMember(fd, readTarIndex(fd).find((e) => e.name === MANIFEST_NAME)!, (c) => chunks.push(Buffer.from(c)));
    } finally {
      closeSync(fd);
    }
    const manifest = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BackupManifest;
    const head = (await a.ctx.db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow());
    expect(manifest.anchor).toMatchObject({ seq: head.id, hash: head.hash });
    expect(new AnchorStore(anchorDir()).verify(manifest.anchor!)).toBe('valid');
  });

  it('restores a sound backup, which then checks clean', async () => {
    const result = await restoreInto(good);
    expect(result.notices).toEqual([]);
    const ctx = await openArchive(result.dir, { anchorDir: anchorDir() });
    try {
      expect((await runCheck(ctx)).problems).toEqual([]);
    } finally {
      await closeArchive(ctx);
    }
  });
});

describe('forged backups are refused', () => {
  it('an attachment member added, the manifest recomputed', async () => {
    const bytes = Buffer.from('MZ not a scan');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const forged = forge(good, (dir, m) => {
      mkdirSync(join(dir, 'files', sha.slice(0, 2)), { recursive: true });
      writeFileSync(join(dir, 'files', sha.slice(0, 2), sha), bytes);
      m.members.push({ name: `files/${sha.slice(0, 2)}/${sha}`, size: 0, sha256: '0'.repeat(64) });
    });
    await expect(restoreInto(forged)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('没有任何档案记录引用') });
  });

  it('an amount edited in the database, the manifest recomputed', async () => {
    const forged = forge(good, (dir) => onDatabase(dir, (db) => {
      db.function('sanwu_grams', { varargs: true }, () => '');
      db.prepare('UPDATE records SET income_fen = 1 WHERE id = 1').run();
    }));
    await expect(restoreInto(forged)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('与操作日志不符（记录 1“一季度财务公开”被改动）') });
  });

  it('an amount edited and a matching entry forged onto the log, the manifest recomputed', async () => {
    const forged = forge(good, (dir) => onDatabase(dir, (db) => {
      db.function('sanwu_grams', { varargs: true }, () => '');
      db.prepare('UPDATE records SET income_fen = 1 WHERE id = 1').run();
      const after = db.prepare(`SELECT ${stateSql('record')} FROM records WHERE id = 1`).pluck().get() as string;
      const prev = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string;
      const row: AuditRowInput = { at: '2025-12-31T01:00:00.000Z', actor: 'x', action: 'update', entity: 'record', entity_id: 1, before: null, after, source: null };
      db.prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after, source, prev_hash, hash, hash_format) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2)')
        .run(row.at, row.actor, row.action, row.entity, row.entity_id, row.before, row.after, row.source, prev, entryHash(prev, row));
    }));
    await expect(restoreInto(forged)).rejects.toMatchObject({ message: expect.stringContaining('备份的锚点（操作日志到第') });
  });

  it('the anchor rewritten to the forged head, without the key', async () => {
    const forged = forge(good, (dir, m) => onDatabase(dir, (db) => {
      db.function('sanwu_grams', { varargs: true }, () => '');
      db.prepare(`UPDATE records SET title = '改过' WHERE id = 1`).run();
      const after = db.prepare(`SELECT ${stateSql('record')} FROM records WHERE id = 1`).pluck().get() as string;
      const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
      const row: AuditRowInput = { at: '2025-12-31T01:00:00.000Z', actor: 'x', action: 'update', entity: 'record', entity_id: 1, before: null, after, source: null };
      const hash = entryHash(last.hash, row);
      db.prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after, source, prev_hash, hash, hash_format) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2)')
        .run(row.at, row.actor, row.action, row.entity, row.entity_id, row.before, row.after, row.source, last.hash, hash);
      m.anchor = { ...m.anchor!, seq: last.id + 1, hash };
    }));
    await expect(restoreInto(forged)).rejects.toMatchObject({ message: expect.stringContaining('备份锚点的签名不符') });
  });

  it('a sound backup signed on another computer restores, saying its signature cannot be verified here', async () => {
    const other = new AnchorStore(join(a.dir, 'other-profile'));
    const elsewhere = forge(good, (_, m) => {
      m.anchor = other.sign(m.anchor!.archive, { seq: m.anchor!.seq, hash: m.anchor!.hash }, m.anchor!.at);
    });
    const result = await restoreInto(elsewhere);
    expect(result.notices).toEqual([expect.stringContaining('本机无法核验签名')]);
  });
});
