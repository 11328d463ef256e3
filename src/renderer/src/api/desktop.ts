// The desktop client: the preload's bridge, with AbortSignal turned into cancel(taskId) and the
// signed-in session sent with every call.
import type { Api, ApiBridge } from '../../../shared/api';
import { cancelled } from '../../../shared/errors';
import { credentials } from './credentials';
import { unwrap } from './wire';

export function desktopClient(bridge: ApiBridge, session: () => string | undefined = credentials.session): Api {
  return {
    mode: 'desktop',
    async call(method, input, options = {}) {
      const { signal, onProgress } = options;
      if (signal?.aborted) throw cancelled();
      const taskId = crypto.randomUUID();
      const onAbort = () => bridge.cancel(taskId);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return unwrap(await bridge.call(method, input ?? {}, taskId, onProgress, session()));
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
