import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { executeRows, type Tx } from '~/db/client';
import { courseBookings, courses, courseWaitlistEntries } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import type { IsoDate } from '../catalogue/academic-year';
import { queueEmail } from '../email/send-email';
import type { TDelegate } from './booking-inputs';
import { courseEmail } from './course-emails';
import { listSessions } from './get-course';
import { loadBookingContext } from './load-booking-context';
import { fundPlace } from './fund-place';
import { newPlaceToken } from './place-token';
import { statutoryFreeEmails } from '../governance/statutory-free-places';
import { requestApproval } from './approve-booking';

export type BookPlacesResult = {
  confirmed: {
    bookingId: string;
    delegateEmail: string;
    funding: 'entitlement' | 'charge' | 'free';
    pricePence: number;
  }[];
  waitlisted: { entryId: string; delegateEmail: string }[];
  /** Places held for the school's approval (school staff booking, when the course asks for approval). */
  pendingApproval: { bookingId: string; delegateEmail: string }[];
};

/**
 * Books places on a course for a school's delegates: as many as there are places are confirmed, the rest go
 * on the waiting list. A confirmed place draws from the school's matching entitlement line, or is charged at
 * the school's price (member, non-member or out-of-area).
 *
 * No overbooking, ever: one conditional UPDATE of the course's places_taken both checks and takes the places,
 * so concurrent bookers queue on the course row and each sees what the previous one left; the CHECK
 * (places_taken <= capacity) is the backstop. Everything that can be done before that lock (reads, prices,
 * the emails' props) is done first, so the lock is held only for the few writes that follow it.
 */
export async function bookPlaces(
  tx: Tx,
  input: {
    tenantId: string;
    slug: string;
    appUrl: string;
    providerName: string;
    courseId: string;
    schoolId: string;
    delegates: TDelegate[];
    actorUserId: string;
    laCodes: readonly string[];
    today: IsoDate;
    /**
     * A school_staff booking themselves: when the course or the school asks for it, the place is held as awaiting the
     * school's approval (it counts as taken) and funded only once approved.
     */
    staffBooking?: boolean;
  },
): Promise<BookPlacesResult> {
  if (input.delegates.length === 0)
    throw new DomainError({ code: 'BAD_REQUEST', field: 'delegates', message: 'Add at least one delegate.' });
  const { course, school, price, academicYear } = await loadBookingContext(tx, input);
  const emails = input.delegates.map((d) => d.email.toLowerCase());
  const [already, sessions] = await Promise.all([
    tx
      .select({ email: courseBookings.delegateEmail })
      .from(courseBookings)
      .where(
        and(
          eq(courseBookings.courseId, course.id),
          sql`${courseBookings.status} <> 'cancelled'`,
          inArray(sql`lower(${courseBookings.delegateEmail})`, emails),
        ),
      ),
    listSessions(tx, course.id),
  ]);
  // Statutory governor training: free to a current governor of a maintained school (s22 Education Act 2002).
  const freeByStatute = await statutoryFreeEmails(tx, { course, schoolId: input.schoolId, emails });
  if (already.length > 0)
    throw new DomainError({
      code: 'CONFLICT',
      field: 'delegates',
      message: `${already.map((a) => a.email).join(', ')} already ${already.length === 1 ? 'has' : 'have'} a place on this course.`,
    });

  // Prepared before the lock: ids, links and both possible emails for every delegate (template props only:
  // the email job renders them after commit).
  const prepared = input.delegates.map((d) => {
    const bookingId = randomUUID();
    const { token, tokenHash } = newPlaceToken();
    const booking = { delegateName: d.name, delegateEmail: d.email };
    const common = { course, sessions, booking, providerName: input.providerName };
    const confirmedEmail = courseEmail({
      ...common,
      kind: 'confirmed',
      bookingId,
      url: `${input.appUrl}/courses/${input.slug}/place/${token}`,
    });
    const waitlistedEmail = courseEmail({ ...common, kind: 'waitlisted' });
    return { d, bookingId, tokenHash, confirmedEmail, waitlistedEmail };
  });

  const n = input.delegates.length;
  const takeRows = await executeRows<{ take: number }>(
    tx,
    sql`
    update ${courses} c set places_taken = c.places_taken + t.take, updated_at = now()
    from (
      select least(${n}::int, capacity - places_taken) as take from ${courses}
      where id = ${course.id} and status = 'published' for update
    ) t
    where c.id = ${course.id} and t.take > 0
    returning t.take`,
  );
  const take = Number(takeRows[0]?.take ?? 0);

  const confirmed = prepared.slice(0, take);
  const waiting = prepared.slice(take);
  // Held for approval when the course asks for it, or the school does for all its staff bookings.
  const awaitsApproval = Boolean(
    input.staffBooking && (course.staffBookingNeedsApproval || school.staffBookingsNeedApproval),
  );
  const result: BookPlacesResult = { confirmed: [], waitlisted: [], pendingApproval: [] };
  const bookingRows: (typeof courseBookings.$inferInsert)[] = [];
  for (const p of awaitsApproval ? [] : confirmed) {
    const placePrice = freeByStatute.has(p.d.email.toLowerCase()) ? { ...price, pricePence: 0 } : price;
    const funded = await fundPlace(tx, {
      tenantId: input.tenantId,
      schoolId: input.schoolId,
      course,
      academicYear,
      price: placePrice,
      bookingId: p.bookingId,
      delegateName: p.d.name,
      actorUserId: input.actorUserId,
    });
    bookingRows.push({
      tenantId: input.tenantId,
      id: p.bookingId,
      courseId: course.id,
      schoolId: input.schoolId,
      delegateName: p.d.name,
      delegateEmail: p.d.email,
      delegateRole: p.d.role,
      delegateUserId: p.d.userId ?? null,
      bookedByUserId: input.actorUserId,
      status: 'confirmed',
      ...funded,
      accessTokenHash: p.tokenHash,
    });
    result.confirmed.push({
      bookingId: p.bookingId,
      delegateEmail: p.d.email,
      funding: funded.funding,
      pricePence: funded.funding === 'charge' ? placePrice.pricePence : 0,
    });
  }
  if (awaitsApproval)
    for (const p of confirmed) {
      bookingRows.push({
        tenantId: input.tenantId,
        id: p.bookingId,
        courseId: course.id,
        schoolId: input.schoolId,
        delegateName: p.d.name,
        delegateEmail: p.d.email,
        delegateRole: p.d.role,
        delegateUserId: p.d.userId ?? null,
        bookedByUserId: input.actorUserId,
        status: 'pending_approval',
        pricePence: price.pricePence,
        accessTokenHash: p.tokenHash,
      });
      result.pendingApproval.push({ bookingId: p.bookingId, delegateEmail: p.d.email });
    }
  if (bookingRows.length > 0) await tx.insert(courseBookings).values(bookingRows);
  if (waiting.length > 0) {
    const entries = await tx
      .insert(courseWaitlistEntries)
      .values(
        waiting.map((p) => ({
          tenantId: input.tenantId,
          courseId: course.id,
          schoolId: input.schoolId,
          delegateName: p.d.name,
          delegateEmail: p.d.email,
          delegateRole: p.d.role,
          delegateUserId: p.d.userId ?? null,
          addedByUserId: input.actorUserId,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: courseWaitlistEntries.id, email: courseWaitlistEntries.delegateEmail });
    result.waitlisted = entries.map((e) => ({ entryId: e.id, delegateEmail: e.email }));
  }
  if (awaitsApproval && confirmed.length > 0)
    await requestApproval(tx, {
      course,
      sessions,
      schoolId: input.schoolId,
      delegates: confirmed.map((p) => p.d),
      providerName: input.providerName,
      url: `${input.appUrl}/${input.slug}/courses`,
    });
  const outgoing = [
    ...(awaitsApproval
      ? confirmed.map((p) =>
          courseEmail({
            kind: 'pending_approval',
            course,
            sessions,
            booking: { delegateName: p.d.name, delegateEmail: p.d.email },
            providerName: input.providerName,
          }),
        )
      : confirmed.map((p) => p.confirmedEmail)),
    ...waiting
      .filter((p) => result.waitlisted.some((w) => w.delegateEmail === p.d.email))
      .map((p) => p.waitlistedEmail),
  ];
  for (const email of outgoing) await queueEmail(tx, email);
  return result;
}
