import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { linkAttachments, stageBuffer } from '../../src/main/core/attachments/repository';
import { storedPath } from '../../src/main/core/attachments/store';
import { verifyAuditChain } from '../../src/main/core/audit-log/verify';
import { createBackup } from '../../src/main/core/backup/create';
import { BACKUP_FORMAT, MANIFEST_NAME, type BackupManifest } from '../../src/main/core/backup/manifest';
import { restoreBackup } from '../../src/main/core/backup/restore';
import { readTarIndex, TarWriter } from '../../src/main/core/backup/tar';
import { SCHEMA_VERSION } from '../../src/main/core/db/migrate';
import { createRecord } from '../../src/main/core/records/repository';
import { fixedClock, raw, tempArchive, tempDir, type TestArchive } from '../helpers/archive';

let a: TestArchive;
let tmp: ReturnType<typeof tempDir>;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake png body')]);
const PDF = Buffer.from('%PDF-1.4\n% minutes of the meeting\n%%EOF\n');

beforeEach(async () => {
  a = await tempArchive();
  tmp = tempDir();
  const r = await createRecord(a.ctx, { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '居务监督委员会工作例会记录', date: '2025-03-05' });
  const staged = [await stageBuffer(a.ctx, PNG, '公开栏.png'), await stageBuffer(a.ctx, PDF, '纪要.pdf')];
  await a.ctx.write.transaction((trx) => linkAttachments(a.ctx, trx, r.id, staged));
});
afterEach(async () => {
  await a.close();
  tmp.cleanup();
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const snapshot = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : null);

async function recordsOf(dir: string) {
  const ctx = await openArchive(dir);
  try {
    return {
      records: raw(ctx).prepare('SELECT id, title, date FROM records ORDER BY id').all(),
      attachments: raw(ctx).prepare('SELECT sha256, original_name FROM attachments ORDER BY id').all(),
      chain: (await verifyAuditChain(ctx.db)).breaks,
      files: ctx.paths.files,
    };
  } finally {
    await closeArchive(ctx);
  }
}

function readMembers(file: string): Map<string, Buffer> {
  const data = readFileSync(file);
  const fd = openSync(file, 'r');
  try {
    return new Map(readTarIndex(fd).map((e) => [e.name, data.subarray(e.offset, e.offset + e.size)]));
  } finally {
    closeSync(fd);
  }
}

/** Writes a backup of the given members; the manifest lists them honestly unless one is given. */
function writeBackup(file: string, members: Map<string, Buffer>, manifest?: BackupManifest): void {
  const w = new TarWriter(file);
  const listed: BackupManifest['members'] = [];
  for (const [name, data] of members) {
    if (name === MANIFEST_NAME) continue;
    listed.push({ name, size: data.length, sha256: w.addBuffer(name, data, new Date()) });
  }
  const m = manifest ?? { format: BACKUP_FORMAT, createdAt: '2025-12-31T02:00:00.000Z', office: '幸福路街道', schemaVersion: SCHEMA_VERSION, members: listed };
  w.addBuffer(MANIFEST_NAME, Buffer.from(JSON.stringify(m)), new Date());
  w.close();
}

describe('backup', () => {
  it('writes one tar holding the database, every attachment and a SHA-256 manifest', async () => {
    const out = join(tmp.dir, 'b.tar');
    const result = await createBackup(a.ctx, out);
    expect(result).toMatchObject({ file: out, attachments: 2 });
    const members = readMembers(out);
    const member = (data: Buffer) => `files/${sha256Of(data).slice(0, 2)}/${sha256Of(data)}`;
    const png = member(PNG);
    expect([...members.keys()].sort()).toEqual(['archive.sqlite', png, member(PDF), MANIFEST_NAME].sort());
    expect(members.get(png)).toEqual(PNG);
    const manifest = JSON.parse(members.get(MANIFEST_NAME)!.toString('utf8')) as BackupManifest;
    expect(manifest).toMatchObject({ format: BACKUP_FORMAT, office: '幸福路街道', schemaVersion: SCHEMA_VERSION });
    for (const m of manifest.members) expect(sha256Of(members.get(m.name)!), m.name).toBe(m.sha256);
    // no temporary files are left behind
    expect(readdirSync(tmp.dir)).toEqual(['b.tar']);
    expect(readdirSync(a.ctx.paths.backups)).toEqual([]);
  });

  it('refuses to overwrite an existing file', async () => {
    const out = join(tmp.dir, 'b.tar');
    writeFileSync(out, 'keep me');
    await expect(createBackup(a.ctx, out)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });

  it('cancels leaving no file', async () => {
    const out = join(tmp.dir, 'b.tar');
    const c = new AbortController();
    c.abort();
    await expect(createBackup(a.ctx, out, { signal: c.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(tmp.dir)).toEqual([]);
  });
});

describe('restore', () => {
  it('restores records, attachments and the audit chain into a new folder, and audits the restore', async () => {
    const out = join(tmp.dir, 'b.tar');
    await createBackup(a.ctx, out);
    const target = join(tmp.dir, 'restored');
    const result = await restoreBackup(target, out, { clock: fixedClock() });
    expect(result).toMatchObject({ dir: target, attachments: 2, previous: null, office: '幸福路街道' });
    const restored = await recordsOf(target);
    expect(restored.records).toEqual(raw(a.ctx).prepare('SELECT id, title, date FROM records ORDER BY id').all());
    expect(restored.attachments).toHaveLength(2);
    expect(restored.chain).toEqual([]);
    expect(readFileSync(storedPath(restored.files, sha256Of(PDF)))).toEqual(PDF);
    const ctx = await openArchive(target);
    expect(raw(ctx).prepare(`SELECT count(*) FROM audit_log WHERE action = 'restore'`).pluck().get()).toBe(1);
    await closeArchive(ctx);
    expect(readdirSync(tmp.dir).sort()).toEqual(['b.tar', 'restored']);
  });

  it('refuses to overwrite an archive without force, and with force keeps the old one as a backup', async () => {
    const out = join(tmp.dir, 'b.tar');
    await createBackup(a.ctx, out);
    const target = join(tmp.dir, 'other');
    const other = await tempArchiveAt(target);
    await createRecord(other, { communityId: 1, affair: '党务', kind: '三会一课', title: '只在另一个档案库里的记录', date: '2025-01-01' });
    await closeArchive(other);
    const before = sha(join(target, 'archive.sqlite'));
    await expect(restoreBackup(target, out)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('--force') });
    expect(sha(join(target, 'archive.sqlite'))).toBe(before);

    const result = await restoreBackup(target, out, { force: true, clock: fixedClock() });
    expect(result.previous).toMatch(/backups\/before-restore-.*\.tar$/);
    expect((await recordsOf(target)).records).toHaveLength(1);
    // the replaced archive can itself be restored
    const back = join(tmp.dir, 'back');
    await restoreBackup(back, result.previous!);
    expect((await recordsOf(back)).records).toEqual([expect.objectContaining({ title: '只在另一个档案库里的记录' })]);
  });

  it('refuses a folder that holds something other than an archive, even with force', async () => {
    const out = join(tmp.dir, 'b.tar');
    await createBackup(a.ctx, out);
    const target = join(tmp.dir, 'documents');
    mkdirSync(target);
    writeFileSync(join(target, 'report.docx'), 'mine');
    await expect(restoreBackup(target, out, { force: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readdirSync(target)).toEqual(['report.docx']);
  });

  it('with force over an unreadable archive, keeps the old folder whole under backups/', async () => {
    const out = join(tmp.dir, 'b.tar');
    await createBackup(a.ctx, out);
    const target = join(tmp.dir, 'broken');
    mkdirSync(join(target, 'files'), { recursive: true });
    writeFileSync(join(target, 'archive.sqlite'), 'damaged beyond repair'.repeat(100));
    const result = await restoreBackup(target, out, { force: true });
    expect(result.previous).toMatch(/backups\/before-restore-.*-unreadable$/);
    expect(readFileSync(join(result.previous!, 'archive.sqlite'), 'utf8')).toMatch(/^damaged beyond repair/);
    expect((await recordsOf(target)).records).toHaveLength(1);
  });

  it('cancels a restore leaving nothing behind', async () => {
    const out = join(tmp.dir, 'b.tar');
    await createBackup(a.ctx, out);
    const c = new AbortController();
    c.abort();
    await expect(restoreBackup(join(tmp.dir, 'target'), out, { signal: c.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(tmp.dir)).toEqual(['b.tar']);
  });

  const refusals: [string, (m: Map<string, Buffer>, file: string) => void][] = [
    ['a flipped byte in the database', (m, file) => writeBackup(file, m, tamperedManifest(m, 'archive.sqlite'))],
    ['an attachment whose content is not its name', (m, file) => {
      const name = [...m.keys()].find((n) => n.startsWith('files/'))!;
      m.set(name, Buffer.from('swapped content'));
      writeBackup(file, m);
    }],
    ['a member missing from the manifest', (m, file) => {
      const manifest = JSON.parse(m.get(MANIFEST_NAME)!.toString('utf8')) as BackupManifest;
      m.set('files/ab/ab' + '0'.repeat(62), Buffer.from('x'));
      writeBackup(file, m, manifest);
    }],
    ['no manifest', (m, file) => {
      const w = new TarWriter(file);
      for (const [name, data] of m) if (name !== MANIFEST_NAME) w.addBuffer(name, data, new Date());
      w.close();
    }],
    ['a database that is not ours', (m, file) => {
      const db = Buffer.from(m.get('archive.sqlite')!);
      db.writeUInt32BE(0x12345678, 68); // application_id in the SQLite header
      m.set('archive.sqlite', db);
      writeBackup(file, m);
    }],
    ['a database failing integrity_check', (m, file) => {
      const db = Buffer.from(m.get('archive.sqlite')!);
      const pageSize = db.readUInt16BE(16);
      db.fill(0x41, pageSize * 3 + 8, pageSize * 3 + 200);
      m.set('archive.sqlite', db);
      writeBackup(file, m);
    }],
    ['a truncated file', (_m, file) => writeFileSync(file, readFileSync(join(tmp.dir, 'b.tar')).subarray(0, 5000))],
    ['a file that is not a tar', (_m, file) => writeFileSync(file, 'hello, this is not a backup'.repeat(40))],
  ];

  for (const [what, make] of refusals) {
    it(`refuses ${what}, changing nothing`, async () => {
      await createBackup(a.ctx, join(tmp.dir, 'b.tar'));
      const bad = join(tmp.dir, 'bad.tar');
      make(readMembers(join(tmp.dir, 'b.tar')), bad);
      const target = join(tmp.dir, 'target');
      await expect(restoreBackup(target, bad)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('未做任何修改') });
      expect(existsSync(target)).toBe(false);
      expect(readdirSync(tmp.dir).sort()).toEqual(['b.tar', 'bad.tar']);
      // over an existing archive, with force: still untouched
      const before = snapshot(a.dir);
      const dbSha = sha(a.ctx.paths.database);
      await expect(restoreBackup(a.ctx.paths.dir, bad, { force: true })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect(snapshot(a.dir)).toEqual(before);
      expect(sha(a.ctx.paths.database)).toBe(dbSha);
    });
  }
});

function sha256Of(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A manifest that lists the untouched hash of `name` while the member itself gets one byte flipped. */
function tamperedManifest(m: Map<string, Buffer>, name: string): BackupManifest {
  const manifest = JSON.parse(m.get(MANIFEST_NAME)!.toString('utf8')) as BackupManifest;
  const data = Buffer.from(m.get(name)!);
  data[data.length - 100] = data[data.length - 100]! ^ 0xff;
  m.set(name, data);
  return manifest;
}

async function tempArchiveAt(dir: string) {
  const { saveCommunity } = await import('../../src/main/core/communities/repository');
  const ctx = await openArchive(dir, { create: true, clock: fixedClock() });
  await saveCommunity(ctx, { code: 'S201', name: '另一个社区' });
  return ctx;
}
