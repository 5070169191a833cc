import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ects, inductionPeriods, inductionSupportPlans } from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { assertAppropriateBody } from './appropriate-body';
import { headsOf, sendInductionNotice } from './induction-emails';

/**
 * The AB closes a support plan by hand, when the ECT is back on track (or the plan is replaced), with a
 * note the school sees; the ECT is then no longer listed at risk. The school's headteacher is told.
 */
export async function closeSupportPlan(tx: Tx, actor: Actor, input: { supportPlanId: string; note: string }) {
  assertAppropriateBody(actor);
  const [row] = await tx
    .select({ plan: inductionSupportPlans, ectName: ects.name })
    .from(inductionSupportPlans)
    .innerJoin(ects, eq(ects.id, inductionSupportPlans.ectId))
    .where(eq(inductionSupportPlans.id, input.supportPlanId))
    .for('update', { of: inductionSupportPlans });
  if (!row) throw new DomainError({ code: 'NOT_FOUND', message: 'That support plan was not found.' });
  if (row.plan.status === 'closed')
    throw new DomainError({ code: 'CONFLICT', message: 'This support plan is already closed.' });
  await tx
    .update(inductionSupportPlans)
    .set({ status: 'closed', closedAt: sql`now()`, closedByUserId: actor.userId, closingNote: input.note })
    .where(eq(inductionSupportPlans.id, row.plan.id));
  const [period] = await tx
    .select({ schoolId: inductionPeriods.schoolId })
    .from(inductionPeriods)
    .where(and(eq(inductionPeriods.ectId, row.plan.ectId), isNull(inductionPeriods.endsOn)))
    .orderBy(desc(inductionPeriods.startsOn))
    .limit(1);
  const notified = period
    ? await sendInductionNotice(tx, await headsOf(tx, period.schoolId), {
        subject: `Support plan closed: ${row.ectName}`,
        heading: 'A support plan has been closed',
        paragraphs: [
          `${actor.name} has closed the support plan for ${row.ectName}.`,
          ...(input.note ? [`Note: ${input.note}`] : []),
        ],
        action: {
          label: 'Open the induction record',
          url: `${actor.appUrl}/${actor.slug}/induction/${row.plan.ectId}`,
        },
      })
    : 0;
  return { id: row.plan.id, ectId: row.plan.ectId, notified };
}
