import { and, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courses } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { loadWorkspaceVat } from '../invoicing/vat-for-school';
import { todayInLondon } from '../catalogue/academic-year';
import { bookingClosedReason } from './booking-closed';
import { publicCourseVat } from './course-vat';
import { listSessions } from './get-course';

/**
 * A published (or cancelled) course as the public sees it: never its joining link or who is booked. No school
 * is known, so `vat` says VAT as it applies to each kind of school (publicCourseVat), never "plus VAT" to all
 * where maintained schools, say, pay none. `bookingClosed` says why a published course can no longer be booked
 * (it has started, or its booking deadline has passed), in booking's own words, or is null while it can.
 */
export async function getPublicCourse(tx: Tx, courseId: string, tenantId: string) {
  const [course] = await tx
    .select({
      id: courses.id,
      title: courses.title,
      description: courses.description,
      programme: courses.programme,
      audiences: courses.audiences,
      phase: courses.phase,
      subject: courses.subject,
      keyStage: courses.keyStage,
      format: courses.format,
      venue: courses.venue,
      facilitators: courses.facilitators,
      status: courses.status,
      capacity: courses.capacity,
      placesTaken: courses.placesTaken,
      bookingDeadline: courses.bookingDeadline,
      memberPricePence: courses.memberPricePence,
      nonMemberPricePence: courses.nonMemberPricePence,
      outOfAreaPricePence: courses.outOfAreaPricePence,
      vatRateBasisPoints: courses.vatRateBasisPoints,
      entitlementUnit: courses.entitlementUnit,
      statutoryFreeForGovernors: courses.statutoryFreeForGovernors,
      cancellationTerms: courses.cancellationTerms,
      startsOn: courses.startsOn,
      endsOn: courses.endsOn,
    })
    .from(courses)
    .where(and(eq(courses.id, courseId)));
  if (!course || course.status === 'draft')
    throw new DomainError({ code: 'NOT_FOUND', message: 'That course was not found.' });
  const [sessions, vat] = await Promise.all([listSessions(tx, courseId), loadWorkspaceVat(tx, tenantId)]);
  return {
    course: { ...course, facilitators: course.facilitators.map((f) => f.name) },
    vat: publicCourseVat(vat, course),
    bookingClosed: bookingClosedReason(course, sessions, todayInLondon()),
    sessions: sessions.map(({ id, sequence, title, kind, on, startTime, endTime }) => ({
      id,
      sequence,
      title,
      kind,
      on,
      startTime,
      endTime,
    })),
  };
}
