// The browser-mode client: POST /api/<method> with JSON. Long methods answer with a server-sent event
// stream (progress events, then the reply); aborting the fetch closes it, which cancels the task.
import type { Api, CallReply, TaskEvent } from '../../../shared/api';
import type { Progress } from '../../../shared/domain';
import { cancelled, SanwuError } from '../../../shared/errors';
import { unwrap } from './wire';

/** `base` and `headers` stay empty in the page (same origin, session cookie); tests pass the server and token. */
export function browserClient(base = '', headers: Record<string, string> = {}): Api {
  return {
    mode: 'browser',
    async call(method, input, options = {}) {
      const { signal, onProgress } = options;
      try {
        const res = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
          signal,
        });
        if (res.status === 401 || res.status === 403) {
          throw new SanwuError('USAGE', '浏览器模式的访问凭据无效或已过期。请重新打开 sanwu serve 打印的链接。');
        }
        const isStream = (res.headers.get('content-type') ?? '').startsWith('text/event-stream');
        const reply = isStream && res.body ? await readEvents(res.body, onProgress) : ((await res.json()) as CallReply);
        return unwrap(reply);
      } catch (e) {
        if (signal?.aborted) throw cancelled();
        if (e instanceof SanwuError) throw e;
        throw new SanwuError('INTERNAL', `无法连接到 sanwu serve：${(e as Error).message}。请确认命令行窗口里的 sanwu serve 仍在运行。`);
      }
    },
  };
}

async function readEvents(body: ReadableStream<Uint8Array>, onProgress?: (p: Progress) => void): Promise<CallReply> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const chunk = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = chunk
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trimStart())
        .join('\n');
      if (!data) continue;
      const event = JSON.parse(data) as TaskEvent;
      if (event.type === 'progress') onProgress?.(event.progress);
      else return event.reply;
    }
  }
  throw new SanwuError('INTERNAL', '与 sanwu serve 的连接中断，任务结果未知。请刷新页面查看档案是否已变化。');
}
