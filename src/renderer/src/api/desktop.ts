// The desktop client: the preload's bridge, with AbortSignal turned into cancel(taskId).
import type { Api, ApiBridge } from '../../../shared/api';
import { cancelled } from '../../../shared/errors';
import { unwrap } from './wire';

export function desktopClient(bridge: ApiBridge): Api {
  return {
    mode: 'desktop',
    async call(method, input, options = {}) {
      const { signal, onProgress } = options;
      if (signal?.aborted) throw cancelled();
      const taskId = crypto.randomUUID();
      const onAbort = () => bridge.cancel(taskId);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return unwrap(await bridge.call(method, input ?? {}, taskId, onProgress));
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
