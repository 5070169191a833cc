import { lateCancellationCharge } from './cancellation-terms';
import { and, asc, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { loadVatContext, vatForSchool } from '../invoicing/vat-for-school';
import { coursePlace } from './course-vat';
import { todayInLondon } from '../catalogue/academic-year';
import {
  chargeableItems,
  courseAttendance,
  courseBookings,
  courses,
  courseSessions,
  courseWaitlistEntries,
  schools,
} from '~/db/schema';

/**
 * A course's delegates and waiting list, for its manager; `passedOver`, those a place passed over because their
 * school had closed since they joined the list, with why.
 */
export async function listCourseDelegates(tx: Tx, courseId: string) {
  const [bookings, waiting, passedOver] = await Promise.all([
    tx
      .select({
        id: courseBookings.id,
        delegateName: courseBookings.delegateName,
        delegateEmail: courseBookings.delegateEmail,
        delegateRole: courseBookings.delegateRole,
        delegateNeeds: courseBookings.delegateNeeds,
        schoolName: schools.name,
        status: courseBookings.status,
        funding: courseBookings.funding,
        pricePence: courseBookings.pricePence,
      })
      .from(courseBookings)
      .innerJoin(schools, eq(schools.id, courseBookings.schoolId))
      .where(eq(courseBookings.courseId, courseId))
      .orderBy(asc(courseBookings.status), asc(courseBookings.delegateName)),
    tx
      .select({
        id: courseWaitlistEntries.id,
        delegateName: courseWaitlistEntries.delegateName,
        delegateEmail: courseWaitlistEntries.delegateEmail,
        schoolName: schools.name,
        status: courseWaitlistEntries.status,
        holdExpiresAt: courseWaitlistEntries.holdExpiresAt,
        createdAt: courseWaitlistEntries.createdAt,
      })
      .from(courseWaitlistEntries)
      .innerJoin(schools, eq(schools.id, courseWaitlistEntries.schoolId))
      .where(
        and(
          eq(courseWaitlistEntries.courseId, courseId),
          sql`${courseWaitlistEntries.status} in ('waiting', 'offered')`,
        ),
      )
      .orderBy(asc(courseWaitlistEntries.queuedOrder)),
    tx
      .select({
        id: courseWaitlistEntries.id,
        delegateName: courseWaitlistEntries.delegateName,
        schoolName: schools.name,
        reason: sql<string>`${courseWaitlistEntries.endedReason}`,
      })
      .from(courseWaitlistEntries)
      .innerJoin(schools, eq(schools.id, courseWaitlistEntries.schoolId))
      .where(
        and(
          eq(courseWaitlistEntries.courseId, courseId),
          eq(courseWaitlistEntries.status, 'withdrawn'),
          isNotNull(courseWaitlistEntries.endedReason),
        ),
      )
      .orderBy(asc(courseWaitlistEntries.queuedOrder)),
  ]);
  return { bookings, waiting, passedOver };
}

/** Every booking of one school (or, for the manager, all schools), with what each costs the school. */
export async function listSchoolBookings(tx: Tx, input: { schoolId?: string }) {
  const where: SQL[] = [];
  if (input.schoolId) where.push(eq(courseBookings.schoolId, input.schoolId));
  const today = todayInLondon();
  const rows = await tx
    .select({
      id: courseBookings.id,
      courseId: courses.id,
      courseTitle: courses.title,
      startsOn: courses.startsOn,
      endsOn: courses.endsOn,
      schoolName: schools.name,
      delegateName: courseBookings.delegateName,
      delegateEmail: courseBookings.delegateEmail,
      delegateRole: courseBookings.delegateRole,
      status: courseBookings.status,
      funding: courseBookings.funding,
      /** The course has run and they were marked present at every required session: a certificate. */
      certificate: sql<boolean>`(${courseBookings.status} = 'confirmed' and ${courses.endsOn} <= ${todayInLondon()} and exists (select 1 from ${courseSessions} s where s.course_id = ${courseBookings.courseId} and s.required) and not exists (select 1 from ${courseSessions} s where s.course_id = ${courseBookings.courseId} and s.required and not exists (select 1 from ${courseAttendance} a where a.session_id = s.id and a.booking_id = ${courseBookings.id} and a.status <> 'absent')))`,
      /** What the school pays: the place's charge and any cancellation or no-show charge, unless voided. */
      costPence: sql<number>`coalesce((select sum(ci.net_pence) from ${chargeableItems} ci where ci.source_type = 'course_booking' and ci.source_id = ${courseBookings.id} and ci.status <> 'cancelled'), 0)::int`,
      pricePence: courseBookings.pricePence,
      vatRateBasisPoints: courses.vatRateBasisPoints,
      terms: courses.cancellationTerms,
      tenantId: courses.tenantId,
      schoolLaCode: schools.laCode,
      schoolType: schools.type,
    })
    .from(courseBookings)
    .innerJoin(courses, eq(courses.id, courseBookings.courseId))
    .innerJoin(schools, eq(schools.id, courseBookings.schoolId))
    .where(and(...where))
    .orderBy(desc(courses.startsOn), asc(courseBookings.delegateName));
  // What cancelling today would cost (net), so the school is told before it cancels, as cancelBooking charges it,
  // and the VAT rate the school pays on it (vatForSchool: 0 for a school that pays no VAT).
  const context = rows[0] ? await loadVatContext(tx, rows[0].tenantId) : null;
  return rows.map(({ terms, tenantId: _tenantId, schoolLaCode, schoolType, ...row }) => ({
    ...row,
    vatRateBasisPoints: context
      ? vatForSchool(
          context.vat,
          { laCode: schoolLaCode, type: schoolType },
          context.laCodes,
          coursePlace(row),
        ).rateBasisPoints
      : 0,
    cancelNowPence:
      row.status === 'confirmed' && row.startsOn && row.pricePence > 0
        ? lateCancellationCharge(terms, { cancelledOn: today, firstSessionOn: row.startsOn }, row.pricePence)
        : 0,
  }));
}
