// Progress events at most every `ms` (plus every final one), so a fast loop does not flood a transport.
import type { Progress } from '../../shared/domain';

export const PROGRESS_EVERY_MS = 100;

export function throttleProgress(send: (p: Progress) => void, ms = PROGRESS_EVERY_MS): (p: Progress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (p.done < p.total && now - last < ms) return;
    last = now;
    send(p);
  };
}
