import { priceNamesOf } from '../catalogue/price-names';
import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseBookings, courses, users } from '~/db/schema';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { bookPlaces } from '../courses/book-places';
import { previewBooking } from '../courses/preview-booking';
import { DomainError } from '../errors/domain-error';
import { ownSchoolIds } from './appropriate-body';
import { loadEctFor } from './ect-access';

/**
 * The school's headteacher / SBM (or the AB's manager) may book an ECT in induction onto the induction
 * programme, for the school the ECT is at now; the place is the school's, drawn from its induction package.
 */
async function loadBookable(tx: Tx, actor: Actor, ectId: string) {
  const { ect, periods } = await loadEctFor(tx, actor, ectId);
  const current = periods.find((p) => p.endsOn === null);
  const mayBook =
    ect.status === 'in_progress' &&
    current !== undefined &&
    (actor.roles.includes('tenant_admin') ||
      ownSchoolIds(actor, ['school_admin']).includes(current.schoolId));
  return { ect, schoolId: mayBook ? (current?.schoolId ?? null) : null };
}

const coursesOn = (actor: Actor) => actor.modules.includes('courses');

/**
 * The induction programme courses open for booking, with what a place would cost this ECT's school: covered
 * by its induction package (per-ECT entitlement) or charged at its price; and whether the ECT already has one.
 * Empty when the actor may not book for the ECT (an ECT, a tutor, another school).
 */
export async function inductionProgrammeCourses(
  tx: Tx,
  actor: Actor,
  input: { ectId: string; today: IsoDate },
) {
  const { ect, schoolId } = await loadBookable(tx, actor, input.ectId);
  if (!schoolId || !coursesOn(actor)) return { mayBook: false, courses: [] };
  const open = await tx
    .select({
      id: courses.id,
      title: courses.title,
      startsOn: courses.startsOn,
      venue: courses.venue,
      bookingDeadline: courses.bookingDeadline,
      booked: sql<boolean>`exists (select 1 from ${courseBookings} b where b.tenant_id = "courses"."tenant_id"
        and b.course_id = "courses"."id" and lower(b.delegate_email) = ${ect.email.toLowerCase()}
        and b.status <> 'cancelled')`,
    })
    .from(courses)
    .where(
      and(
        eq(courses.programme, 'ect_induction'),
        eq(courses.status, 'published'),
        gt(courses.startsOn, input.today),
      ),
    )
    .orderBy(asc(courses.startsOn));
  const rows = [];
  for (const c of open.filter((c) => !c.bookingDeadline || c.bookingDeadline >= input.today)) {
    const preview = await previewBooking(tx, {
      courseId: c.id,
      schoolId,
      places: 1,
      laCodes: actor.laCodes,
      today: input.today,
      priceNames: priceNamesOf(actor.settings),
    });
    rows.push({
      ...c,
      placesLeft: preview.placesLeft,
      cost:
        preview.free > 0
          ? ('free' as const)
          : preview.covered > 0
            ? ('package' as const)
            : ('charged' as const),
      pricePence: preview.unitPricePence,
    });
  }
  return { mayBook: true, courses: rows };
}

/** Books the ECT (as the delegate, with their email) onto an induction programme course for their school. */
export async function bookInductionProgramme(
  tx: Tx,
  actor: Actor,
  input: { ectId: string; courseId: string; today: IsoDate },
) {
  if (!coursesOn(actor))
    throw new DomainError({
      code: 'FORBIDDEN',
      message: `Courses are not switched on for ${actor.name}, so the induction programme cannot be booked here.`,
    });
  const { ect, schoolId } = await loadBookable(tx, actor, input.ectId);
  if (!schoolId)
    throw new DomainError({
      code: 'FORBIDDEN',
      message:
        ect.status === 'completed'
          ? `${ect.name} has completed induction.`
          : 'Only the headteacher or business manager of the ECT’s school can book the induction programme.',
    });
  const [course] = await tx
    .select({ programme: courses.programme })
    .from(courses)
    .where(and(eq(courses.id, input.courseId), ne(courses.status, 'draft')));
  if (!course) throw new DomainError({ code: 'NOT_FOUND', message: 'That course was not found.' });
  if (course.programme !== 'ect_induction')
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'That course is not the induction programme; book it from the courses page.',
    });
  const [account] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, ect.email.toLowerCase()));
  const result = await bookPlaces(tx, {
    tenantId: actor.tenantId,
    slug: actor.slug,
    appUrl: actor.appUrl,
    providerName: actor.name,
    courseId: input.courseId,
    schoolId,
    delegates: [
      { name: ect.name, email: ect.email, role: 'Early career teacher', userId: account?.id ?? null },
    ],
    actorUserId: actor.userId,
    laCodes: actor.laCodes,
    today: input.today,
    // The ECT needs the programme: with no place, they wait for one (the page says so).
    joinWaitingList: true,
  });
  const [place] = result.confirmed;
  return {
    ectId: ect.id,
    outcome: place ? ('confirmed' as const) : ('waitlisted' as const),
    funding: place?.funding ?? null,
    pricePence: place?.pricePence ?? 0,
  };
}
