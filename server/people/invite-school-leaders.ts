import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { memberships, schoolContacts, schools, users } from '~/db/schema';
import { DomainError } from '../errors/domain-error';
import { invitePerson, type Inviter } from './invite-person';

export const ZInviteSchoolLeadersInput = z.object({
  schoolIds: z.array(z.uuid()).min(1, 'Choose at least one school.').max(500),
  contactRoles: z
    .array(z.enum(['headteacher', 'business_manager']))
    .min(1, 'Choose headteachers, school business managers or both.'),
});

/**
 * The headteachers and school business managers kept in the schools' contacts (since the GIAS import) who
 * have an email address, with whether each already has access: the list the bulk invitation picks from.
 */
export async function listSchoolLeaderContacts(tx: Tx, inviter: Pick<Inviter, 'tenantId'>) {
  const rows = await tx
    .select({
      contactId: schoolContacts.id,
      schoolId: schools.id,
      schoolName: schools.name,
      urn: schools.urn,
      role: schoolContacts.role,
      name: schoolContacts.name,
      email: schoolContacts.email,
    })
    .from(schoolContacts)
    .innerJoin(
      schools,
      and(eq(schools.tenantId, schoolContacts.tenantId), eq(schools.id, schoolContacts.schoolId)),
    )
    .where(
      and(inArray(schoolContacts.role, ['headteacher', 'business_manager']), isNotNull(schoolContacts.email)),
    )
    .orderBy(schools.name, schoolContacts.role);
  const members = await tx
    .select({ email: users.email, schoolId: memberships.schoolId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, inviter.tenantId), eq(memberships.role, 'school_admin')));
  const has = new Set(members.map((m) => `${m.email}|${m.schoolId}`));
  return rows.map((r) => ({ ...r, email: r.email ?? '', hasAccess: has.has(`${r.email}|${r.schoolId}`) }));
}

/**
 * Invites the chosen schools' headteachers and/or business managers as school_admin of their school, from the
 * contacts kept for each. Skips people who already have access and contacts with no email address.
 */
export async function inviteSchoolLeaders(
  tx: Tx,
  inviter: Inviter,
  input: z.infer<typeof ZInviteSchoolLeadersInput>,
) {
  const found = await tx.select({ id: schools.id }).from(schools).where(inArray(schools.id, input.schoolIds));
  if (found.length !== new Set(input.schoolIds).size)
    throw new DomainError({
      code: 'NOT_FOUND',
      field: 'schoolIds',
      message: 'A chosen school is not in this workspace.',
    });
  const chosen = new Set(input.schoolIds);
  const contacts = (await listSchoolLeaderContacts(tx, inviter)).filter(
    (c) => chosen.has(c.schoolId) && (input.contactRoles as string[]).includes(c.role),
  );
  const invited: string[] = [];
  let skipped = 0;
  for (const contact of contacts) {
    if (contact.hasAccess || !contact.email) {
      skipped++;
      continue;
    }
    const result = await invitePerson(tx, inviter, {
      email: contact.email.toLowerCase(),
      name: contact.name,
      role: 'school_admin',
      schoolId: contact.schoolId,
    });
    invited.push(result.invitationId);
  }
  const withoutContact = input.schoolIds.filter((id) => !contacts.some((c) => c.schoolId === id)).length;
  return { invited: invited.length, skipped, schoolsWithoutContact: withoutContact };
}
