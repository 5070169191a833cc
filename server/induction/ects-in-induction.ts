import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ects, inductionPeriods } from '~/db/schema';

/** The ECTs serving induction at a school now (an open period there, induction not finished). */
export function ectsInInductionAt(tx: Tx, schoolId: string) {
  return tx
    .select({ id: ects.id, name: ects.name })
    .from(ects)
    .innerJoin(inductionPeriods, eq(inductionPeriods.ectId, ects.id))
    .where(
      and(
        eq(inductionPeriods.schoolId, schoolId),
        isNull(inductionPeriods.endsOn),
        eq(ects.status, 'in_progress'),
      ),
    );
}
