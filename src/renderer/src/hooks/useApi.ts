// Loads one API call's result for the page, with loading/error state and a reload.
import { useCallback, useLayoutEffect, useMemo, useState } from 'react';
import { api, type ApiInput, type ApiMethod, type ApiOutput } from '../api';

export interface Loaded<T> {
  /** the last result; kept while a new one loads, so tables do not flash empty */
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

interface Settled<T> {
  request: string | null;
  data: T | undefined;
  error: unknown;
}

/** `input` null skips the call (e.g. until a record is chosen). Re-runs when the input's JSON changes. Read methods only. */
export function useApi<M extends ApiMethod>(method: M, input: ApiInput<M> | null): Loaded<ApiOutput<M>> {
  const [tick, setTick] = useState(0);
  const [settled, setSettled] = useState<Settled<ApiOutput<M>>>({ request: null, data: undefined, error: null });
  const key = input === null ? null : JSON.stringify(input);
  const request = key === null ? null : `${method}#${tick}#${key}`;

  // Sent as soon as the page renders with a new request, not after the render is committed: the server
  // works while the page draws its loading state (a read, so a render React discards costs one spare call).
  const reply = useMemo(() => {
    if (key === null || request === null) return null;
    const sent = api.call(method, JSON.parse(key) as ApiInput<M>);
    sent.catch(() => undefined); // reported by the effect below; a discarded render's call fails silently
    return sent;
  }, [method, key, request]);

  useLayoutEffect(() => {
    if (reply === null || request === null) return;
    let current = true;
    reply.then(
      (data) => current && setSettled({ request, data, error: null }),
      (error: unknown) => current && setSettled((s) => ({ request, data: s.data, error })),
    );
    return () => {
      current = false;
    };
  }, [reply, request]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const loading = request !== null && settled.request !== request;
  return { data: settled.data, loading, error: loading ? null : settled.error, reload };
}
