// Runs a long API call (import, check, report) with progress and a cancel button's AbortController.
import { useCallback, useRef, useState } from 'react';
import { api, type ApiInput, type ApiMethod, type ApiOutput } from '../api';
import type { Progress } from '../../../shared/domain';
import { isCancelled } from '../errors';

export interface LongTask<M extends ApiMethod> {
  running: boolean;
  progress: Progress | null;
  result: ApiOutput<M> | undefined;
  error: unknown;
  /** true when the last run was cancelled by the user */
  cancelled: boolean;
  run: (input: ApiInput<M>) => Promise<ApiOutput<M> | undefined>;
  cancel: () => void;
  reset: () => void;
}

export function useLongTask<M extends ApiMethod>(method: M): LongTask<M> {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<ApiOutput<M>>();
  const [error, setError] = useState<unknown>(null);
  const [wasCancelled, setCancelled] = useState(false);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    async (input: ApiInput<M>) => {
      const ctl = new AbortController();
      controller.current = ctl;
      setRunning(true);
      setProgress(null);
      setError(null);
      setCancelled(false);
      setResult(undefined);
      try {
        const value = await api.call(method, input, { onProgress: setProgress, signal: ctl.signal });
        setResult(value);
        return value;
      } catch (e) {
        if (isCancelled(e)) setCancelled(true);
        else setError(e);
        return undefined;
      } finally {
        controller.current = null;
        setRunning(false);
      }
    },
    [method],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => {
    setResult(undefined);
    setError(null);
    setCancelled(false);
    setProgress(null);
  }, []);

  return { running, progress, result, error, cancelled: wasCancelled, run, cancel, reset };
}
