// The anchor key is made on first use. Several processes using it first at the same instant (the app,
// a CLI run, a second window) must all sign with one key: a later one replacing the file would leave
// the earlier ones' anchors 'unknown-key' for ever.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from '../helpers/archive';

const tmp = tempDir('sanwu-anchor-key-');
afterAll(() => tmp.cleanup());

const ANCHOR = join(import.meta.dirname, '../../src/main/core/audit-log/anchor.ts');
// waits for the shared start instant, then asks for the key's id
const CHILD = `
const { AnchorStore } = await import(${JSON.stringify(ANCHOR)});
const [dir, at] = process.argv.slice(1);
while (Date.now() < Number(at)) {}
process.stdout.write(new AnchorStore(dir).keyId());
`;

const keyIdIn = (dir: string, at: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD, dir, String(at)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
  });

it('processes making the key at the same instant all get the one key that stays', async () => {
  for (let round = 0; round < 3; round++) {
    const dir = join(tmp.dir, `profile-${round}`);
    // started together (tsx takes ~1 s to load), released at one instant
    const at = Date.now() + 4000;
    const ids = await Promise.all(Array.from({ length: 6 }, () => keyIdIn(dir, at)));
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(readFileSync(join(dir, 'anchor.key'), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(dir)).toEqual(['anchor.key']);
  }
}, 60_000);
