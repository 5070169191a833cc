import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { courses, courseWaitlistEntries, schools } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { queueEmail } from '../email/send-email';
import { courseEmail } from './course-emails';
import { closedSchoolRefusal } from '../schools/closed-school';
import { listSessions } from './get-course';
import { mayActOnPlace, type PlaceViewer } from './my-places';
import { offerNextPlace, type Links } from './offer-next-place';

const live = inArray(courseWaitlistEntries.status, ['waiting', 'offered']);

/**
 * Who is on a waiting list, and where: a school's entries (its headteacher/SBM, or the manager for any school) or
 * a delegate's own. `position` counts the people waiting ahead on that course, the person included; an entry
 * already offered a place has none, and holds it until `holdExpiresAt`. `schoolClosed` says why an entry whose
 * school has closed since will get no place (null while the school is open).
 */
export async function listWaitingPlaces(
  tx: Tx,
  input: { schoolId?: string } | { delegate: { userId: string; email: string } },
) {
  const where: SQL[] = [live];
  if ('delegate' in input) {
    const own = or(
      eq(courseWaitlistEntries.delegateUserId, input.delegate.userId),
      sql`lower(${courseWaitlistEntries.delegateEmail}) = lower(${input.delegate.email})`,
    );
    if (own) where.push(own);
  } else if (input.schoolId) where.push(eq(courseWaitlistEntries.schoolId, input.schoolId));
  const rows = await tx
    .select({
      id: courseWaitlistEntries.id,
      courseId: courses.id,
      courseTitle: courses.title,
      startsOn: courses.startsOn,
      endsOn: courses.endsOn,
      schoolName: schools.name,
      school: { name: schools.name, status: schools.status, closedOn: schools.closedOn },
      delegateName: courseWaitlistEntries.delegateName,
      delegateEmail: courseWaitlistEntries.delegateEmail,
      status: courseWaitlistEntries.status,
      holdExpiresAt: courseWaitlistEntries.holdExpiresAt,
      position: sql<number | null>`case when ${courseWaitlistEntries.status} = 'waiting' then (
          select count(*) from ${courseWaitlistEntries} ahead
          where ahead.course_id = ${courseWaitlistEntries.courseId} and ahead.status = 'waiting'
            and ahead.queued_order <= ${courseWaitlistEntries.queuedOrder}) end`.mapWith((v: unknown) =>
        v === null ? null : Number(v),
      ),
    })
    .from(courseWaitlistEntries)
    .innerJoin(courses, eq(courses.id, courseWaitlistEntries.courseId))
    .innerJoin(schools, eq(schools.id, courseWaitlistEntries.schoolId))
    .where(and(...where))
    .orderBy(asc(courses.startsOn), asc(courses.title), asc(courseWaitlistEntries.queuedOrder));
  // A school closed since its delegate joined is passed over when a place comes free, and cannot claim one held.
  return rows.map(({ school, ...row }) => ({ ...row, schoolClosed: closedSchoolRefusal(school, 'booking') }));
}

export const ZLeaveWaitingListInput = z.object({ entryId: z.uuid() });

/**
 * Takes someone off a course's waiting list: the delegate themselves, their school's headteacher/SBM or the
 * manager. Someone already offered a place gives it up, and it passes to the next person waiting (or back to
 * the course), under the course row's lock as every change of places takes it.
 */
export async function leaveWaitingList(
  tx: Tx,
  viewer: PlaceViewer,
  input: z.output<typeof ZLeaveWaitingListInput> & { now: Date } & Links,
) {
  const notFound = () =>
    new DomainError({ code: 'NOT_FOUND', message: 'That waiting-list entry was not found.' });
  const [found] = await tx
    .select({ courseId: courseWaitlistEntries.courseId })
    .from(courseWaitlistEntries)
    .where(eq(courseWaitlistEntries.id, input.entryId));
  if (!found) throw notFound();
  // The course row first, as bookings take it; then the entry as it is under that lock.
  const [course] = await tx.select().from(courses).where(eq(courses.id, found.courseId)).for('update');
  const [entry] = await tx
    .select()
    .from(courseWaitlistEntries)
    .where(eq(courseWaitlistEntries.id, input.entryId));
  if (!course || !entry || !mayActOnPlace(viewer, entry)) throw notFound();
  if (entry.status !== 'waiting' && entry.status !== 'offered')
    throw new DomainError({
      code: 'CONFLICT',
      message: `${entry.delegateName} is no longer on the waiting list for ${course.title}.`,
    });
  await tx
    .update(courseWaitlistEntries)
    .set({ status: 'withdrawn' })
    .where(eq(courseWaitlistEntries.id, entry.id));
  // Told either way (their head may have taken them off); an offer had pencilled the sessions in as tentative,
  // and its calendar file takes them out again.
  await queueEmail(
    tx,
    courseEmail({
      kind: 'left_waiting_list',
      course,
      sessions: await listSessions(tx, course.id),
      booking: entry,
      offerEntryId: entry.status === 'offered' ? entry.id : undefined,
      providerName: input.providerName,
    }),
  );
  if (entry.status !== 'offered') return { entryId: entry.id, passedOnTo: null };
  const { offered } = await offerNextPlace(tx, { ...input, courseId: course.id });
  return { entryId: entry.id, passedOnTo: offered?.entryId ?? null };
}
