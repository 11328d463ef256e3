// `sanwu serve` rebuilds the renderer only when it is missing or older than its sources.
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRenderer, rendererStale } from '../../src/main/transports/http/renderer-build';
import { tempDir } from '../helpers/archive';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const touch = (path: string, secondsAgo: number) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
  const t = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, t, t);
};

describe('the renderer build on start', () => {
  it('is needed when out/renderer is missing', () => {
    touch(join(tmp.dir, 'src/renderer/src/App.tsx'), 100);
    expect(rendererStale(tmp.dir)).toBe(true);
  });

  it('is not needed when the build is newer than every source', () => {
    touch(join(tmp.dir, 'out/renderer/index.html'), 50);
    expect(rendererStale(tmp.dir)).toBe(false);
  });

  it('is needed again when a renderer or shared source changes', () => {
    touch(join(tmp.dir, 'src/shared/api.ts'), 10);
    expect(rendererStale(tmp.dir)).toBe(true);
  });

  it('is never needed in an installed copy without sources', () => {
    const installed = join(tmp.dir, 'installed');
    touch(join(installed, 'out/renderer/index.html'), 1000);
    expect(rendererStale(installed)).toBe(false);
  });
});

describe('the renderer build itself', () => {
  it('is the production React bundle even when the caller runs under NODE_ENV=test', async () => {
    expect(process.env.NODE_ENV).toBe('test');
    const out = join(tmp.dir, 'build', 'renderer');
    await buildRenderer(join(import.meta.dirname, '../..'), () => {}, out);
    expect(process.env.NODE_ENV).toBe('test');
    const js = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    // development JSX calls jsxDEV, which the production React runtime does not have
    for (const f of js) expect(readFileSync(join(out, 'assets', f), 'utf8')).not.toContain('jsxDEV');
  }, 180_000);
});
