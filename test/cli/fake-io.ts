// Runs `sanwu` in-process with captured streams.
import { runCli } from '../../src/main/cli/main';
import type { CliIO } from '../../src/main/cli/io';
import type { Clock } from '../../src/main/core/context';
import { fixedClock } from '../helpers/archive';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function sanwu(argv: string[], cwd: string = process.cwd(), signal: AbortSignal = new AbortController().signal): Promise<CliRun> {
  return sanwuIn({ cwd, signal }, ...argv);
}

/** `sanwu` with more of the environment given: variables (e.g. XDG_CONFIG_HOME, where server archives keep their working folder), the clock. */
export async function sanwuIn(
  where: { cwd?: string; env?: NodeJS.ProcessEnv; clock?: Clock; signal?: AbortSignal },
  ...argv: string[]
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { SANWU_ACTOR: 'cli-test', SANWU_ANCHOR_DIR: process.env.SANWU_ANCHOR_DIR, ...where.env },
    cwd: where.cwd ?? process.cwd(),
    clock: where.clock ?? fixedClock(),
    signal: where.signal ?? new AbortController().signal,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
