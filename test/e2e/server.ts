// Runs `sanwu serve` on an archive as a detached child (its own process group) and stops the whole group.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '../..');
const STARTUP_MS = 150_000;

export interface Served {
  url: string;
  origin: string;
  token: string;
  stop: () => Promise<void>;
}

/** `dir`: an archive folder or a postgres:// URL; `env` adds to the process environment. */
export async function serve(dir: string, env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/sanwu.js'), 'serve', '--db', dir, '--port', '0'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // vitest sets NODE_ENV=test, which would make serve's renderer build a React development build
    env: { ...process.env, ...env, NODE_ENV: 'production' },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  // the first start builds the renderer: generous on a loaded machine, but never left running on failure
  const firstLine = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopGroup(child);
      reject(new Error(`sanwu serve printed no URL within ${STARTUP_MS / 1000} s:\n${stderr}`));
    }, STARTUP_MS);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sanwu serve exited with ${code}:\n${stderr}`));
    });
  });
  const url = new URL(firstLine.trim());
  return { url: url.href, origin: url.origin, token: url.searchParams.get('token') ?? '', stop: () => stopGroup(child) };
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}
