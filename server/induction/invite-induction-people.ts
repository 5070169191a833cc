import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { invitations, memberships, users, type Role } from '~/db/schema';
import type { Actor } from '../access/actor';
import { invitePerson, inviterOf } from '../people/invite-person';

type Named = { name: string; email: string };

/**
 * The people an ECT's registration names are invited to the AB's workspace, so each can do their part on the
 * record: the induction tutor and the mentor as school staff at the school (reviews and assessments), the ECT
 * as an ECT (their own record and representations). Nobody is invited twice: not someone who already acts for
 * the school (its head naming themselves as tutor, say), not an ECT who already has access, not someone with
 * an invitation still open. Returns the addresses invited.
 */
export async function inviteInductionPeople(
  tx: Tx,
  actor: Actor,
  input: { schoolId: string; schoolName: string; ect: Named; tutor: Named; mentor: Named },
): Promise<string[]> {
  const wanted: { person: Named; role: Role; why: string }[] = [
    {
      person: input.tutor,
      role: 'school_staff',
      why: `You are ${input.ect.name}’s induction tutor at ${input.schoolName}: you submit their progress reviews and assessments on their induction record.`,
    },
    {
      person: input.mentor,
      role: 'school_staff',
      why: `You are ${input.ect.name}’s mentor at ${input.schoolName}: you can follow their induction record.`,
    },
    {
      person: input.ect,
      role: 'ect',
      why: `${input.schoolName} has registered your induction. Your record shows your reviews, assessments and the induction programme.`,
    },
  ];
  const emails = [...new Set(wanted.map((w) => w.person.email.toLowerCase()))];
  const [members, open] = await Promise.all([
    tx
      .select({ email: users.email, role: memberships.role, schoolId: memberships.schoolId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, actor.tenantId), inArray(users.email, emails))),
    tx
      .select({ email: invitations.email, role: invitations.role, schoolId: invitations.schoolId })
      .from(invitations)
      .where(
        and(
          eq(invitations.tenantId, actor.tenantId),
          inArray(invitations.email, emails),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      ),
  ]);
  // Already acting for the school (or the whole workspace), already an ECT here, or already invited.
  const hasAccess = (email: string, role: Role) =>
    members.some(
      (m) =>
        m.email === email &&
        (m.role === 'tenant_admin' ||
          (role === 'ect'
            ? m.role === 'ect'
            : m.schoolId === input.schoolId && (m.role === 'school_admin' || m.role === 'school_staff'))),
    ) ||
    open.some(
      (i) => i.email === email && i.role === role && (role === 'ect' || i.schoolId === input.schoolId),
    );
  const invited: string[] = [];
  for (const { person, role, why } of wanted) {
    const email = person.email.toLowerCase();
    if (invited.includes(email) || hasAccess(email, role)) continue;
    await invitePerson(
      tx,
      inviterOf(actor),
      { email, name: person.name, role, schoolId: input.schoolId },
      why,
    );
    invited.push(email);
  }
  return invited;
}
