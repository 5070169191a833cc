import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { inductionCheckpoints } from '~/db/schema';
import { academicYearOf, type IsoDate } from '../catalogue/academic-year';
import { loadTermDates } from '../calendar/term-dates';
import { checkpointOpensOn } from './induction-schedule';

/**
 * The day the headteacher's recommendation may first be made: the start of the school term in which the
 * final assessment (the ECT's last term-numbered checkpoint) falls due, as that assessment opens then. Null
 * when the ECT has no such checkpoint. Induction ends with the final assessment; a recommendation before it
 * would judge an induction not yet served.
 */
export async function recommendationOpensOn(tx: Tx, ectId: string): Promise<IsoDate | null> {
  const [last] = await tx
    .select({ dueOn: inductionCheckpoints.dueOn })
    .from(inductionCheckpoints)
    .where(and(eq(inductionCheckpoints.ectId, ectId), isNotNull(inductionCheckpoints.termNumber)))
    .orderBy(desc(inductionCheckpoints.dueOn))
    .limit(1);
  if (!last) return null;
  const dates = await loadTermDates(tx, academicYearOf(last.dueOn));
  return checkpointOpensOn(last.dueOn, () => dates);
}
