import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courses, courseWaitlistEntries, schools, users } from '~/db/schema';
import { queueEmail } from '../email/send-email';
import { emailOf } from '../email/templates';
import { untilMoment } from '../format/dates';
import { closedSchoolRefusal } from '../schools/closed-school';
import { courseEmail } from './course-emails';
import { listSessions } from './get-course';
import { newPlaceToken } from './place-token';
import { addWorkingHours } from './working-days';

export type Links = { appUrl: string; slug: string; providerName: string };

/**
 * Ends a waiting-list entry (waiting, or offered and not yet claimed) whose school has closed since the
 * person joined: the place passes over them. The reason, the closed-school refusal a booking would get, stays
 * on the entry for the manager. No email: the offer is never made.
 */
export async function passOverClosedSchool(tx: Tx, entryId: string, reason: string) {
  const [ended] = await tx
    .update(courseWaitlistEntries)
    .set({ status: 'withdrawn', endedReason: reason })
    .where(
      and(
        eq(courseWaitlistEntries.id, entryId),
        inArray(courseWaitlistEntries.status, ['waiting', 'offered']),
      ),
    )
    .returning({ id: courseWaitlistEntries.id });
  return ended !== undefined;
}

/**
 * The first person waiting whose school is still open, locked, with who put them on the waiting list (read in
 * the same statement); those ahead of them whose school closed after they joined are passed over
 * (passOverClosedSchool), as a booking for that school would now be refused.
 */
async function nextOpenWaiting(tx: Tx, courseId: string) {
  const passedOver: string[] = [];
  for (;;) {
    const [next] = await tx
      .select({
        entry: courseWaitlistEntries,
        school: { name: schools.name, status: schools.status, closedOn: schools.closedOn },
        addedBy: { id: users.id, name: users.name, email: users.email },
      })
      .from(courseWaitlistEntries)
      .innerJoin(schools, eq(schools.id, courseWaitlistEntries.schoolId))
      .leftJoin(users, eq(users.id, courseWaitlistEntries.addedByUserId))
      .where(and(eq(courseWaitlistEntries.courseId, courseId), eq(courseWaitlistEntries.status, 'waiting')))
      .orderBy(asc(courseWaitlistEntries.queuedOrder))
      .limit(1)
      .for('update', { of: courseWaitlistEntries, skipLocked: true });
    const closed = next && closedSchoolRefusal(next.school, 'booking');
    if (!next || !closed) return { next: next?.entry, addedBy: next?.addedBy ?? null, passedOver };
    await passOverClosedSchool(tx, next.entry.id, closed);
    passedOver.push(next.entry.id);
  }
}

/**
 * A place has come free (a cancellation, an expired hold). The first person waiting whose school is still open
 * is offered it, by email, with a hold of the course's `holdHours` in working hours (addWorkingHours): the
 * place stays counted as taken, so no one else can book it meanwhile. Whoever put them on the waiting list
 * (their school's head or business manager) is told too, in this transaction, and that only the delegate can
 * claim it (bookerOfferNotice). With no one waiting the place goes back into the pool. Call with the course
 * row locked FOR UPDATE (the caller holds it): that mode waits for bookings joining the waiting list under a
 * key-share lock, so the first person waiting is never one still being added (see book-places.ts,
 * CourseLock). `passedOver`: the entries ended on the way, their school having closed.
 */
export async function offerNextPlace(tx: Tx, input: { courseId: string; now: Date } & Links) {
  const [course] = await tx.select().from(courses).where(eq(courses.id, input.courseId));
  if (!course) return { offered: null, passedOver: [] };
  const { next, addedBy, passedOver } =
    course.status === 'published'
      ? await nextOpenWaiting(tx, input.courseId)
      : { next: undefined, addedBy: null, passedOver: [] };
  if (!next) {
    await tx
      .update(courses)
      .set({ placesTaken: sql`${courses.placesTaken} - 1`, updatedAt: sql`now()` })
      .where(eq(courses.id, input.courseId));
    return { offered: null, passedOver };
  }
  // Working hours: an offer made on a Friday afternoon is not lost over the weekend or a bank holiday. The
  // expiry job compares this moment with its clock, so it follows the same rule.
  const holdExpiresAt = addWorkingHours(input.now, course.holdHours);
  const { token, tokenHash } = newPlaceToken();
  await tx
    .update(courseWaitlistEntries)
    .set({ status: 'offered', offeredAt: input.now, holdExpiresAt, claimTokenHash: tokenHash })
    .where(eq(courseWaitlistEntries.id, next.id));
  await queueEmail(
    tx,
    courseEmail({
      kind: 'offer',
      course,
      sessions: await listSessions(tx, course.id),
      booking: next,
      offerEntryId: next.id,
      providerName: input.providerName,
      url: `${input.appUrl}/courses/${input.slug}/claim/${token}`,
      holdUntil: untilMoment(holdExpiresAt),
    }),
  );
  const booker = bookerToTell(next, addedBy);
  if (booker)
    await queueEmail(tx, {
      to: booker.email,
      ...bookerOfferNotice({ ...input, course, next, booker, holdExpiresAt }),
    });
  return { offered: { entryId: next.id, holdExpiresAt, token }, passedOver };
}

type Booker = { id: string; name: string; email: string };

/**
 * Who put the person now offered a place on the waiting list (a school's headteacher or business manager
 * naming a delegate), to be told of the offer too; null when they put themselves on it, or nobody is known.
 */
function bookerToTell(
  entry: { delegateUserId: string | null; delegateEmail: string },
  addedBy: { id: string | null; name: string | null; email: string | null } | null,
): Booker | null {
  if (!addedBy?.id || !addedBy.email) return null;
  if (addedBy.id === entry.delegateUserId) return null;
  if (addedBy.email.toLowerCase() === entry.delegateEmail.toLowerCase()) return null;
  return { id: addedBy.id, name: addedBy.name ?? '', email: addedBy.email };
}

/**
 * The booker's short notice of the offer: whom it is for, the course, until when the place is held and that
 * only the delegate can claim it (the claim link is theirs alone, in their own email), so the booker can remind
 * them. Queued with the delegate's offer, in the same transaction.
 */
function bookerOfferNotice(input: {
  appUrl: string;
  slug: string;
  course: { title: string };
  next: { delegateName: string; delegateEmail: string };
  booker: Booker;
  holdExpiresAt: Date;
}) {
  const { course, next } = input;
  const subject = `Place offered to ${next.delegateName}: ${course.title}`;
  return emailOf('notice', {
    subject,
    heading: `A place is held for ${next.delegateName}`,
    recipientName: input.booker.name,
    paragraphs: [
      `A place on ${course.title} has become free and is offered to ${next.delegateName}, whom you put on the waiting list. It is held until ${untilMoment(input.holdExpiresAt)} (UK time).`,
      `Only ${next.delegateName} can claim it, with the link in the email we have sent them at ${next.delegateEmail}. If it is not claimed by then, it passes to the next person waiting. Weekends and bank holidays do not count towards the hold.`,
    ],
    action: { label: 'See your school’s waiting lists', url: `${input.appUrl}/${input.slug}/courses` },
  });
}
