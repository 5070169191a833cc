import { and, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { outboxEmails } from '~/db/schema';
import { DomainError } from '../errors/domain-error';
import { markEmailQueued } from './send-email';

/**
 * The manager sends a failed email again: it is queued afresh with its tries reset (the last error is kept
 * until it goes), and leaves after this change commits, through the email job like any other.
 */
export async function retryEmail(tx: Tx, input: { emailId: string }) {
  const [email] = await tx
    .select({ id: outboxEmails.id, status: outboxEmails.status })
    .from(outboxEmails)
    .where(eq(outboxEmails.id, input.emailId));
  if (!email) throw new DomainError({ code: 'NOT_FOUND', message: 'That email was not found.' });
  if (email.status !== 'failed') {
    throw new DomainError({ code: 'CONFLICT', message: 'Only an email that failed can be sent again.' });
  }
  await tx
    .update(outboxEmails)
    .set({ status: 'queued', attempts: 0 })
    .where(and(eq(outboxEmails.id, email.id), eq(outboxEmails.status, 'failed')));
  markEmailQueued(tx, email.id);
  return { id: email.id, status: 'queued' as const };
}
