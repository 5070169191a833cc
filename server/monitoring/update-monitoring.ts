import { DomainError } from '~/server/errors/domain-error';
import { and, eq, gte, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { plannedVisits, schoolMonitoring, schools } from '~/db/schema';
import { todayInLondon } from '../catalogue/academic-year';
import { isAdviserHere } from './list-advisers';

export const ZSetAdvisersInput = z.object({
  schoolId: z.uuid({ message: 'Choose a school.' }),
  linkAdviserUserId: z.uuid({ message: 'Choose an adviser.' }).nullable(),
  secondAdviserUserId: z.uuid({ message: 'Choose an adviser.' }).nullable(),
});

export const ZUpdateMonitoringInput = z.object({
  schoolId: z.uuid({ message: 'Choose a school.' }),
  riskNotes: z.string().trim().max(4000, { message: 'Keep risk notes under 4,000 characters.' }),
  riseInvolvement: z.string().trim().max(4000, { message: 'Keep RISE involvement under 4,000 characters.' }),
  capacitySecure: z.boolean().nullable(),
  hasSixthForm: z.boolean(),
});

async function updateRow(tx: Tx, schoolId: string, values: Partial<typeof schoolMonitoring.$inferInsert>) {
  const [updated] = await tx
    .update(schoolMonitoring)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(schoolMonitoring.schoolId, schoolId))
    .returning({ schoolId: schoolMonitoring.schoolId });
  if (!updated) throw new DomainError({ code: 'NOT_FOUND', message: 'That school is not on the register.' });
  return updated;
}

/**
 * The school's link adviser and second adviser: advisers of this workspace, or nobody. A new link adviser
 * takes over the school's planned visits still to come that nobody has, or that the previous link adviser
 * had (the plan gives visits to the link adviser); a visit an officer gave someone else by hand stays theirs,
 * and done or cancelled visits keep who they were. Clearing the link adviser moves nothing.
 */
export async function setAdvisers(tx: Tx, input: z.infer<typeof ZSetAdvisersInput> & { today?: string }) {
  for (const id of [input.linkAdviserUserId, input.secondAdviserUserId]) {
    if (id && !(await isAdviserHere(tx, id))) {
      throw new DomainError({ code: 'NOT_FOUND', message: 'That adviser is not part of this workspace.' });
    }
  }
  if (input.linkAdviserUserId && input.linkAdviserUserId === input.secondAdviserUserId) {
    throw new DomainError({ code: 'BAD_REQUEST', message: 'The second adviser must be someone else.' });
  }
  const [before] = await tx
    .select({ linkAdviserUserId: schoolMonitoring.linkAdviserUserId })
    .from(schoolMonitoring)
    .where(eq(schoolMonitoring.schoolId, input.schoolId))
    .for('update');
  const updated = await updateRow(tx, input.schoolId, {
    linkAdviserUserId: input.linkAdviserUserId,
    secondAdviserUserId: input.secondAdviserUserId,
  });
  const previous = before?.linkAdviserUserId ?? null;
  const moved = input.linkAdviserUserId
    ? await tx
        .update(plannedVisits)
        .set({ adviserUserId: input.linkAdviserUserId })
        .where(
          and(
            eq(plannedVisits.schoolId, input.schoolId),
            eq(plannedVisits.status, 'planned'),
            gte(plannedVisits.dueBy, input.today ?? todayInLondon()),
            previous && previous !== input.linkAdviserUserId
              ? or(isNull(plannedVisits.adviserUserId), eq(plannedVisits.adviserUserId, previous))
              : isNull(plannedVisits.adviserUserId),
          ),
        )
        .returning({ id: plannedVisits.id })
    : [];
  return { ...updated, visitsMoved: moved.length };
}

/**
 * Risk notes, RISE involvement, capacity to improve and sixth form. The sixth form is the school's own value
 * (the register reads it: sixth-form.ts), so it is written on the school too, as the school's page does.
 */
export async function updateMonitoring(tx: Tx, input: z.infer<typeof ZUpdateMonitoringInput>) {
  const { schoolId, ...values } = input;
  const updated = await updateRow(tx, schoolId, values);
  await tx
    .update(schools)
    .set({ officialSixthForm: input.hasSixthForm, updatedAt: new Date() })
    .where(eq(schools.id, schoolId));
  return updated;
}
