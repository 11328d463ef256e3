// `sanwu serve` as a user runs it: the URL with its token is the first stdout line, the token is
// required, and SIGTERM stops it cleanly. The child runs in its own process group, killed in any case.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { tempArchive } from '../helpers/archive';
import { request } from './http';
import { closeArchive } from '../../src/main/core/archive';

const root = join(import.meta.dirname, '../..');
let child: ChildProcess | null = null;

afterAll(() => {
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
});

describe('sanwu serve', () => {
  it('prints the URL first, guards it with the token and stops on SIGTERM', { timeout: 240_000 }, async () => {
    const archive = await tempArchive();
    const dir = archive.ctx.paths.dir;
    // the server opens it itself
    await closeArchive(archive.ctx);
    child = spawn(process.execPath, [join(root, 'bin/sanwu.js'), 'serve', '--db', dir, '--port', '0'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child!.stdout! }).once('line', resolve);
      child!.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    const match = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{32})$/.exec(first);
    expect(match, first).not.toBeNull();
    const port = Number(match![1]);
    expect((await request(port, '/api/app.info', { body: {} })).status).toBe(401);
    const page = await request(port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root"></div>');
    const info = await request(port, '/api/app.info', { body: {}, headers: { 'X-Sanwu-Token': match![2]! } });
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { office: { name: '幸福路街道' }, mode: 'browser' } });

    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('已停止');
    await expect(request(port, '/')).rejects.toThrow();
    rmSync(archive.dir, { recursive: true, force: true });
  });
});
