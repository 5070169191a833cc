import { createHash, randomBytes } from 'node:crypto';

/** How long an emailed invitation works. */
export const invitationLifetimeDays = 14;

/** A fresh invitation token and the hash we keep of it (a leaked database gives no working invitations). */
export function newInvitationToken() {
  const token = randomBytes(24).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const invitationUrl = (appUrl: string, slug: string, token: string) =>
  `${appUrl}/invite/${encodeURIComponent(slug)}/${token}`;
