import { desc, sql } from 'drizzle-orm';
import { withPlatform, type Db, type Tx } from '~/db/client';
import { outboxEmails } from '~/db/schema';

export type OutgoingEmail = { to: string; subject: string; text: string; html?: string };

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
  await tx
    .insert(outboxEmails)
    .values({ to: email.to, subject: email.subject, text: email.text, html: email.html });
}

export function listOutbox(tx: Tx, limit = 50) {
  return tx.select().from(outboxEmails).orderBy(desc(outboxEmails.createdAt)).limit(limit);
}
