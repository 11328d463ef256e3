// `sanwu serve --db DIR [--port N]`: browser mode on 127.0.0.1. The first stdout line is the URL with
// its token; progress and the request log go to stderr. Ctrl+C or SIGTERM closes cleanly.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SanwuError } from '../../../shared/errors';
import { buildRenderer, rendererStale } from '../../transports/http/renderer-build';
import { startServer } from '../../transports/http/server';
import { closeArchive } from '../../core/archive';
import type { ArchiveContext } from '../../core/context';
import { archiveDir, openNamedArchive, type Command } from '../command';
import { appVersion, PROJECT_ROOT } from '../contract';


function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SanwuError('USAGE', `--port 应为 0–65535 之间的整数（0 表示自动选择），不是“${raw}”。`);
  return port;
}

/** A failed rebuild keeps serving the previous build, saying so; with no build at all it is an error. */
async function buildOrKeep(rendererDir: string, log: (line: string) => void): Promise<void> {
  try {
    await buildRenderer(PROJECT_ROOT, log);
  } catch (e) {
    if (!existsSync(join(rendererDir, 'index.html'))) throw e;
    log(`警告：${(e as Error).message} 暂时沿用上一次构建的界面。`);
  }
}

const command: Command = {
  summary: '浏览器模式：在本机 127.0.0.1 上提供界面',
  usage: 'sanwu serve --db DIR|postgres://… [--port N]',
  flags: { db: { type: 'string' }, port: { type: 'string' } },
  async run(args, io) {
    const port = parsePort(args.flags.port as string | undefined);
    const log = (line: string) => io.stderr(`${line}\n`);
    const version = appVersion();
    const ctx = await openNamedArchive(args, io);
    // a restore from the page replaces the archive: the server then serves the one it reopened
    let served: () => Promise<ArchiveContext> = () => Promise.resolve(ctx);
    try {
      const rendererDir = join(PROJECT_ROOT, 'out/renderer');
      if (rendererStale(PROJECT_ROOT)) await buildOrKeep(rendererDir, log);
      const server = await startServer({ ctx, reopen: () => openNamedArchive(args, io), location: archiveDir(args, io), rendererDir, version, port });
      served = server.archive;
      io.stdout(`${server.url}\n`);
      log(`三务档案浏览器模式已启动（档案库 ${ctx.paths.server ?? ctx.paths.dir}）。请在浏览器中打开上面的链接；按 Ctrl+C 退出。`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        if (io.signal.aborted) return resolve();
        io.signal.addEventListener('abort', stop, { once: true });
        process.once('SIGTERM', stop);
      });
      await server.close();
      log('已停止。');
      return 0;
    } finally {
      await closeArchive(await served());
    }
  },
};
export default command;
