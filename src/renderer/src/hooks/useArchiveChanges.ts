// Others' changes: polls archive.changes and calls `onChange` when the archive's newest change moves,
// so a list kept open while other clerks work (on the same server) refreshes itself.
import { useEffect, useRef } from 'react';
import { api } from '../api';

export const CHANGES_POLL_MS = 4000;

export function useArchiveChanges(onChange: () => void, everyMs = CHANGES_POLL_MS): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    let seen: number | null = null;
    let stopped = false;
    const poll = async (): Promise<void> => {
      try {
        const { seq } = await api.call('archive.changes', {});
        if (!stopped && seen !== null && seq !== seen) latest.current();
        seen = seq;
      } catch {
        // signed out, locked or offline for a moment: the next poll tries again
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), everyMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [everyMs]);
}
