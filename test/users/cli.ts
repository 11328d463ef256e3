// `sanwu` in-process as a user of an archive with accounts: --as and SANWU_PASSWORD, no terminal.
import { runCli } from '../../src/main/cli/main';
import type { CliRun } from '../cli/fake-io';
import { fixedClock } from '../helpers/archive';

export async function sanwuAs(cwd: string, argv: string[], user?: string, password?: string, env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...argv, ...(user ? ['--as', user] : [])], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { SANWU_ACTOR: 'os-user', SANWU_ANCHOR_DIR: process.env.SANWU_ANCHOR_DIR, ...(password ? { SANWU_PASSWORD: password } : {}), ...env },
    cwd,
    clock: fixedClock(),
    signal: new AbortController().signal,
  });
  return { code, stdout, stderr };
}
