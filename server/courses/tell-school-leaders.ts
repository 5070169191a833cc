import { and, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { memberships, users } from '~/db/schema';
import { queueEmail } from '../email/send-email';
import { emailOf } from '../email/templates';

/**
 * Tells a school's headteachers / business managers of a place a member of staff took for the school on
 * their own, with what it costs (a delegate claiming a place held for them from the waiting list): the people who
 * pay the invoice hear of it before it arrives. Returns how many were told.
 */
export async function tellSchoolLeaders(
  tx: Tx,
  input: { schoolId: string; subject: string; paragraphs: string[]; url: string },
) {
  const leaders = await schoolLeaders(tx, input.schoolId);
  for (const leader of leaders)
    await queueEmail(tx, {
      to: leader.email,
      ...emailOf('notice', {
        subject: input.subject,
        heading: input.subject,
        recipientName: leader.name,
        paragraphs: input.paragraphs,
        action: { label: 'See your school’s places', url: input.url },
      }),
    });
  return leaders.length;
}

/** A school's headteachers / business managers: who approves its staff bookings and pays its invoices. */
export function schoolLeaders(tx: Tx, schoolId: string) {
  return tx
    .select({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.schoolId, schoolId), eq(memberships.role, 'school_admin')));
}
