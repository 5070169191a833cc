import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  chargeableItems,
  courseBookings,
  schools,
  type CancellationTerms,
  type CourseBooking,
} from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { loadVatForSchool } from '../invoicing/vat-for-school';
import { todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { certificateEligibility, certificateFor } from './attendance-certificate';
import { hasStarted } from './booking-closed';
import { freeCancellationUntil } from './cancellation-terms';
import { courseInvite, inviteSequence } from './course-invite';
import { courseWhere } from './course-labels';
import { getCourse } from './get-course';
import { evaluationOfPlace } from './my-places';
import { hashPlaceToken } from './place-token';

/** A delegate's place, from the link in their confirmation email (the link is the credential). */
export async function findPlace(tx: Tx, token: string) {
  const [booking] = await tx
    .select()
    .from(courseBookings)
    .where(eq(courseBookings.accessTokenHash, hashPlaceToken(token)));
  if (!booking) throw new DomainError({ code: 'NOT_FOUND', message: 'This link is not valid.' });
  const { course, sessions } = await getCourse(tx, booking.courseId);
  return { booking, course, sessions };
}

/**
 * What cancelling a place cost its school: the late-cancellation charge the cancellation raised, as charged
 * (net and its VAT rate), or null when it was free or the charge has been voided since (a cancelled course
 * voids it). Read from the charge, not worked out again from the terms: the course's dates or terms may have
 * changed after the place was cancelled.
 */
export async function cancellationChargeOf(
  tx: Tx,
  booking: Pick<CourseBooking, 'status' | 'penaltyChargeItemId'>,
): Promise<{ netPence: number; vatRateBasisPoints: number } | null> {
  if (booking.status !== 'cancelled' || !booking.penaltyChargeItemId) return null;
  const [charge] = await tx
    .select({
      tenantId: chargeableItems.tenantId,
      schoolId: chargeableItems.schoolId,
      netPence: chargeableItems.netPence,
      vatRateBasisPoints: chargeableItems.vatRateBasisPoints,
      vatTreatment: chargeableItems.vatTreatment,
    })
    .from(chargeableItems)
    .where(and(eq(chargeableItems.id, booking.penaltyChargeItemId), ne(chargeableItems.status, 'cancelled')));
  if (!charge || charge.netPence <= 0) return null;
  // The VAT the school's invoice charges on it (none to a school that pays no VAT), not the course's rate.
  const vat = await loadVatForSchool(tx, charge.tenantId, charge.schoolId, {
    kind: 'service',
    rateBasisPoints: charge.vatRateBasisPoints,
    treatment: charge.vatTreatment,
    rateIsFinal: true,
  });
  return { netPence: charge.netPence, vatRateBasisPoints: vat.rateBasisPoints };
}

/**
 * What a delegate's own page (from their confirmation email's link) shows: the place, its course and sessions,
 * whether their certificate is ready, their feedback (due, or given), and what a cancellation cost. Only what
 * the page says: never the place's token hashes (its evaluation link's among them: the page's own link is
 * enough to give feedback, evaluateByPlaceLink) or the school's ids, since anyone holding the link reads this.
 */
export async function placeByLink(tx: Tx, token: string, now: Date = new Date()) {
  const { booking, course, sessions } = await findPlace(tx, token);
  const [{ eligible }, charge, [school], evaluation] = await Promise.all([
    certificateEligibility(tx, booking),
    cancellationChargeOf(tx, booking),
    tx.select({ name: schools.name }).from(schools).where(eq(schools.id, booking.schoolId)),
    evaluationOfPlace(tx, { bookingId: booking.id, now }),
  ]);
  // A delegate named by their school cannot cancel from this link: the page says who can, and until when free.
  const open =
    booking.status === 'confirmed' &&
    course.startsOn !== null &&
    !hasStarted(course.startsOn, sessions, todayInLondon());
  const where = courseWhere(course);
  return {
    booking: {
      delegateName: booking.delegateName,
      status: booking.status,
      delegateNeeds: booking.delegateNeeds,
    },
    course: { title: course.title, startsOn: course.startsOn, endsOn: course.endsOn },
    // The joining link only for a place still held: a cancelled delegate's link no longer lets them in.
    where: { venue: where.venue, joiningLink: booking.status === 'confirmed' ? where.joiningLink : '' },
    sessions,
    certificate: eligible,
    /**
     * The delegate's feedback on the course: given (when), due (the course has finished and they came), or
     * null, when there is none to give (not finished, the place cancelled, absent from every session).
     */
    feedback: evaluation.evaluatedAt
      ? { givenAt: evaluation.evaluatedAt }
      : evaluation.evaluationDue
        ? { givenAt: null }
        : null,
    charge,
    /** While the place can still be cancelled: the school that can cancel it and its last free day. */
    cannotCome: open && course.startsOn ? cannotComeOf(school?.name, course.startsOn, course) : null,
  };
}

function cannotComeOf(
  schoolName: string | undefined,
  startsOn: IsoDate,
  course: { cancellationTerms: CancellationTerms },
) {
  const freeUntil = freeCancellationUntil(course.cancellationTerms, startsOn);
  return { schoolName: schoolName ?? 'your school', freeUntil, freePassed: freeUntil < todayInLondon() };
}

/**
 * The delegate's calendar file, from their place link: one event per session, with the same UIDs as the invite
 * attached to their emails, so downloading it as well does not add copies.
 */
export async function placeCalendarByLink(tx: Tx, token: string, providerName: string) {
  const { booking, course, sessions } = await findPlace(tx, token);
  return {
    ics: courseInvite({ course, sessions, booking, providerName, sequence: inviteSequence(course, booking) }),
  };
}

/** The delegate's certificate of attendance, from their place link (present at every session). */
export async function placeCertificateByLink(tx: Tx, token: string, issuer: string) {
  const { booking } = await findPlace(tx, token);
  return certificateFor(tx, booking, issuer);
}
