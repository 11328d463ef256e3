// The renderer's two clients of the contract: the fetch client against a real `sanwu serve` server
// (errors rethrown as SanwuError, long tasks with progress and cancel), the desktop client over a bridge.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiBridge, CallReply } from '../../src/shared/api';
import type { Progress } from '../../src/shared/domain';
import { cancelled, SanwuError } from '../../src/shared/errors';
import { HANDLERS } from '../../src/main/handlers';
import type { HandlerMap } from '../../src/main/handlers/types';
import { startServer, type RunningServer } from '../../src/main/transports/http/server';
import { browserClient } from '../../src/renderer/src/api/browser';
import { desktopClient } from '../../src/renderer/src/api/desktop';
import { tempArchive, type TestArchive } from '../helpers/archive';

let archive: TestArchive;
let server: RunningServer;
let stopped = 0;

const handlers: HandlerMap = {
  ...HANDLERS,
  'report.build': async (_ctx, _input, env) => {
    for (let i = 0; ; i++) {
      env.onProgress?.({ phase: '报送包', done: i, total: 100 });
      await new Promise((r) => setTimeout(r, 30));
      if (env.signal?.aborted) {
        stopped++;
        throw cancelled();
      }
    }
  },
};

beforeAll(async () => {
  archive = await tempArchive();
  const renderer = join(archive.dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
  server = await startServer({ ctx: archive.ctx, rendererDir: renderer, version: 't', handlers });
});

afterAll(async () => {
  await server.close();
  await archive.close();
});

describe('the browser-mode client', () => {
  const client = () => browserClient(`http://127.0.0.1:${server.port}`, () => ({ 'X-Sanwu-Token': server.token }));

  it('calls a method and returns its typed value', async () => {
    const communities = await client().call('communities.list', {});
    expect(communities.map((c) => c.name)).toEqual(['桃源社区']);
  });

  it('rethrows a refusal as SanwuError with its code and issues', async () => {
    const error = await client()
      .call('records.get', { id: 999 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SanwuError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: '没有编号为 999 的档案记录。' });
  });

  it('says the link expired when the token is wrong', async () => {
    const error = await browserClient(`http://127.0.0.1:${server.port}`, () => ({ 'X-Sanwu-Token': 'nope' }))
      .call('app.info', {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'USAGE' });
    expect((error as Error).message).toContain('sanwu serve');
  });

  it('streams progress of a long method and cancels it with the signal', async () => {
    const controller = new AbortController();
    const seen: Progress[] = [];
    const error = await client()
      .call('report.build', { year: 2025 }, {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p);
          if (seen.length === 3) controller.abort();
        },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CANCELLED' });
    expect(seen.slice(0, 3).map((p) => p.phase)).toEqual(['报送包', '报送包', '报送包']);
    await expect.poll(() => stopped, { timeout: 10_000 }).toBe(1);
  });
});

describe('the desktop client', () => {
  it('passes calls to the preload bridge and turns an aborted signal into cancel(taskId)', async () => {
    const cancels: string[] = [];
    let finish: (r: CallReply) => void = () => {};
    const calls: { method: string; taskId: string }[] = [];
    const bridge: ApiBridge = {
      mode: 'desktop',
      call: (method, _input, taskId, onProgress) => {
        calls.push({ method, taskId });
        onProgress?.({ phase: '检查', done: 1, total: 2 });
        return new Promise((resolve) => (finish = resolve));
      },
      cancel: (taskId) => {
        cancels.push(taskId);
        finish({ ok: false, error: { code: 'CANCELLED', message: '操作已取消，未写入任何内容。', issues: [] } });
      },
    };
    const controller = new AbortController();
    const progress: Progress[] = [];
    const pending = desktopClient(bridge).call('check.run', {}, { signal: controller.signal, onProgress: (p) => progress.push(p) });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(cancels).toEqual([calls[0]!.taskId]);
    expect(progress).toEqual([{ phase: '检查', done: 1, total: 2 }]);

    const ok = desktopClient({ ...bridge, call: async () => ({ ok: true, value: 42 }) });
    expect(await ok.call('attachments.url', { id: 1 })).toBe(42);
  });
});
