import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db, Tx } from '~/db/client';
import { outboxEmails } from '~/db/schema';
import { env } from '../env';
import { renderAttachments, type RenderedAttachment } from './attachments';
import { withMailroom } from './outbox';
import { prepareEmail, renderEmail, type TemplatedEmail } from './templates';

/** How many times an email is tried before it is marked failed for the manager to see (pg-boss retries). */
export const emailAttempts = 5;

const transports = new Map<string, Transporter>();
// With no SMTP server, nodemailer still builds the message; the JSON transport hands it back to us.
const outboxTransport = nodemailer.createTransport({ jsonTransport: true });

/** Where email goes: an SMTP URL, or null for the development outbox. Jobs and tests may name their own. */
export type Mailer = { smtpUrl: string | null };
export const configuredMailer = (): Mailer => ({ smtpUrl: env().SMTP_URL ?? null });

/** A rendered message, as it is handed to nodemailer. */
type Message = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: RenderedAttachment[];
  headers?: Record<string, string>;
};

/** Hands one message to SMTP, or (no SMTP configured) builds it and prints it; says which. */
async function deliver(email: Message, mailer: Mailer): Promise<'sent' | 'kept'> {
  const message = { from: env().EMAIL_FROM, ...email };
  if (mailer.smtpUrl) {
    let smtp = transports.get(mailer.smtpUrl);
    if (!smtp) {
      // Fail fast: a send that cannot connect is retried by the email job rather than waited on.
      smtp = nodemailer.createTransport(mailer.smtpUrl, { connectionTimeout: 15_000, socketTimeout: 30_000 });
      transports.set(mailer.smtpUrl, smtp);
    }
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
export async function sendEmail(
  db: Db,
  email: TemplatedEmail & { attachments?: never; headers?: never },
): Promise<void> {
  const prepared = prepareEmail(email);
  const { html, text } = await renderEmail(prepared.template, prepared.props);
  const status = await deliver({ to: email.to, subject: prepared.subject, text, html }, configuredMailer());
  if (status === 'kept')
    await withMailroom(db, (tx) =>
      tx.insert(outboxEmails).values({ to: email.to, ...prepared, text, html, sentAt: sql`now()` }),
    );
}

/** The emails each transaction queued: only they need delivering once it commits. */
const queuedIn = new WeakMap<Tx, string[]>();

/**
 * Queues an email inside the caller's transaction: it goes only if the change that caused it commits. Only
 * the template's name, its props (checked against its schema) and the subject are stored: the body is
 * rendered when the email is delivered, outside this transaction. The row takes the transaction's tenant, so
 * the tenant's manager sees it (and its failures) on the jobs page.
 */
export async function queueEmail(tx: Tx, email: TemplatedEmail): Promise<void> {
  const id = randomUUID();
  await tx.insert(outboxEmails).values({
    id,
    to: email.to,
    ...prepareEmail(email),
    attachments: email.attachments ?? [],
    headers: email.headers ?? null,
    status: 'queued',
  });
  markEmailQueued(tx, id);
}

/** Notes that `tx` put an email (back) in the queue, so it is delivered once the transaction commits. */
export function markEmailQueued(tx: Tx, emailId: string): void {
  queuedIn.set(tx, [...(queuedIn.get(tx) ?? []), emailId]);
}

/** The ids of the emails `tx` queued (none: the request opens no second transaction to deliver). */
export const queuedEmailsIn = (tx: Tx): string[] => queuedIn.get(tx) ?? [];

export type DeliveryOutcome = 'sent' | 'kept' | 'not-queued';

/**
 * Delivers one queued email and marks it. A failed send counts an attempt and keeps the error; on the last
 * attempt the email is marked failed, and the error is rethrown so the job that called this is retried.
 * An email that is no longer queued (sent by an earlier attempt, failed, retried elsewhere) is left alone.
 */
export async function deliverOutboxEmail(
  db: Db,
  emailId: string,
  options: { mailer?: Mailer; lastAttempt: boolean },
): Promise<DeliveryOutcome> {
  const [email] = await withMailroom(db, (tx) =>
    tx
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.id, emailId), eq(outboxEmails.status, 'queued'))),
  );
  if (!email) return 'not-queued';
  // The row is not locked while SMTP talks (on PGlite a held transaction would stall the whole app); the
  // email queue lets one job per email be active at a time, and the marking below is conditional.
  try {
    // Rendered here, at delivery: the body from its template and props (an email queued before templates
    // were stored has its body already), the attachments inside the email's tenant.
    const body = email.template
      ? await renderEmail(email.template, email.props)
      : { text: email.text ?? '', html: email.html ?? undefined };
    const attachments = await renderAttachments(db, email.tenantId, email.attachments);
    const status = await deliver(
      {
        to: email.to,
        subject: email.subject,
        text: body.text,
        html: body.html,
        ...(attachments.length > 0 ? { attachments } : {}),
        ...(email.headers ? { headers: email.headers } : {}),
      },
      options.mailer ?? configuredMailer(),
    );
    // The body as sent is kept with the row (the development outbox and the jobs page show it).
    await withMailroom(db, (tx) =>
      tx
        .update(outboxEmails)
        .set({
          status,
          text: body.text,
          html: body.html ?? null,
          attempts: sql`${outboxEmails.attempts} + 1`,
          sentAt: sql`now()`,
          lastError: null,
        })
        .where(and(eq(outboxEmails.id, emailId), eq(outboxEmails.status, 'queued'))),
    );
    return status;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await withMailroom(db, (tx) =>
      tx
        .update(outboxEmails)
        .set({
          attempts: sql`${outboxEmails.attempts} + 1`,
          lastError: message.slice(0, 1000),
          status: options.lastAttempt ? 'failed' : 'queued',
        })
        .where(and(eq(outboxEmails.id, emailId), eq(outboxEmails.status, 'queued'))),
    );
    throw error;
  }
}

/** The ids of emails waiting to go, oldest first. */
export async function queuedEmailIds(
  db: Db,
  options: { tenantId?: string; ids?: readonly string[]; limit?: number } = {},
): Promise<string[]> {
  if (options.ids?.length === 0) return [];
  const rows = await withMailroom(db, (tx) =>
    tx
      .select({ id: outboxEmails.id })
      .from(outboxEmails)
      .where(
        and(
          eq(outboxEmails.status, 'queued'),
          options.tenantId ? eq(outboxEmails.tenantId, options.tenantId) : undefined,
          options.ids ? inArray(outboxEmails.id, [...options.ids]) : undefined,
        ),
      )
      .orderBy(asc(outboxEmails.createdAt))
      .limit(options.limit ?? 500),
  );
  return rows.map((r) => r.id);
}

/**
 * Delivers queued emails now, in this process, one try each (`tenantId`: that tenant's only; `ids`: just
 * those): where no job queue runs (tests, scripts). The app delivers through the pg-boss email job instead.
 * An email whose tries run out is marked failed.
 */
export async function drainEmails(
  db: Db,
  options: { mailer?: Mailer; tenantId?: string; ids?: readonly string[] } = {},
): Promise<number> {
  let delivered = 0;
  for (const id of await queuedEmailIds(db, { tenantId: options.tenantId, ids: options.ids })) {
    const [row] = await withMailroom(db, (tx) =>
      tx.select({ attempts: outboxEmails.attempts }).from(outboxEmails).where(eq(outboxEmails.id, id)),
    );
    const lastAttempt = (row?.attempts ?? 0) + 1 >= emailAttempts;
    const outcome = await deliverOutboxEmail(db, id, { mailer: options.mailer, lastAttempt }).catch(
      (error: unknown) => {
        console.error(`[email] ${id} not delivered:`, error instanceof Error ? error.message : error);
        return 'not-queued' as const;
      },
    );
    if (outcome !== 'not-queued') delivered += 1;
  }
  return delivered;
}

/** How many emails wait for delivery (for health checks and tests). */
export async function countQueuedEmails(db: Db): Promise<number> {
  const [row] = await withMailroom(db, (tx) =>
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(outboxEmails)
      .where(eq(outboxEmails.status, 'queued')),
  );
  return row?.n ?? 0;
}
