// Runs `sanwu` in-process with captured streams.
import { runCli } from '../../src/main/cli/main';
import type { CliIO } from '../../src/main/cli/io';
import { fixedClock } from '../helpers/archive';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function sanwu(argv: string[], cwd: string = process.cwd(), signal: AbortSignal = new AbortController().signal): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { SANWU_ACTOR: 'cli-test', SANWU_ANCHOR_DIR: process.env.SANWU_ANCHOR_DIR },
    cwd,
    clock: fixedClock(),
    signal,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
