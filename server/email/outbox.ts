import { desc } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { outboxEmails } from '~/db/schema';

export type OutgoingEmail = { to: string; subject: string; text: string; html?: string };

export async function storeInOutbox(tx: Tx, email: OutgoingEmail) {
  await tx
    .insert(outboxEmails)
    .values({ to: email.to, subject: email.subject, text: email.text, html: email.html });
}

export function listOutbox(tx: Tx, limit = 50) {
  return tx.select().from(outboxEmails).orderBy(desc(outboxEmails.createdAt)).limit(limit);
}
