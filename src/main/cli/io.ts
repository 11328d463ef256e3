// What a command may touch of the process: streams, environment, clock, cancellation.
import type { Progress } from '../../shared/domain';
import type { Clock } from '../core/context';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  clock: Clock;
  /** aborted on Ctrl+C */
  signal: AbortSignal;
  /** asks on the terminal (typing hidden when `secret`); absent when there is no terminal */
  prompt?: (question: string, options?: { secret?: boolean }) => Promise<string | null>;
}

/** Progress lines on stderr, at most every 200 ms and always the last one. */
export function progressToStderr(io: CliIO): (p: Progress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (p.done < p.total && now - last < 200) return;
    last = now;
    const pct = p.total > 0 ? ` ${Math.floor((100 * p.done) / p.total)}%` : '';
    io.stderr(`[${p.phase}] ${p.done}/${p.total}${pct}${p.message ? ` ${p.message}` : ''}\n`);
  };
}

export function printJson(io: CliIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
