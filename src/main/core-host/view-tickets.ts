// The desktop's attachment links name who asked for them: attachments.url (role-checked, signed in)
// gives app://sanwu/attachments/ID?v=TICKET, and the file is served only for a ticket issued for that
// attachment, its view logged under the viewer the ticket names (利用). A ticket remembers the sign-in
// it was issued under (the host serves it only while that lasts). Links live at most as long as the
// archive stays open; the oldest are forgotten beyond a bound.
import { randomBytes } from 'node:crypto';

const KEEP = 10_000;

export interface ViewTicket {
  viewer: string;
  /** the session the link was given to (none when the archive has no accounts) */
  session?: string;
}

export class ViewTickets {
  readonly #tickets = new Map<string, ViewTicket & { attachmentId: number }>();

  issue(attachmentId: number, viewer: string, session?: string): string {
    const ticket = randomBytes(16).toString('base64url');
    this.#tickets.set(ticket, { attachmentId, viewer, ...(session === undefined ? {} : { session }) });
    if (this.#tickets.size > KEEP) this.#tickets.delete(this.#tickets.keys().next().value!);
    return ticket;
  }

  /** Who the ticket was issued to, under which sign-in: for this attachment only. */
  get(attachmentId: number, ticket: string | undefined): ViewTicket | undefined {
    const t = ticket === undefined ? undefined : this.#tickets.get(ticket);
    return t?.attachmentId === attachmentId ? { viewer: t.viewer, session: t.session } : undefined;
  }

  clear(): void {
    this.#tickets.clear();
  }
}
