// `sanwu serve` from a fresh clone: build the renderer when it is missing or older than its sources.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SanwuError } from '../../../shared/errors';

const SOURCES = ['src/renderer', 'src/shared'];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when out/renderer is absent or a source file changed after it was built (never in a package without sources). */
export function rendererStale(projectRoot: string): boolean {
  const index = join(projectRoot, 'out/renderer/index.html');
  if (!existsSync(index)) return true;
  const sources = SOURCES.map((s) => join(projectRoot, s)).filter(existsSync);
  return sources.length > 0 && Math.max(...sources.map(newestMtime)) > statSync(index).mtimeMs;
}

/** Builds into a private folder, then swaps it in, so a concurrent server never serves half a build. */
/**
 * Vite and the React plugin read NODE_ENV, not the mode, to choose the production JSX transform and
 * React bundle; under vitest it is 'test'. It is set for the build only and restored after.
 */
async function productionBuild<T>(run: () => Promise<T>): Promise<T> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await run();
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

export async function buildRenderer(projectRoot: string, log: (line: string) => void, outDir = join(projectRoot, 'out/renderer')): Promise<string> {
  const tmp = join(dirname(outDir), `.renderer-${process.pid}`);
  log('正在构建界面（首次启动或界面代码有更新，约需半分钟）……');
  const { build } = await import('vite');
  try {
    await productionBuild(() =>
      build({ configFile: join(projectRoot, 'vite.web.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } }),
    );
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    const first = String((e as Error).message).split('\n', 1)[0];
    throw new SanwuError('INTERNAL', `界面构建失败（${first}）。请运行 npm run build:web 查看详情，修复后再启动 sanwu serve。`);
  }
  rmSync(outDir, { recursive: true, force: true });
  try {
    renameSync(tmp, outDir);
  } catch (e) {
    // another server finished its build first: use that one
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(join(outDir, 'index.html'))) throw e;
  }
  log('界面构建完成。');
  return outDir;
}
