// The main-process side of the core process: pending calls by task, progress routed to their caller,
// file look-ups for app://, and every pending call answered when the core process dies.
import type { CallReply } from '../../shared/api';
import type { Progress } from '../../shared/domain';
import { SanwuError, type ErrorPayload } from '../../shared/errors';
import type { ServedFile } from '../core/attachments/served';
import type { FileKind, FromCore, ToCore } from './protocol';

interface PendingCall {
  resolve: (reply: CallReply) => void;
  onProgress?: (p: Progress) => void;
}

interface PendingFile {
  resolve: (file: ServedFile) => void;
  reject: (e: SanwuError) => void;
}

export class CoreChannel {
  readonly #send: (m: ToCore) => void;
  readonly #calls = new Map<string, PendingCall>();
  readonly #files = new Map<string, PendingFile>();
  #nextFile = 0;
  #dead: ErrorPayload | null = null;
  onReveal: (path: string) => void = () => {};
  onReady: (archiveDir: string) => void = () => {};

  constructor(send: (m: ToCore) => void) {
    this.#send = send;
  }

  call(method: string, input: unknown, taskId: string, onProgress?: (p: Progress) => void, session?: string): Promise<CallReply> {
    if (this.#dead) return Promise.resolve({ ok: false, error: this.#dead });
    if (this.#calls.has(taskId)) {
      return Promise.resolve({ ok: false, error: { code: 'CONFLICT', message: `任务 ${taskId} 已在进行中。`, issues: [] } });
    }
    return new Promise((resolve) => {
      this.#calls.set(taskId, { resolve, onProgress });
      this.#send({ type: 'call', taskId, method, input, ...(session ? { session } : {}) });
    });
  }

  cancel(taskId: string): void {
    if (this.#calls.has(taskId)) this.#send({ type: 'cancel', taskId });
  }

  /** `ticket`: an attachment link's view ticket (attachments.url gave it). */
  file(kind: FileKind, id: string, ticket?: string): Promise<ServedFile> {
    if (this.#dead) return Promise.reject(new SanwuError(this.#dead.code, this.#dead.message));
    const requestId = String(++this.#nextFile);
    return new Promise((resolve, reject) => {
      this.#files.set(requestId, { resolve, reject });
      this.#send({ type: 'file', requestId, kind, id, ...(ticket ? { ticket } : {}) });
    });
  }

  receive(m: FromCore): void {
    switch (m.type) {
      case 'progress':
        this.#calls.get(m.taskId)?.onProgress?.(m.progress);
        break;
      case 'reply':
        this.#calls.get(m.taskId)?.resolve(m.reply);
        this.#calls.delete(m.taskId);
        break;
      case 'file': {
        const pending = this.#files.get(m.requestId);
        this.#files.delete(m.requestId);
        if (m.file) pending?.resolve(m.file);
        else pending?.reject(new SanwuError(m.error?.code ?? 'NOT_FOUND', m.error?.message ?? '文件不存在。'));
        break;
      }
      case 'reveal':
        this.onReveal(m.path);
        break;
      case 'ready':
        this.onReady(m.archiveDir);
        break;
      case 'failed':
        this.fail(m.error);
        break;
    }
  }

  /** The core process cannot answer any more: every waiting caller gets this error. */
  fail(error: ErrorPayload): void {
    this.#dead = error;
    for (const c of this.#calls.values()) c.resolve({ ok: false, error });
    for (const f of this.#files.values()) f.reject(new SanwuError(error.code, error.message));
    this.#calls.clear();
    this.#files.clear();
  }
}
