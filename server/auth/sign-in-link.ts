import { and, count, eq, gt } from 'drizzle-orm';
import { withPlatform, type Db } from '~/db/client';
import { verificationTokens } from '~/db/schema';
import { sendEmail } from '../email/send-email';
import { emailOf } from '../email/templates';

/** How many sign-in links one address may be sent in an hour while none of them is used. */
export const signInLinksPerHour = 5;

/**
 * Emails a sign-in link, unless the address has already been sent `signInLinksPerHour` links in the past hour that
 * nobody has used (opening a link uses it up). Anyone may ask for a link for any address, so without a limit the
 * form could flood someone's inbox and spoil the sender's reputation with their mail provider. The sign-in form
 * answers the same either way, so it still reveals nothing about the address.
 */
export async function sendSignInLink(
  db: Db,
  input: { identifier: string; url: string; now: Date; linkLifetimeSeconds: number },
): Promise<'sent' | 'limited'> {
  // next-auth stores a link's expiry, not when it was asked for: asked for within the hour ⇔ expiring later than
  // an hour ago plus its lifetime. The link being sent now is among them.
  const askedSince = new Date(input.now.getTime() + (input.linkLifetimeSeconds - 60 * 60) * 1000);
  const [asked] = await withPlatform(db, (tx) =>
    tx
      .select({ links: count() })
      .from(verificationTokens)
      .where(
        and(eq(verificationTokens.identifier, input.identifier), gt(verificationTokens.expires, askedSince)),
      ),
  );
  if ((asked?.links ?? 0) > signInLinksPerHour) {
    console.warn(
      `Sign-in link not sent: more than ${signInLinksPerHour} unused links in an hour for one address.`,
    );
    return 'limited';
  }
  const { host } = new URL(input.url);
  await sendEmail(db, { to: input.identifier, ...emailOf('magic-link', { url: input.url, host }) });
  return 'sent';
}
