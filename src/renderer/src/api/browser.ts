// The browser-mode client: POST /api/<method> with JSON and the headers x-sanwu-token and
// x-sanwu-session (never cookies). Long methods answer with a server-sent event stream (progress events,
// then the reply); aborting the fetch closes it, which cancels the task. Files (attachments, downloads)
// are fetched with the same headers into blobs.
import type { Api, CallReply, TaskEvent } from '../../../shared/api';
import type { Progress } from '../../../shared/domain';
import { cancelled, SanwuError } from '../../../shared/errors';
import { credentials } from './credentials';
import { unwrap } from './wire';

/** The page's token and session as request headers. */
export function pageHeaders(): Record<string, string> {
  const token = credentials.token();
  const session = credentials.session();
  return { ...(token ? { 'x-sanwu-token': token } : {}), ...(session ? { 'x-sanwu-session': session } : {}) };
}

const NO_TOKEN = new SanwuError('USAGE', '浏览器模式的访问凭据无效或已过期。请重新打开 sanwu serve 在命令行打印的完整链接。');

/** `base` stays empty in the page (same origin); tests pass the server. `headers`: the token and session to send. */
export function browserClient(base = '', headers: () => Record<string, string> = pageHeaders): Api {
  return {
    mode: 'browser',
    async call(method, input, options = {}) {
      const { signal, onProgress } = options;
      try {
        const res = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers() },
          body: JSON.stringify(input ?? {}),
          credentials: 'omit',
          signal,
        });
        if (res.status === 401 || res.status === 403) throw NO_TOKEN;
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

/** A file the page may show or save (/api/attachments/ID, /api/downloads/ID), fetched with the headers. */
export async function fetchFile(url: string, headers: () => Record<string, string> = pageHeaders): Promise<{ blob: Blob; name: string | null }> {
  const res = await fetch(url, { headers: headers(), credentials: 'omit' });
  if (!res.ok) {
    const text = await res.text();
    if (res.status === 401) credentials.signedOut(text);
    throw new SanwuError(res.status === 404 ? 'NOT_FOUND' : 'USAGE', text || `无法读取文件（${res.status}）。`);
  }
  return { blob: await res.blob(), name: fileName(res.headers.get('content-disposition')) };
}

/** The name in Content-Disposition: filename*=UTF-8''… (RFC 6266), else filename="…". */
function fileName(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]!);
  return /filename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
}
