// Turning a transport's reply into the call's value or a SanwuError, the same for both transports. A
// refusal for want of a session (expired, signed out elsewhere) sends the page back to signing in.
import type { CallReply } from '../../../shared/api';
import { SanwuError } from '../../../shared/errors';
import { credentials } from './credentials';

export function unwrap<T>(reply: CallReply): T {
  if (reply.ok) return reply.value as T;
  if (reply.error.code === 'AUTH_REQUIRED') credentials.signedOut(reply.error.message);
  throw new SanwuError(reply.error.code, reply.error.message, reply.error.issues);
}
