import { eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { withPlatform, type Db, type Tx } from '~/db/client';
import { outboxEmails } from '~/db/schema';
import { env } from '../env';
import { storeInOutbox, type OutgoingEmail } from './outbox';

let smtp: Transporter | undefined;
// With no SMTP server, nodemailer still builds the message; the JSON transport hands it back to us.
const outboxTransport = nodemailer.createTransport({ jsonTransport: true });

/** Hands one message to SMTP, or (no SMTP configured) builds it and prints it; says which. */
async function deliver(email: OutgoingEmail): Promise<'sent' | 'kept'> {
  const { SMTP_URL, EMAIL_FROM } = env();
  const message = { from: EMAIL_FROM, ...email };
  if (SMTP_URL) {
    smtp ??= nodemailer.createTransport(SMTP_URL);
    await smtp.sendMail(message);
    return 'sent';
  }
  await outboxTransport.sendMail(message);
  const firstLink = email.text.match(/https?:\/\/\S+/)?.[0];
  console.info(`[outbox] to ${email.to}: ${email.subject}${firstLink ? `\n  ${firstLink}` : ''}`);
  return 'kept';
}

/**
 * Sends an email now (sign-in links, which belong to no transaction). With no SMTP_URL it is kept in the
 * development outbox (viewable at /dev/outbox) and printed to the console.
 */
export async function sendEmail(db: Db, email: OutgoingEmail): Promise<void> {
  const status = await deliver(email);
  if (status === 'kept') await withPlatform(db, (tx) => storeInOutbox(tx, email));
}

/** Transactions that queued an email: only they need a delivery run after commit. */
const queuedIn = new WeakSet<Tx>();

/** Queues an email inside the caller's transaction: it goes only if the change that caused it commits. */
export async function queueEmail(tx: Tx, email: OutgoingEmail): Promise<void> {
  await tx.insert(outboxEmails).values({ ...email, status: 'queued' });
  queuedIn.add(tx);
}

/** True when `tx` queued an email (so a request that queued none opens no second transaction to deliver). */
export const queuedEmailIn = (tx: Tx): boolean => queuedIn.has(tx);

/** Delivers queued emails after their transaction committed. Safe to run from several processes at once. */
export async function deliverQueuedEmails(db: Db, limit = 200): Promise<number> {
  return withPlatform(db, async (tx) => {
    const queued = await tx
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.status, 'queued'))
      .orderBy(outboxEmails.createdAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    for (const email of queued) {
      const status = await deliver({
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html ?? undefined,
      });
      await tx.update(outboxEmails).set({ status }).where(eq(outboxEmails.id, email.id));
    }
    return queued.length;
  });
}

/** How many emails wait for delivery (for health checks and tests). */
export async function countQueuedEmails(db: Db): Promise<number> {
  const [row] = await withPlatform(db, (tx) =>
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(outboxEmails)
      .where(eq(outboxEmails.status, 'queued')),
  );
  return row?.n ?? 0;
}
