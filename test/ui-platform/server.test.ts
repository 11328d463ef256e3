// Browser mode (`sanwu serve`): who may connect, the contract over HTTP, long tasks, static files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallReply, TaskEvent } from '../../src/shared/api';
import { cancelled } from '../../src/shared/errors';
import { HANDLERS } from '../../src/main/handlers';
import type { HandlerMap } from '../../src/main/handlers/types';
import { startServer, type RunningServer } from '../../src/main/transports/http/server';
import { tempArchive, tableCounts, type TestArchive } from '../helpers/archive';
import { request } from './http';

let archive: TestArchive;
let server: RunningServer;
let port: number;
let auth: Record<string, string>;
const task = { started: 0, cancelled: 0 };

/** check.run replaced by a task that reports progress until it is cancelled. */
const handlers: HandlerMap = {
  ...HANDLERS,
  'check.run': async (_ctx, _input, env) => {
    task.started++;
    for (let i = 0; i < 600; i++) {
      env.onProgress?.({ phase: '检查', done: i, total: 600 });
      await new Promise((r) => setTimeout(r, 50));
      if (env.signal?.aborted) {
        task.cancelled++;
        throw cancelled();
      }
    }
    return { ok: true, counts: {}, problems: [] };
  },
};

beforeAll(async () => {
  archive = await tempArchive();
  const renderer = join(archive.dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>三务档案</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(archive.dir, 'secret.txt'), 'outside the renderer');
  server = await startServer({ ctx: archive.ctx, rendererDir: renderer, version: '9.9.9', handlers });
  port = server.port;
  auth = { 'X-Sanwu-Token': server.token };
});

afterAll(async () => {
  await server.close();
  await archive.close();
});

const call = async (method: string, body: unknown): Promise<CallReply> => {
  const res = await request(port, `/api/${method}`, { body, headers: auth });
  expect(res.status).toBe(200);
  return JSON.parse(res.body) as CallReply;
};
const value = async <T>(method: string, body: unknown): Promise<T> => {
  const reply = await call(method, body);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
};

describe('sanwu serve: access', () => {
  it('binds 127.0.0.1 and prints a URL with a long random token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('serves the page (the public build) to anyone, the API only with the token (401)', async () => {
    const page = await request(port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('三务档案');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await request(port, '/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await request(port, '/api/app.info', { body: {} })).status).toBe(401);
    expect((await request(port, '/api/app.info?token=wrong', { body: {} })).status).toBe(401);
    expect((await request(port, '/api/app.info', { body: {}, headers: { 'X-Sanwu-Token': `${server.token}x` } })).status).toBe(401);
    expect((await request(port, '/api/attachments/1')).status).toBe(401);
  });

  it('takes the token as the header x-sanwu-token (or ?token=), never from a cookie, and sets none', async () => {
    expect((await request(port, '/api/app.info', { body: {}, headers: auth })).status).toBe(200);
    expect((await request(port, `/api/app.info?token=${server.token}`, { body: {} })).status).toBe(200);
    for (const name of ['sanwu', `sanwu_${port}`, 'token', 'x-sanwu-token']) {
      expect((await request(port, '/api/app.info', { body: {}, headers: { Cookie: `${name}=${server.token}` } })).status).toBe(401);
    }
    for (const path of ['/', `/?token=${server.token}`, '/assets/app.js']) {
      expect((await request(port, path)).headers['set-cookie'], path).toBeUndefined();
    }
    expect((await request(port, '/api/app.info', { body: {}, headers: auth })).headers['set-cookie']).toBeUndefined();
  });

  it('refuses a foreign Host header (403), even with the token', async () => {
    const res = await request(port, `/?token=${server.token}`, { headers: { Host: `evil.example:${port}` } });
    expect(res.status).toBe(403);
    expect((await request(port, '/', { headers: { ...auth, Host: `127.0.0.1:${port + 1}` } })).status).toBe(403);
    expect((await request(port, '/', { headers: { ...auth, Host: `localhost:${port}` } })).status).toBe(200);
  });

  it('refuses a POST from another origin (403) and accepts none or its own', async () => {
    const bad = await request(port, '/api/app.info', { body: {}, headers: { ...auth, Origin: 'http://evil.example' } });
    expect(bad.status).toBe(403);
    const own = await request(port, '/api/app.info', { body: {}, headers: { ...auth, Origin: `http://localhost:${port}` } });
    expect(own.status).toBe(200);
  });

  it('refuses a port already in use with a clear message', async () => {
    await expect(startServer({ ctx: archive.ctx, rendererDir: archive.dir, version: 't', port })).rejects.toThrow(`端口 ${port} 已被占用`);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt']) {
      const res = await request(port, path, { headers: auth });
      expect(res.status, path).not.toBe(200);
      expect(res.body).not.toContain('outside the renderer');
    }
  });
});

describe('sanwu serve: the contract over HTTP', () => {
  it('answers app.info about this archive', async () => {
    const info = await value<{ office: { name: string }; mode: string; version: string; archiveDir: string }>('app.info', {});
    expect(info).toMatchObject({ office: { name: '幸福路街道' }, mode: 'browser', version: '9.9.9', archiveDir: archive.ctx.paths.dir });
  });

  it('creates, finds, shows and gives an attachment to a record', async () => {
    const [community] = await value<{ id: number }[]>('communities.list', {});
    const created = await value<{ id: number; retention: string }>('records.create', {
      communityId: community!.id,
      affair: '居务',
      kind: '居务监督委员会例会',
      title: '居务监督委员会工作例会记录',
      date: '2025-03-05',
    });
    const rules = await value<{ kind: string; retention: string }[]>('retention.list', {});
    expect(created.retention).toBe(rules.find((r) => r.kind === '居务监督委员会例会')!.retention);
    const found = await value<{ total: number; records: { id: number }[] }>('records.search', { q: '例会' });
    expect(found.total).toBe(1);
    expect(found.records[0]!.id).toBe(created.id);

    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4d60000000049454e44ae426082', 'hex');
    const added = await value<{ id: number; mediaType: string }>('attachments.add', { recordId: created.id, name: '公开栏照片.png', dataBase64: png.toString('base64') });
    expect(added.mediaType).toBe('image/png');
    const url = await value<string>('attachments.url', { id: added.id });
    expect(url).toBe(`/api/attachments/${added.id}`);
    const bytes = await request(port, url, { headers: auth });
    expect(bytes.status).toBe(200);
    expect(bytes.headers['content-type']).toBe('image/png');
    expect(bytes.headers['content-disposition']).toContain("filename*=UTF-8''%E5%85%AC");

    const detail = await value<{ record: { attachments: number }; history: { action: string }[] }>('records.get', { id: created.id });
    expect(detail.record.attachments).toBe(1);
    expect(detail.history.map((h) => h.action)).toEqual(['attach', 'create']);
  });

  it('refuses bad input with a Chinese message naming the field, and writes nothing', async () => {
    const before = tableCounts(archive.ctx);
    const reply = await call('records.create', { communityId: 1, affair: '居务', kind: '居民会议', title: '', date: '2025-02-30' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('INVALID_INPUT');
    expect(reply.error.message).toContain('题名：题名不能为空');
    expect(reply.error.message).toContain('成文日期');
    expect(reply.error.issues.map((i) => i.column)).toEqual(['题名', '成文日期']);
    expect(tableCounts(archive.ctx)).toEqual(before);
  });

  it('answers an unknown method with 404', async () => {
    const res = await request(port, '/api/records.drop', { body: {}, headers: auth });
    expect(res.status).toBe(404);
    expect((JSON.parse(res.body) as CallReply).ok).toBe(false);
  });
});

/** Reads a long task's event stream until `stop` says so; the socket is destroyed when stopping early. */
function streamTask(method: string, stop: (events: TaskEvent[]) => boolean): Promise<TaskEvent[]> {
  return new Promise((resolve, reject) => {
    const events: TaskEvent[] = [];
    void import('node:http').then(({ request: raw }) => {
      const req = raw({ host: '127.0.0.1', port, path: `/api/${method}`, method: 'POST', headers: { ...auth, Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json' } }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8');
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            events.push(JSON.parse(buffer.slice(0, end).replace(/^data: /, '')) as TaskEvent);
            buffer = buffer.slice(end + 2);
            if (stop(events)) {
              req.destroy();
              resolve(events);
              return;
            }
          }
        });
        res.on('end', () => resolve(events));
      });
      req.on('error', (e) => (events.length > 0 ? resolve(events) : reject(e)));
      req.end('{}');
    });
  });
}

describe('sanwu serve: long tasks', () => {
  it('streams progress, and closing the stream cancels the task', async () => {
    const events = await streamTask('check.run', (e) => e.filter((x) => x.type === 'progress').length >= 3);
    expect(events.slice(0, 3).map((e) => e.type)).toEqual(['progress', 'progress', 'progress']);
    const first = events[0] as Extract<TaskEvent, { type: 'progress' }>;
    expect(first.progress).toMatchObject({ phase: '检查', total: 600 });
    await expect.poll(() => task.cancelled, { timeout: 10_000 }).toBe(1);
    expect(task.started).toBe(1);
  });

  it('ends the stream with the reply, an error payload when the method fails', async () => {
    const events = await streamTask('import.run', () => false);
    const done = events.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') return;
    expect(done.reply.ok).toBe(false);
    if (!done.reply.ok) expect(done.reply.error.code).toBe('INVALID_INPUT');
  });
});
