import nodemailer, { type Transporter } from 'nodemailer';
import { withPlatform, type Db } from '~/db/client';
import { env } from '../env';
import { storeInOutbox, type OutgoingEmail } from './outbox';

let smtp: Transporter | undefined;
// With no SMTP server, nodemailer still builds the message; the JSON transport hands it back to us.
const outboxTransport = nodemailer.createTransport({ jsonTransport: true });

/**
 * Sends an email through SMTP when SMTP_URL is set; otherwise builds it with nodemailer and keeps it
 * in the development outbox (viewable at /dev/outbox) and prints it to the console.
 */
export async function sendEmail(db: Db, email: OutgoingEmail): Promise<void> {
  const { SMTP_URL, EMAIL_FROM } = env();
  const message = { from: EMAIL_FROM, ...email };
  if (SMTP_URL) {
    smtp ??= nodemailer.createTransport(SMTP_URL);
    await smtp.sendMail(message);
    return;
  }
  await outboxTransport.sendMail(message);
  await withPlatform(db, (tx) => storeInOutbox(tx, email));
  const firstLink = email.text.match(/https?:\/\/\S+/)?.[0];
  console.info(`[outbox] to ${email.to}: ${email.subject}${firstLink ? `\n  ${firstLink}` : ''}`);
}
