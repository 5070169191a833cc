import { desc, eq, sql } from 'drizzle-orm';
import { withPlatform, type Db, type Tx } from '~/db/client';
import { outboxEmails } from '~/db/schema';
import { renderEmail } from './templates';

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

/**
 * The newest emails, for the development outbox. One not yet delivered has no body stored: it is rendered
 * here from its template (as delivery will render it), so the page shows every email the same way.
 */
export async function listOutbox(tx: Tx, limit = 50) {
  const rows = await tx.select().from(outboxEmails).orderBy(desc(outboxEmails.createdAt)).limit(limit);
  return Promise.all(
    rows.map(async (row) => {
      if (row.text !== null || !row.template) return { ...row, text: row.text ?? '' };
      const rendered = await renderEmail(row.template, row.props);
      return { ...row, text: rendered.text, html: rendered.html };
    }),
  );
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
