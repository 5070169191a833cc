import { and, eq, inArray, max } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ects, inductionCheckpoints } from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { assertAppropriateBody, isAbStaff } from './appropriate-body';
import { loadEctFor } from './ect-access';
import type { TSetReductionInput } from './induction-inputs';
import { checkpointCount, inductionTermsRequired } from './induction-schedule';
import { rescheduleEct } from './reschedule-ect';

/**
 * The AB reduces an ECT's induction (e.g. for previous teaching experience), in terms to one decimal place,
 * with its reason; 0 takes a reduction back. At least one term is always served. The schedule is recomputed:
 * reviews not yet submitted move, ones beyond the shortened induction fall away. A reduction cannot end
 * induction before a term whose review the school has already submitted, nor change a completed induction.
 */
export async function setReduction(tx: Tx, actor: Actor, input: TSetReductionInput) {
  assertAppropriateBody(actor);
  if (!isAbStaff(actor))
    throw new DomainError({ code: 'FORBIDDEN', message: 'Only the Appropriate Body can reduce induction.' });
  const { ect } = await loadEctFor(tx, actor, input.ectId);
  if (ect.status === 'completed')
    throw new DomainError({
      code: 'CONFLICT',
      message: `${ect.name}'s induction already has a final outcome; its length can no longer change.`,
    });
  const reductionTenths = Math.round(input.reductionTerms * 10);
  const termsAfter = checkpointCount(
    inductionTermsRequired({
      reductionTerms: reductionTenths / 10,
      extensionTerms: ect.extensionTenths / 10,
    }),
  );
  const [submitted] = await tx
    .select({ last: max(inductionCheckpoints.termNumber) })
    .from(inductionCheckpoints)
    .where(
      and(
        eq(inductionCheckpoints.ectId, ect.id),
        inArray(inductionCheckpoints.status, ['submitted', 'accepted', 'changes_requested']),
      ),
    );
  if (submitted?.last && submitted.last > termsAfter)
    throw new DomainError({
      code: 'CONFLICT',
      field: 'reductionTerms',
      message: `The school has already submitted the review for induction term ${submitted.last}; a reduction cannot end induction before it.`,
    });
  await tx
    .update(ects)
    .set({ reductionTenths, reductionReason: reductionTenths === 0 ? '' : input.reason })
    .where(eq(ects.id, ect.id));
  const schedule = await rescheduleEct(tx, actor.tenantId, ect.id);
  return { ectId: ect.id, completesOn: schedule.completesOn, termsRequired: schedule.termsRequired };
}
