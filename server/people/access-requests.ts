import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { accessRequests, memberships, schools, users } from '~/db/schema';
import type { Actor } from '../access/actor';
import { hasRole, managers } from '../access/role-groups';
import { DomainError } from '../errors/domain-error';
import { linkRegisterEntries } from '../governance/link-register-entries';
import { queueEmail } from '../email/send-email';
import type { Joiner } from './accept-invitation';
import { emailOf } from '../email/templates';

export const ZRequestAccessInput = z.object({
  name: z.string().trim().min(2, 'Enter your name.').max(120),
  jobTitle: z.string().trim().min(2, 'Enter your job title, e.g. Year 4 teacher.').max(120),
  urn: z.coerce
    .number({ message: 'Enter the school’s URN: six digits, e.g. 101234.' })
    .int('Enter the school’s URN: six digits, e.g. 101234.')
    .min(100000, 'Enter the school’s URN: six digits, e.g. 101234.')
    .max(999999, 'Enter the school’s URN: six digits, e.g. 101234.'),
  message: z.string().trim().max(1000).default(''),
});

export const ZDecideAccessRequestInput = z.object({
  requestId: z.uuid(),
  decision: z.enum(['approve', 'decline']),
});

/**
 * A signed-in person asks to join one of the workspace's schools as a member of staff. They learn nothing
 * of the workspace but whether the URN is one of its schools; the school's headteachers and the workspace's
 * managers are emailed.
 */
export async function requestAccess(tx: Tx, joiner: Joiner, input: z.infer<typeof ZRequestAccessInput>) {
  const [school] = await tx
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(eq(schools.urn, input.urn));
  if (!school)
    throw new DomainError({
      code: 'NOT_FOUND',
      field: 'urn',
      message: `No school with URN ${input.urn} is in ${joiner.tenant.name}. Check the URN with your school office.`,
    });
  const mine = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.tenantId, joiner.tenant.id), eq(memberships.userId, joiner.user.id)));
  if (mine.length > 0)
    throw new DomainError({ code: 'CONFLICT', message: `You already have access to ${joiner.tenant.name}.` });
  const [open] = await tx
    .select({ id: accessRequests.id })
    .from(accessRequests)
    .where(and(eq(accessRequests.userId, joiner.user.id), eq(accessRequests.status, 'pending')));
  if (open)
    throw new DomainError({
      code: 'CONFLICT',
      message: 'You have already asked; your request is waiting for an answer.',
    });
  await tx
    .update(users)
    .set({ name: input.name, jobTitle: input.jobTitle })
    .where(eq(users.id, joiner.user.id));
  const [created] = await tx
    .insert(accessRequests)
    .values({
      tenantId: joiner.tenant.id,
      userId: joiner.user.id,
      schoolId: school.id,
      jobTitle: input.jobTitle,
      message: input.message,
    })
    .returning({ id: accessRequests.id });
  if (!created) throw new Error('could not record the request');
  const deciders = await tx
    .selectDistinct({ email: users.email, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        // The caller's own memberships elsewhere are visible to them too: keep to this workspace.
        eq(memberships.tenantId, joiner.tenant.id),
        or(
          eq(memberships.role, 'tenant_admin'),
          and(eq(memberships.role, 'school_admin'), eq(memberships.schoolId, school.id)),
        ),
      ),
    );
  // One email each; a manager answers on People and roles, a headteacher on Colleagues.
  const byEmail = new Map<string, (typeof deciders)[number]>();
  for (const d of deciders) if (!byEmail.has(d.email) || d.role === 'tenant_admin') byEmail.set(d.email, d);
  for (const decider of byEmail.values()) {
    const page = decider.role === 'tenant_admin' ? 'members' : 'join-requests';
    await queueEmail(tx, {
      to: decider.email,
      ...emailOf('notice', {
        subject: `${input.name} asks to join ${school.name} on Stride`,
        heading: `A request to join ${school.name}`,
        recipientName: decider.name,
        paragraphs: [
          `${input.name} (${joiner.user.email}, ${input.jobTitle}) asks for access to ${school.name} in ${joiner.tenant.name} as a member of staff.`,
          ...(input.message ? [`Their message: “${input.message}”`] : []),
          'They see nothing until you approve.',
        ],
        action: { label: 'Approve or decline', url: `${joiner.appUrl}/${joiner.tenant.slug}/${page}` },
      }),
    });
  }
  return { requestId: created.id, schoolId: school.id, schoolName: school.name };
}

/** The school ids an actor decides requests for: every school for a manager, their own for a headteacher. */
function decidableSchools(actor: Actor): string[] | 'all' {
  if (hasRole(actor.roles, managers)) return 'all';
  return actor.memberships.flatMap((m) => (m.role === 'school_admin' && m.schoolId ? [m.schoolId] : []));
}

/** Requests waiting for an answer that this actor may decide. */
export async function listAccessRequests(tx: Tx, actor: Actor) {
  const scope = decidableSchools(actor);
  if (scope !== 'all' && scope.length === 0) return [];
  return tx
    .select({
      id: accessRequests.id,
      name: users.name,
      email: users.email,
      jobTitle: accessRequests.jobTitle,
      message: accessRequests.message,
      schoolName: schools.name,
      createdAt: accessRequests.createdAt,
    })
    .from(accessRequests)
    .innerJoin(users, eq(users.id, accessRequests.userId))
    .innerJoin(
      schools,
      and(eq(schools.tenantId, accessRequests.tenantId), eq(schools.id, accessRequests.schoolId)),
    )
    .where(
      and(
        eq(accessRequests.status, 'pending'),
        scope === 'all' ? undefined : inArray(accessRequests.schoolId, scope),
      ),
    )
    .orderBy(desc(accessRequests.createdAt));
}

/**
 * Approves (the person becomes school staff at that school) or declines a request; the school's headteacher
 * decides for their own school only, the manager for any. The requester is emailed either way.
 */
export async function decideAccessRequest(
  tx: Tx,
  actor: Actor,
  input: z.infer<typeof ZDecideAccessRequestInput>,
) {
  const [row] = await tx
    .select({ request: accessRequests, schoolName: schools.name, email: users.email, name: users.name })
    .from(accessRequests)
    .innerJoin(users, eq(users.id, accessRequests.userId))
    .innerJoin(
      schools,
      and(eq(schools.tenantId, accessRequests.tenantId), eq(schools.id, accessRequests.schoolId)),
    )
    .where(eq(accessRequests.id, input.requestId));
  const scope = decidableSchools(actor);
  if (!row || (scope !== 'all' && !scope.includes(row.request.schoolId)))
    throw new DomainError({ code: 'NOT_FOUND', message: 'That request does not exist.' });
  const status = input.decision === 'approve' ? 'approved' : 'declined';
  const [decided] = await tx
    .update(accessRequests)
    .set({ status, decidedBy: actor.userId, decidedAt: new Date() })
    .where(
      and(
        eq(accessRequests.id, row.request.id),
        eq(accessRequests.status, 'pending'),
        isNull(accessRequests.decidedAt),
      ),
    )
    .returning({ id: accessRequests.id });
  if (!decided)
    throw new DomainError({ code: 'CONFLICT', message: 'This request has already been answered.' });
  let membershipId: string | undefined;
  if (status === 'approved') {
    const [membership] = await tx
      .insert(memberships)
      .values({
        tenantId: actor.tenantId,
        userId: row.request.userId,
        role: 'school_staff',
        schoolId: row.request.schoolId,
      })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    membershipId = membership?.id;
    await linkRegisterEntries(tx, { tenantId: actor.tenantId, userId: row.request.userId, email: row.email });
  }
  await queueEmail(tx, {
    to: row.email,
    ...emailOf('notice', {
      subject:
        status === 'approved'
          ? `You now have access to ${row.schoolName} on Stride`
          : `Your request to join ${row.schoolName} on Stride`,
      heading: status === 'approved' ? `Welcome to ${actor.name}` : 'Your request was not approved',
      recipientName: row.name,
      paragraphs:
        status === 'approved'
          ? [`Your request to join ${row.schoolName} in ${actor.name} was approved. Sign in to start.`]
          : [
              `Your request to join ${row.schoolName} in ${actor.name} was declined. If you think this is a mistake, speak to your headteacher.`,
            ],
      action:
        status === 'approved' ? { label: 'Open Stride', url: `${actor.appUrl}/${actor.slug}` } : undefined,
    }),
  });
  return { requestId: row.request.id, membershipId, status };
}
