import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { schools } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';

export const ZSetSchoolBookingApprovalInput = z.object({
  /** The manager names the school; a school's headteacher/SBM acts for their own. */
  schoolId: z.uuid().optional(),
  staffBookingsNeedApproval: z.boolean(),
});

/**
 * The school's own switch: when on, every staff booking at the school (on any course) is held for the
 * headteacher's approval, as a course that asks for approval already does. Either one is enough.
 */
export async function schoolBookingApproval(tx: Tx, schoolId: string) {
  const [school] = await tx
    .select({
      id: schools.id,
      name: schools.name,
      staffBookingsNeedApproval: schools.staffBookingsNeedApproval,
    })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
  return school;
}

export async function setSchoolBookingApproval(
  tx: Tx,
  input: { schoolId: string; staffBookingsNeedApproval: boolean },
) {
  const [school] = await tx
    .update(schools)
    .set({ staffBookingsNeedApproval: input.staffBookingsNeedApproval, updatedAt: sql`now()` })
    .where(eq(schools.id, input.schoolId))
    .returning({ id: schools.id, staffBookingsNeedApproval: schools.staffBookingsNeedApproval });
  if (!school) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
  return school;
}
