import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, gt, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { accounts, emailChanges, platformAuditLog, users, verificationTokens } from '~/db/schema';
import { queueEmail } from '../email/send-email';
import { emailOf } from '../email/templates';
import { DomainError } from '../errors/domain-error';
import { carrySignInAddress } from './carry-sign-in-address';
import { dateAndTime } from '../format/dates';
import { hasOwnName } from '../format/person-name';

/** How long the link sent to a new sign-in address works. */
export const signInAddressLinkLifetimeHours = 24;

/** How many changes one person may ask for in an hour: each emails an address they typed. */
export const signInAddressRequestsPerHour = 5;

/** The audit action of a request (the procedure's path), by which the hourly limit counts them. */
const requestAction = 'account.requestSignInAddressChange';

/** The audit action of a confirmed change, in the log of each workspace whose records it carried. */
const confirmAction = 'account.confirmSignInAddressChange';

export const ZRequestSignInAddressChangeInput = z.object({
  // Stored lower-cased, as users.email is (sign-in matches on it).
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(
      z
        .email({ message: 'Enter an email address, like name@school.org.uk.' })
        .max(320, 'An email address can be up to 320 characters.'),
    ),
});
export type TRequestSignInAddressChangeInput = z.infer<typeof ZRequestSignInAddressChangeInput>;

export const hashSignInAddressToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const signInAddressConfirmUrl = (appUrl: string, token: string) =>
  `${appUrl}/account/confirm-email?token=${encodeURIComponent(token)}`;

/** The person asking: who they are signed in as (their address is read from the account, not the session). */
type Person = { id: string };

const addressInUse = (what: string) =>
  new DomainError({
    code: 'CONFLICT',
    field: 'email',
    message: `${what} is already used by another Stride account. Use another address, or ask for that account to be closed first.`,
  });

/**
 * Asks to sign in with a new address: keeps the change (only its token's hash) until the link emailed to the
 * new address proves the person controls it, and tells the old address, so a change someone else asked for
 * from a session left open is seen. A new request replaces the one waiting. The address being used by another
 * account is said plainly: only a signed-in person can ask, at most a few times an hour.
 */
export async function requestSignInAddressChange(
  tx: Tx,
  person: Person,
  input: TRequestSignInAddressChangeInput,
  options: { appUrl: string; now?: Date },
) {
  const now = options.now ?? new Date();
  const [me] = await tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, person.id));
  if (!me) throw new DomainError({ code: 'NOT_FOUND', message: 'Your account could not be found.' });
  if (input.email === me.email)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'email',
      message: 'That is already the address you sign in with.',
    });
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, input.email), ne(users.id, person.id)));
  if (taken) throw addressInUse('That address');
  const [asked] = await tx
    .select({ n: count() })
    .from(platformAuditLog)
    .where(
      and(
        eq(platformAuditLog.actorUserId, person.id),
        eq(platformAuditLog.action, requestAction),
        gt(platformAuditLog.createdAt, new Date(now.getTime() - 60 * 60 * 1000)),
      ),
    );
  if ((asked?.n ?? 0) >= signInAddressRequestsPerHour)
    throw new DomainError({
      code: 'PRECONDITION_FAILED',
      message: `You have asked for ${signInAddressRequestsPerHour} changes of address in the past hour. Use the newest link, or try again later.`,
    });

  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + signInAddressLinkLifetimeHours * 60 * 60 * 1000);
  const change = {
    newEmail: input.email,
    tokenHash: hashSignInAddressToken(token),
    expiresAt,
    createdAt: now,
  };
  await tx
    .insert(emailChanges)
    .values({ userId: person.id, ...change })
    .onConflictDoUpdate({ target: emailChanges.userId, set: change });

  const recipientName = hasOwnName(me) ? me.name : '';
  const expires = dateAndTime(expiresAt);
  await queueEmail(tx, {
    to: input.email,
    ...emailOf('sign-in-address-confirm', {
      recipientName,
      newEmail: input.email,
      url: signInAddressConfirmUrl(options.appUrl, token),
      expiresAt: expires,
    }),
  });
  await queueEmail(tx, {
    to: me.email,
    ...emailOf('sign-in-address-requested', {
      recipientName,
      oldEmail: me.email,
      newEmail: input.email,
      expiresAt: expires,
    }),
  });
  return { newEmail: input.email, expiresAt };
}

/** The change the person has asked for and not yet confirmed, while its link still works; null if none. */
export async function pendingSignInAddressChange(tx: Tx, userId: string, now = new Date()) {
  const [pending] = await tx
    .select({ newEmail: emailChanges.newEmail, expiresAt: emailChanges.expiresAt })
    .from(emailChanges)
    .where(and(eq(emailChanges.userId, userId), gt(emailChanges.expiresAt, now)));
  return pending ?? null;
}

/** Withdraws the person's own waiting change (its link stops working); nothing waiting is not an error. */
export async function cancelSignInAddressChange(tx: Tx, person: Person) {
  const cancelled = await tx
    .delete(emailChanges)
    .where(eq(emailChanges.userId, person.id))
    .returning({ newEmail: emailChanges.newEmail });
  return { cancelled: cancelled.length > 0 };
}

/** A waiting change found by its link's token, locked until the transaction ends (a link works once). */
export type SignInAddressLink = { userId: string; newEmail: string; expiresAt: Date };

export async function findSignInAddressLink(tx: Tx, token: string): Promise<SignInAddressLink | null> {
  const [found] = await tx
    .select({
      userId: emailChanges.userId,
      newEmail: emailChanges.newEmail,
      expiresAt: emailChanges.expiresAt,
    })
    .from(emailChanges)
    .where(eq(emailChanges.tokenHash, hashSignInAddressToken(token)))
    .for('update');
  return found ?? null;
}

/** What the link's page shows before it is used: the address, and whether the link still works. */
export function describeSignInAddressLink(link: SignInAddressLink, now = new Date()) {
  return { newEmail: link.newEmail, expiresAt: link.expiresAt, expired: link.expiresAt <= now };
}

/**
 * Makes the proved address the one the person signs in with, in the caller's transaction: the account keeps its
 * id, so memberships, bookings and history stay theirs, and the records in their workspaces that name them by
 * the old address move to the new one (carrySignInAddress). Sign-in links still unused for the old address are
 * deleted (they would otherwise make a new account of it), and so are the Microsoft / Google identities linked
 * to the account, which belong to the old address: signing in with one for the new address links it again.
 * An expired link, or an address another account has taken meanwhile, changes nothing.
 */
export async function confirmSignInAddressChange(tx: Tx, link: SignInAddressLink, now = new Date()) {
  if (link.expiresAt <= now)
    throw new DomainError({
      code: 'PRECONDITION_FAILED',
      message: `This link expired on ${dateAndTime(link.expiresAt)}. Sign in with your current address and ask for a new one on Your account.`,
    });
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, link.newEmail), ne(users.id, link.userId)));
  if (taken) throw addressInUse(link.newEmail);
  const [before] = await tx
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, link.userId))
    .for('update');
  if (!before) throw new DomainError({ code: 'NOT_FOUND', message: 'The account could not be found.' });
  await tx.update(users).set({ email: link.newEmail, emailVerified: now }).where(eq(users.id, link.userId));
  await tx.delete(emailChanges).where(eq(emailChanges.userId, link.userId));
  await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, before.email));
  await tx.delete(accounts).where(eq(accounts.userId, link.userId));
  const carried = await carrySignInAddress(tx, {
    userId: link.userId,
    from: before.email,
    to: link.newEmail,
    action: confirmAction,
  });
  return { email: link.newEmail, previousEmail: before.email, carried };
}
