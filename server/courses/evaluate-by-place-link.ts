import type { Db } from '~/db/client';
import { runInTenant } from '../unit-of-work/run-in-tenant';
import { submitEvaluation, type TEvaluationAnswers } from './evaluations';
import { findPlace } from './find-place';
import { evaluationOfPlace, refuseUnlessEvaluationDue } from './my-places';
import { withPublicCourses } from './public-tenant';

/**
 * The delegate gives their evaluation from their own place page (the confirmation email's link, signed in or
 * not): that link is the credential, as it is for their certificate, so the evaluation request's own link is
 * neither needed nor shown. The same rule as Your places and the request job (a course that finished, a place
 * confirmed, not absent throughout), once per place whichever way it is given; audited as the delegate (or
 * their booker).
 */
export async function evaluateByPlaceLink(
  db: Db,
  input: { slug: string; token: string; answers: TEvaluationAnswers; now: Date },
) {
  const { tenant, booking } = await withPublicCourses(db, input.slug, async (tx, tenant) => ({
    tenant,
    booking: (await findPlace(tx, input.token)).booking,
  }));
  const actor = booking.delegateUserId ?? booking.bookedByUserId;
  return runInTenant(
    db,
    {
      tenantId: tenant.id,
      action: 'courses.evaluateByPlaceLink',
      actor: actor ? { userId: actor } : { label: 'delegate by place link' },
      input: { bookingId: booking.id },
    },
    async (tx) => {
      refuseUnlessEvaluationDue(await evaluationOfPlace(tx, { bookingId: booking.id, now: input.now }));
      return submitEvaluation(tx, {
        tenantId: tenant.id,
        bookingId: booking.id,
        courseId: booking.courseId,
        answers: input.answers,
      });
    },
  );
}
