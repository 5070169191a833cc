import { desc, eq, sql } from 'drizzle-orm';
import { withPlatform, type Db, type Tx } from '~/db/client';
import { outboxEmails, type EmailAttachmentRef } from '~/db/schema';

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Files rendered when the email is delivered (inside its tenant), e.g. an invoice's PDF. */
  attachments?: EmailAttachmentRef[];
};

/**
 * Runs fn with the outbox open across tenants (and to emails of no tenant), for delivery and the development
 * outbox only. Every other transaction sees just its own tenant's emails.
 */
export function withMailroom<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withPlatform(db, async (tx) => {
    await tx.execute(sql`select set_config('app.mailroom', 'on', true)`);
    return fn(tx);
  });
}

export async function storeInOutbox(tx: Tx, email: OutgoingEmail) {
  await tx.insert(outboxEmails).values({
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    attachments: email.attachments ?? [],
  });
}

export function listOutbox(tx: Tx, limit = 50) {
  return tx.select().from(outboxEmails).orderBy(desc(outboxEmails.createdAt)).limit(limit);
}

/** One attachment of an outbox email, rendered as it would be sent (the development outbox's download). */
export async function outboxAttachment(db: Db, emailId: string, index: number) {
  const [email] = await withMailroom(db, (tx) =>
    tx
      .select({ tenantId: outboxEmails.tenantId, attachments: outboxEmails.attachments })
      .from(outboxEmails)
      .where(eq(outboxEmails.id, emailId)),
  );
  const ref = email?.attachments[index];
  if (!email || !ref) return null;
  const { renderAttachments } = await import('./attachments');
  const [rendered] = await renderAttachments(db, email.tenantId, [ref]);
  return rendered ?? null;
}
