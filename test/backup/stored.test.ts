// Restore from the UI, in browser mode too: the backups kept in the archive's backups/ folder are
// listed; a backup uploaded from the page arrives in order or not at all; a kept backup is checked
// completely without changing anything (a forged or damaged one refused, as restore refuses it); and
// over HTTP a restore replaces the served archive by the checked backup, the old one backed up first,
// every later call answered by the restored archive. On both engines.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openArchive } from '../../src/main/core/archive';
import { createBackup } from '../../src/main/core/backup/create';
import { listStoredBackups } from '../../src/main/core/backup/stored';
import { createRecord } from '../../src/main/core/records/repository';
import { searchRecords } from '../../src/main/core/records/search';
import { startServer, type RunningServer } from '../../src/main/transports/http/server';
import type { CallReply, TaskEvent } from '../../src/shared/api';
import { ENGINES, fixedClock, tempArchive, type TestArchive } from '../helpers/archive';
import { request } from '../ui-platform/http';

let a: TestArchive;
let server: RunningServer;
// a server archive is reopened by its URL, with its working folder
const reopen = () => openArchive(a.location, { clock: fixedClock(), actor: 'test', anchorDir: a.ctx.anchors?.dir ?? null, workDir: a.ctx.paths.server ? a.ctx.paths.dir : undefined });

describe.each(ENGINES)('stored backups on %s', (engine) => {
  beforeEach(async () => {
    a = await tempArchive({ engine });
    server = await startServer({ ctx: a.ctx, reopen, location: a.location, rendererDir: join(a.dir, 'renderer'), version: 't' });
  });
  afterEach(async () => {
    await server.close();
    // the archive served now (another one after a restore) is the one to close
    const served = await server.archive();
    if (served !== a.ctx) await served.close();
    await a.close();
  });

  type Reply<T> = CallReply & { value?: T };

  async function call<T = unknown>(method: string, body: unknown): Promise<Reply<T>> {
    const res = await request(server.port, `/api/${method}`, { body, headers: { 'X-Sanwu-Token': server.token } });
    expect(res.status).toBe(200);
    if ((res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
      const events = res.body.split('\n\n').filter(Boolean).map((e) => JSON.parse(e.replace(/^data: /, '')) as TaskEvent);
      const done = events.find((e) => e.type === 'done');
      return (done as { reply: Reply<T> }).reply;
    }
    return JSON.parse(res.body) as Reply<T>;
  }

  const meeting = { communityId: 1, affair: '居务' as const, kind: '居务监督委员会例会', date: '2025-03-05' };

  describe('stored backups', () => {
    it('lists the kept backups newest first, and checks one without changing anything', async () => {
      await createRecord(a.ctx, { ...meeting, title: '备份前的例会' });
      const { file } = await createBackup(a.ctx, join(a.ctx.paths.backups, '三务档案备份-甲.tar'));
      const list = await call<{ name: string; size: number }[]>('backup.list', {});
      expect(list).toMatchObject({ ok: true, value: [{ name: '三务档案备份-甲.tar', size: readFileSync(file).length }] });
      const check = await call('backup.verify', { name: '三务档案备份-甲.tar' });
      expect(check).toMatchObject({ ok: true, value: { office: '幸福路街道', attachments: 0, notices: [] } });
      expect(listStoredBackups(a.ctx).map((b) => b.name)).toEqual(['三务档案备份-甲.tar']);
    });

    it('refuses a damaged backup on checking, and any name that is not a kept backup', async () => {
      const { file } = await createBackup(a.ctx, join(a.ctx.paths.backups, 'b.tar'));
      const bytes = readFileSync(file);
      bytes[bytes.length - 2048] = bytes[bytes.length - 2048]! ^ 0xff;
      writeFileSync(join(a.ctx.paths.backups, 'damaged.tar'), bytes);
      const damaged = await call('backup.verify', { name: 'damaged.tar' });
      expect(damaged).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      for (const name of ['../archive.sqlite', '/etc/passwd.tar', '.hidden.tar', 'x.sqlite']) {
        expect(await call('backup.verify', { name })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
      expect(await call('backup.verify', { name: 'absent.tar' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it('takes an upload piece by piece, in order only', async () => {
      const { file } = await createBackup(a.ctx, join(a.dir, 'elsewhere.tar'));
      const bytes = readFileSync(file);
      const half = Math.floor(bytes.length / 2);
      const piece = (offset: number, end: number, done: boolean) => ({ upload: '0a1b2c3d', name: '我的备份.tar', offset, dataBase64: bytes.subarray(offset, end).toString('base64'), done });
      expect(await call('backup.upload', piece(0, half, false))).toMatchObject({ ok: true, value: { received: half } });
      // a piece out of order: refused, nothing appended
      expect(await call('backup.upload', piece(half + 10, bytes.length, true))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const last = await call<{ name: string }>('backup.upload', piece(half, bytes.length, true));
      expect(last).toMatchObject({ ok: true, value: { received: bytes.length, name: expect.stringMatching(/^上传-我的备份-.+\.tar$/) } });
      expect(readFileSync(join(a.ctx.paths.backups, last.value!.name))).toEqual(bytes);
      expect(await call('backup.verify', { name: last.value!.name })).toMatchObject({ ok: true });
    });
  });

  describe('restore in browser mode', () => {
    it('replaces the served archive by the checked backup, backing up the current one first', async () => {
      await createRecord(a.ctx, { ...meeting, title: '备份里有的例会' });
      await createBackup(a.ctx, join(a.ctx.paths.backups, '恢复用.tar'));
      await createRecord(a.ctx, { ...meeting, title: '备份之后才登记的例会' });
      const unconfirmed = await call('backup.restoreStored', { name: '恢复用.tar' });
      expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const restored = await call<{ previous: string }>('backup.restoreStored', { name: '恢复用.tar', confirm: true });
      expect(restored).toMatchObject({ ok: true, value: { restored: true, office: '幸福路街道' } });
      // the served archive is the restored one: the later record is gone from it, kept in the backup made first
      const found = await call<{ records: { title: string }[] }>('records.search', {});
      expect(found.value!.records.map((r) => r.title)).toEqual(['备份里有的例会']);
      expect(restored.value!.previous).toMatch(/before-restore-/);
      const names = listStoredBackups(await server.archive()).map((b) => b.name);
      expect(names).toContain('恢复用.tar');
      expect(names.some((n) => n.startsWith('before-restore-'))).toBe(true);
      expect((await searchRecords(await server.archive(), { q: '备份之后' })).total).toBe(0);
    });

    it('refuses a damaged backup, leaving the served archive as it was', async () => {
      await createRecord(a.ctx, { ...meeting, title: '留着的例会' });
      const { file } = await createBackup(a.ctx, join(a.dir, 'x.tar'));
      const bytes = readFileSync(file);
      bytes[bytes.length - 2048] = bytes[bytes.length - 2048]! ^ 0xff;
      writeFileSync(join(a.ctx.paths.backups, '坏的.tar'), bytes);
      const reply = await call('backup.restoreStored', { name: '坏的.tar', confirm: true });
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const found = await call<{ records: { title: string }[] }>('records.search', {});
      expect(found.value!.records.map((r) => r.title)).toEqual(['留着的例会']);
    });
  });
});
