// The desktop's attachment links name who asked for them: attachments.url (role-checked, signed in)
// gives app://sanwu/attachments/ID?v=TICKET, and the file is served only for a ticket issued for that
// attachment, its view logged under the viewer the ticket names (利用). Links live as long as the
// archive stays open; the oldest are forgotten beyond a bound.
import { randomBytes } from 'node:crypto';

const KEEP = 10_000;

export class ViewTickets {
  readonly #tickets = new Map<string, { attachmentId: number; viewer: string }>();

  issue(attachmentId: number, viewer: string): string {
    const ticket = randomBytes(16).toString('base64url');
    this.#tickets.set(ticket, { attachmentId, viewer });
    if (this.#tickets.size > KEEP) this.#tickets.delete(this.#tickets.keys().next().value!);
    return ticket;
  }

  /** Who the ticket was issued to, for this attachment only. */
  viewer(attachmentId: number, ticket: string | undefined): string | undefined {
    const t = ticket === undefined ? undefined : this.#tickets.get(ticket);
    return t?.attachmentId === attachmentId ? t.viewer : undefined;
  }

  clear(): void {
    this.#tickets.clear();
  }
}
