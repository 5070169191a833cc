import { and, eq, inArray, isNull, notInArray, or, gte, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { governors, schools, type Course } from '~/db/schema';
import { maintainedSchoolCondition } from '../schools/maintained';
import { notGovernors } from './board-rules';

/**
 * The delegates (lower-case emails) whose place on `course` is free by statute: the course is marked as
 * training the LA considers necessary, the school is LA-maintained, and the delegate is a current governor
 * of that school. Everyone else pays the school's price as usual.
 */
export async function statutoryFreeEmails(
  tx: Tx,
  input: { course: Pick<Course, 'statutoryFreeForGovernors'>; schoolId: string; emails: readonly string[] },
): Promise<Set<string>> {
  if (!input.course.statutoryFreeForGovernors || input.emails.length === 0) return new Set();
  const rows = await tx
    .select({ email: governors.email })
    .from(governors)
    .innerJoin(schools, eq(schools.id, governors.schoolId))
    .where(
      and(
        eq(governors.schoolId, input.schoolId),
        // LA-maintained by its GIAS type (the s22 duty covers their governors), special schools included.
        maintainedSchoolCondition(schools.type),
        inArray(
          governors.email,
          input.emails.map((e) => e.toLowerCase()),
        ),
        notInArray(governors.category, [...notGovernors]),
        isNull(governors.steppedDownOn),
        or(isNull(governors.termEndsOn), gte(governors.termEndsOn, sql`current_date`)),
      ),
    );
  return new Set(rows.map((r) => r.email));
}
