// Turning a transport's reply into the call's value or a SanwuError, the same for both transports.
import type { CallReply } from '../../../shared/api';
import { SanwuError } from '../../../shared/errors';

export function unwrap<T>(reply: CallReply): T {
  if (reply.ok) return reply.value as T;
  throw new SanwuError(reply.error.code, reply.error.message, reply.error.issues);
}
