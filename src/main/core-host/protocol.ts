// Messages between the Electron main process and the core process that owns the archive.
import type { CallReply } from '../../shared/api';
import type { Progress } from '../../shared/domain';
import type { ErrorPayload } from '../../shared/errors';
import type { ServedFile } from '../core/attachments/served';

export type FileKind = 'attachments' | 'downloads';

export type ToCore =
  | { type: 'call'; taskId: string; method: string; input: unknown; session?: string }
  | { type: 'cancel'; taskId: string }
  | { type: 'file'; requestId: string; kind: FileKind; id: string; ticket?: string };

export type FromCore =
  | { type: 'ready'; archiveDir: string }
  | { type: 'failed'; error: ErrorPayload }
  | { type: 'progress'; taskId: string; progress: Progress }
  | { type: 'reply'; taskId: string; reply: CallReply }
  | { type: 'file'; requestId: string; file: ServedFile | null; error?: ErrorPayload }
  | { type: 'reveal'; path: string };

/** Either end of the channel: utilityProcess's parentPort, or a MessagePort in tests. */
export interface CorePort {
  postMessage(message: FromCore): void;
  onMessage(listener: (message: ToCore) => void): void;
}
