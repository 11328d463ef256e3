// Turns whatever a call threw into the shared error payload, so every page shows errors the same way.
import type { ErrorPayload } from '../../shared/errors';

export function toPayload(error: unknown): ErrorPayload {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const e = error as Partial<ErrorPayload> & { message: string };
    return { code: e.code ?? 'INTERNAL', message: e.message, issues: Array.isArray(e.issues) ? e.issues : [] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `操作失败：${message}`, issues: [] };
}

export function isCancelled(error: unknown): boolean {
  return toPayload(error).code === 'CANCELLED' || (error instanceof DOMException && error.name === 'AbortError');
}
