import type { Actor } from '../access/actor';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import {
  invitations,
  memberships,
  roles,
  schoolBoundRoles,
  schools,
  users,
  type Role,
  type TenantKind,
} from '~/db/schema';
import { DomainError } from '../errors/domain-error';
import { queueEmail } from '../email/send-email';
import { roleLabelIn, roleLabels } from '../workspaces/role-labels';
import { invitationLifetimeDays, invitationUrl, newInvitationToken } from './invitation-token';
import { emailOf } from '../email/templates';
import { placeholderName } from '../format/person-name';

export const ZInvitePersonInput = z.object({
  email: z
    .email({ message: 'Enter an email address like name@example.org.' })
    .transform((e) => e.toLowerCase()),
  name: z.string().trim().max(120).optional(),
  role: z.enum(roles, { message: 'Choose a role.' }),
  schoolId: z
    .uuid({ message: 'Choose a school.' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
export type TInvitePersonInput = z.infer<typeof ZInvitePersonInput>;

/** Who invites, to which workspace (a tenant manager, or a platform administrator for a first manager). */
export type Inviter = {
  tenantId: string;
  slug: string;
  workspaceName: string;
  userId: string;
  appUrl: string;
  /** The person inviting, named in the email so it does not read like a stranger's (none from the platform). */
  inviterName?: string;
  /** The workspace's kind, whose words the email uses for the role. */
  kind: TenantKind;
};

/** A member of the workspace inviting someone to it. */
export const inviterOf = (actor: Actor): Inviter => ({
  tenantId: actor.tenantId,
  slug: actor.slug,
  workspaceName: actor.name,
  userId: actor.userId,
  appUrl: actor.appUrl,
  inviterName: actor.user.name,
  kind: actor.kind,
});

export const isSchoolBound = (role: Role) => (schoolBoundRoles as readonly Role[]).includes(role);

/**
 * Invites a person by email to the workspace in a role (school roles at one of its schools). Creates their
 * account if they have none (it is used only once they open the link), withdraws any open invitation of
 * theirs for the same role and school (so a resend leaves one working link), and emails the link.
 */
export async function invitePerson(
  tx: Tx,
  inviter: Inviter,
  input: TInvitePersonInput,
  /** Why they are invited, in a sentence the email adds (an induction tutor named at an ECT's registration). */
  why?: string,
) {
  const schoolName = await checkRoleAndSchool(tx, input.role, input.schoolId);
  const user = await findOrCreateUser(tx, input.email, input.name);
  const existing = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, inviter.tenantId),
        eq(memberships.userId, user.id),
        eq(memberships.role, input.role),
        input.schoolId ? eq(memberships.schoolId, input.schoolId) : isNull(memberships.schoolId),
      ),
    );
  if (existing.length > 0)
    throw new DomainError({
      code: 'CONFLICT',
      field: 'email',
      message: `${input.email} already has this role${schoolName ? ` at ${schoolName}` : ''}.`,
    });
  await withdrawOpenInvitations(tx, input.email, input.role, input.schoolId ?? null);
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(Date.now() + invitationLifetimeDays * 24 * 60 * 60 * 1000);
  const [invitation] = await tx
    .insert(invitations)
    .values({
      tenantId: inviter.tenantId,
      email: input.email,
      role: input.role,
      schoolId: input.schoolId ?? null,
      tokenHash,
      invitedBy: inviter.userId,
      expiresAt,
    })
    .returning({ id: invitations.id });
  if (!invitation) throw new Error('could not create the invitation');
  const url = invitationUrl(inviter.appUrl, inviter.slug, token);
  const what = `${roleLabelIn(inviter.kind, input.role)}${schoolName ? ` for ${schoolName}` : ''}`;
  await queueEmail(tx, {
    to: input.email,
    ...emailOf('notice', {
      subject: `You are invited to ${inviter.workspaceName} on Stride`,
      heading: `Join ${inviter.workspaceName} on Stride`,
      // A new account is named after its address until its person accepts and gives their name.
      recipientName: user.name === placeholderName(input.email) ? '' : user.name,
      paragraphs: [
        inviter.inviterName
          ? `${inviter.inviterName} has invited you to ${inviter.workspaceName} as ${what}.`
          : `You have been invited to ${inviter.workspaceName} as ${what}.`,
        ...(why ? [why] : []),
        `Open the link, sign in with this email address (${input.email}) and accept. The invitation works once and expires on ${expiresAt.toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' })}.`,
      ],
      action: { label: 'Accept the invitation', url },
      footnote: 'If you were not expecting this, you can ignore this email.',
    }),
  });
  return { invitationId: invitation.id, userId: user.id, email: input.email, expiresAt };
}

/** A school role needs one of this workspace's schools (row-level security finds no other); others need none. */
async function checkRoleAndSchool(tx: Tx, role: Role, schoolId: string | undefined): Promise<string | null> {
  if (!isSchoolBound(role)) {
    if (schoolId)
      throw new DomainError({
        code: 'BAD_REQUEST',
        field: 'schoolId',
        message: `${roleLabels[role]} is not tied to one school: leave the school empty.`,
      });
    return null;
  }
  if (!schoolId)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'schoolId',
      message: `Choose the school for a ${roleLabels[role].toLowerCase()}.`,
    });
  const [school] = await tx.select({ name: schools.name }).from(schools).where(eq(schools.id, schoolId));
  if (!school)
    throw new DomainError({
      code: 'NOT_FOUND',
      field: 'schoolId',
      message: 'That school is not in this workspace.',
    });
  return school.name;
}

async function findOrCreateUser(tx: Tx, email: string, name: string | undefined) {
  const [found] = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.email, email));
  if (found) return found;
  const [created] = await tx
    .insert(users)
    .values({ email, name: name || placeholderName(email) })
    .onConflictDoUpdate({ target: users.email, set: { email } })
    .returning({ id: users.id, name: users.name });
  if (!created) throw new Error('could not create the user');
  return created;
}

async function withdrawOpenInvitations(tx: Tx, email: string, role: Role, schoolId: string | null) {
  await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.email, email),
        eq(invitations.role, role),
        schoolId ? eq(invitations.schoolId, schoolId) : isNull(invitations.schoolId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
}
