import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { memberships, users, type Role } from '~/db/schema';
import { inductionAbStaff } from '../access/role-groups';
import { queueEmail } from '../email/send-email';
import { emailOf, type EmailProps } from '../email/templates';
import { membershipsHere } from '~/server/workspaces/memberships-here';

export type Recipient = { name: string; email: string };

/** The AB's manager and induction officers: who hears of an ECT at risk and of escalated reviews. */
export async function abRecipients(tx: Tx): Promise<Recipient[]> {
  return people(tx, inductionAbStaff, null);
}

/** The AB's managers (its tenant_admin members): who decide the outcome of an induction. */
export async function abManagers(tx: Tx): Promise<Recipient[]> {
  return people(tx, ['tenant_admin'], null);
}

/** A school's headteacher / SBM (its school_admin members). */
export async function headsOf(tx: Tx, schoolId: string): Promise<Recipient[]> {
  return people(tx, ['school_admin'], schoolId);
}

async function people(tx: Tx, roles: readonly Role[], schoolId: string | null): Promise<Recipient[]> {
  const rows = await tx
    .selectDistinct({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(memberships.role, [...roles]),
        membershipsHere,
        schoolId ? eq(memberships.schoolId, schoolId) : undefined,
      ),
    );
  return rows;
}

/** Queues one notice to each recipient, in the caller's transaction (sent after it commits). */
export async function sendInductionNotice(
  tx: Tx,
  to: readonly Recipient[],
  notice: Omit<EmailProps<'notice'>, 'recipientName'>,
) {
  for (const person of to) {
    const message = emailOf('notice', { ...notice, recipientName: person.name });
    await queueEmail(tx, { to: person.email, ...message });
  }
  return to.length;
}
