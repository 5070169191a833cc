import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { invitations, memberships, schools, users } from '~/db/schema';
import type { SessionUser } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { linkRegisterEntries } from '../governance/link-register-entries';
import type { Tenant } from '../workspaces/find-tenant';
import { invitationState } from './manage-invitations';
import { hashInvitationToken } from './invitation-token';

/** A signed-in person and the workspace named by the link (see joiningProcedure). */
export type Joiner = {
  tenant: Pick<Tenant, 'id' | 'slug' | 'name' | 'kind'>;
  user: SessionUser;
  appUrl: string;
};

const notValid = () =>
  new DomainError({ code: 'NOT_FOUND', message: 'This invitation link is not valid. Ask for a new one.' });

/** Row-level security keeps the lookup to the workspace in the URL: another workspace's token finds nothing. */
async function findByToken(tx: Tx, token: string) {
  if (token.length < 16 || token.length > 200) throw notValid();
  const [row] = await tx
    .select({ invitation: invitations, schoolName: schools.name })
    .from(invitations)
    .leftJoin(schools, and(eq(schools.tenantId, invitations.tenantId), eq(schools.id, invitations.schoolId)))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  if (!row) throw notValid();
  return row;
}

/** What the invitation is for, for the page the link opens. */
export async function previewInvitation(tx: Tx, joiner: Joiner, input: { token: string }) {
  const { invitation, schoolName } = await findByToken(tx, input.token);
  return {
    workspaceName: joiner.tenant.name,
    workspaceKind: joiner.tenant.kind,
    slug: joiner.tenant.slug,
    email: invitation.email,
    role: invitation.role,
    schoolName,
    expiresAt: invitation.expiresAt,
    state: invitationState(invitation),
    forSignedInUser: invitation.email === joiner.user.email.toLowerCase(),
  };
}

export const ZAcceptInvitationInput = z.object({
  // Any string: a malformed token is answered like an unknown one ("not valid"), never as a validation error.
  token: z.string(),
  /**
   * The person's name as it goes on their bookings, certificates and letters: an invitation often names nobody,
   * and until then the account is known by its email address.
   */
  name: z.string().trim().min(2, 'Enter your name.').max(120).optional(),
});

/**
 * Accepts an invitation for the signed-in person: it must be theirs (same email address), not used, withdrawn
 * or expired. Creates the membership and marks the invitation used, both or neither.
 */
export async function acceptInvitation(
  tx: Tx,
  joiner: Joiner,
  input: z.output<typeof ZAcceptInvitationInput>,
) {
  const { invitation } = await findByToken(tx, input.token);
  const state = invitationState(invitation);
  if (state === 'accepted')
    throw new DomainError({ code: 'CONFLICT', message: 'This invitation has already been used.' });
  if (state === 'withdrawn')
    throw new DomainError({
      code: 'CONFLICT',
      message: 'This invitation was withdrawn or replaced by a newer one.',
    });
  if (state === 'expired')
    throw new DomainError({ code: 'CONFLICT', message: 'This invitation has expired. Ask for a new one.' });
  if (invitation.email !== joiner.user.email.toLowerCase())
    throw new DomainError({
      code: 'FORBIDDEN',
      message: `This invitation was sent to ${invitation.email}. Sign in with that address to accept it.`,
    });
  // Claim it first: of two clicks at once, one wins.
  const [claimed] = await tx
    .update(invitations)
    .set({ acceptedAt: new Date(), acceptedBy: joiner.user.id })
    .where(
      and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
    )
    .returning({ id: invitations.id, acceptedBy: invitations.acceptedBy });
  if (!claimed)
    throw new DomainError({ code: 'CONFLICT', message: 'This invitation has already been used.' });
  if (input.name) await tx.update(users).set({ name: input.name }).where(eq(users.id, joiner.user.id));
  const [membership] = await tx
    .insert(memberships)
    .values({
      tenantId: joiner.tenant.id,
      userId: joiner.user.id,
      role: invitation.role,
      schoolId: invitation.schoolId,
    })
    .onConflictDoNothing()
    .returning({ id: memberships.id });
  // A governor or clerk already on a board's register under this email is that register entry from now on.
  await linkRegisterEntries(tx, {
    tenantId: joiner.tenant.id,
    userId: joiner.user.id,
    email: joiner.user.email,
  });
  return {
    invitationId: invitation.id,
    membershipId: membership?.id ?? null,
    landing: `/${joiner.tenant.slug}`,
  };
}
