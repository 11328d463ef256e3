// The core off the main thread: the desktop's main-side CoreChannel talking to hostCore over a real
// MessageChannel (what utilityProcess gives in Electron): calls, progress, cancel, files, failure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Progress } from '../../src/shared/domain';
import { cancelled } from '../../src/shared/errors';
import { closeArchive } from '../../src/main/core/archive';
import type { ArchiveContext } from '../../src/main/core/context';
import { HANDLERS } from '../../src/main/handlers';
import type { HandlerMap } from '../../src/main/handlers/types';
import { CoreChannel } from '../../src/main/core-host/channel';
import { hostCore, type HostedCore } from '../../src/main/core-host/host';
import type { FromCore, ToCore } from '../../src/main/core-host/protocol';
import { raw, tempDir } from '../helpers/archive';

const tmp = tempDir();
const { port1, port2 } = new MessageChannel();
const core = new CoreChannel((m) => port1.postMessage(m));
port1.on('message', (m: FromCore) => core.receive(m));
const revealed: string[] = [];
core.onReveal = (p) => revealed.push(p);
let hosted: HostedCore | null = null;
let ctx: ArchiveContext | null = null;
let cancelledTasks = 0;

const handlers: HandlerMap = {
  ...HANDLERS,
  'check.run': async (_ctx, _input, env) => {
    for (let i = 0; ; i++) {
      env.onProgress?.({ phase: '检查', done: i, total: 1000 });
      await new Promise((r) => setTimeout(r, 20));
      if (env.signal?.aborted) {
        cancelledTasks++;
        throw cancelled();
      }
    }
  },
};

beforeAll(async () => {
  const ready = new Promise<string>((resolve) => (core.onReady = resolve));
  hosted = await hostCore(
    { postMessage: (m) => port2.postMessage(m), onMessage: (listener) => port2.on('message', (m: ToCore) => listener(m)) },
    { dir: join(tmp.dir, 'archive'), version: '1.2.3', actor: 'tester', log: { info: () => {}, warn: () => {} }, handlers },
  );
  expect(await ready).toBe(join(tmp.dir, 'archive'));
  ctx = await hosted!.archive();
});

afterAll(async () => {
  port1.close();
  if (hosted) await closeArchive(await hosted.archive());
  tmp.cleanup();
});

describe('the core process', () => {
  it('creates the archive on first start and answers in desktop mode', async () => {
    expect(existsSync(join(tmp.dir, 'archive', 'archive.sqlite'))).toBe(true);
    const reply = await core.call('app.info', {}, 't1');
    expect(reply).toMatchObject({ ok: true, value: { mode: 'desktop', version: '1.2.3', office: null } });
  });

  it('writes through the contract, with the actor in the audit log', async () => {
    expect(await core.call('office.save', { name: '幸福路街道' }, 't2')).toMatchObject({ ok: true });
    const saved = await core.call('communities.save', { code: 'S101', name: '桃源社区' }, 't3');
    expect(saved).toMatchObject({ ok: true, value: { code: 'S101', name: '桃源社区' } });
    const actors = raw(ctx!).prepare('SELECT DISTINCT actor FROM audit_log').all() as { actor: string }[];
    expect(actors).toEqual([{ actor: 'tester' }]);
  });

  it('routes progress to the caller and cancels by task id', async () => {
    const seen: Progress[] = [];
    const pending = core.call('check.run', {}, 'long-1', (p) => {
      seen.push(p);
      if (seen.length === 3) core.cancel('long-1');
    });
    const reply = await pending;
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('CANCELLED');
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen[0]).toMatchObject({ phase: '检查', total: 1000 });
    expect(cancelledTasks).toBe(1);
  });

  it('gives app:// links and serves attachments by id', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const record = await core.call(
      'records.create',
      { communityId: 1, affair: '党务', kind: '主题党日', title: '三月主题党日活动记录', date: '2025-03-10' },
      't4',
    );
    expect(record.ok).toBe(true);
    const id = (record as { value: { id: number } }).value.id;
    const added = await core.call('attachments.add', { recordId: id, name: '活动记录.pdf', dataBase64: pdf.toString('base64') }, 't5');
    const attachmentId = (added as { value: { id: number } }).value.id;
    const url = await core.call('attachments.url', { id: attachmentId }, 't6');
    expect(url).toEqual({ ok: true, value: expect.stringMatching(new RegExp(`^app://sanwu/attachments/${attachmentId}\\?v=[A-Za-z0-9_-]+$`)) });
    const ticket = new URL((url as { value: string }).value).searchParams.get('v')!;
    const file = await core.file('attachments', String(attachmentId), ticket);
    expect(file).toMatchObject({ name: '活动记录.pdf', mediaType: 'application/pdf' });
    expect(readFileSync(file.path)).toEqual(pdf);
    // a link attachments.url did not give (no ticket, another attachment's ticket) serves nothing
    await expect(core.file('attachments', String(attachmentId))).rejects.toThrow(/附件链接已失效/);
    await expect(core.file('attachments', String(attachmentId + 1), ticket)).rejects.toThrow(/附件链接已失效/);
    // the view is logged as 利用, under the caller the contract saw
    await hosted!.flushViews();
    const ctx = await hosted!.archive();
    expect(await ctx.db.selectFrom('file_views').select(['attachment_id', 'record_id', 'viewer']).execute()).toEqual([{ attachment_id: attachmentId, record_id: id, viewer: 'tester' }]);
    await expect(core.file('downloads', 'deadbeef')).rejects.toThrow(/下载链接已失效/);
  });

  it('reveals only files inside the archive folder', async () => {
    const outside = await core.call('shell.showInFolder', { path: '/etc/passwd' }, 't7');
    expect(outside.ok).toBe(false);
    const inside = join(tmp.dir, 'archive', 'archive.sqlite');
    expect(await core.call('shell.showInFolder', { path: inside }, 't8')).toEqual({ ok: true, value: null });
    await expect.poll(() => revealed).toEqual([inside]);
  });

  it('restores a backup in place and answers from the restored archive', async () => {
    const backup = await core.call('backup.create', {}, 'b1');
    expect(backup).toMatchObject({ ok: true });
    const path = (backup as { value: { path: string; download?: string } }).value.path;
    expect((backup as { value: { download?: string } }).value.download).toBeUndefined();
    expect(await core.call('communities.save', { code: 'S102', name: '幸福里社区' }, 'b2')).toMatchObject({ ok: true });
    const restoring = core.call('backup.restore', { path }, 'b3');
    const meanwhile = core.call('communities.list', {}, 'b4');
    expect(await restoring).toMatchObject({ ok: true, value: { restored: true, office: '幸福路街道' } });
    const listed = await meanwhile;
    expect(listed.ok && (listed.value as { name: string }[]).map((c) => c.name)).toEqual(['桃源社区']);
    const restored = await hosted!.archive();
    expect(restored).not.toBe(ctx);
    ctx = restored;
    expect(await core.call('app.info', {}, 'b5')).toMatchObject({ ok: true, value: { office: { name: '幸福路街道' } } });
  });

  it('serves an attachment link given under a sign-in only while that sign-in lasts', async () => {
    const record = await core.call('records.create', { communityId: 1, affair: '居务', kind: '居民会议', title: '居民会议记录', date: '2025-03-05' }, 's1');
    const recordId = (record as { value: { id: number } }).value.id;
    const pdf = Buffer.from('%PDF-1.4\n%signed\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const added = await core.call('attachments.add', { recordId, name: '会议记录.pdf', dataBase64: pdf.toString('base64') }, 's2');
    const attachmentId = (added as { value: { id: number } }).value.id;
    expect(await core.call('users.add', { name: 'clerk', role: '管理员', password: 'clerk-password' }, 's3')).toMatchObject({ ok: true });
    const signedIn = await core.call('auth.signIn', { username: 'clerk', password: 'clerk-password' }, 's4');
    const session = (signedIn as { value: { session: string } }).value.session;
    const ticketOf = async (taskId: string) => {
      const url = await core.call('attachments.url', { id: attachmentId }, taskId, undefined, session);
      return new URL((url as { value: string }).value).searchParams.get('v')!;
    };
    const ticket = await ticketOf('s5');
    expect(readFileSync((await core.file('attachments', String(attachmentId), ticket)).path)).toEqual(pdf);
    expect(await core.call('auth.signOut', {}, 's6', undefined, session)).toMatchObject({ ok: true });
    // signed out: the link given before serves nothing, and a new one needs a new sign-in
    await expect(core.file('attachments', String(attachmentId), ticket)).rejects.toThrow('这个附件链接已失效（已退出登录或登录已过期）。请登录后在档案中重新打开该附件。');
    expect(await core.call('attachments.url', { id: attachmentId }, 's7', undefined, session)).toMatchObject({ ok: false });
  });

  it('answers every waiting call when the core process dies', async () => {
    const dead = new CoreChannel(() => {});
    const waiting = dead.call('app.info', {}, 'x');
    dead.fail({ code: 'INTERNAL', message: '档案处理进程已退出', issues: [] });
    expect(await waiting).toMatchObject({ ok: false, error: { message: '档案处理进程已退出' } });
    expect(await dead.call('app.info', {}, 'y')).toMatchObject({ ok: false });
  });
});
