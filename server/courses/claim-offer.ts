import { and, eq, gt } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseBookings, courses, courseWaitlistEntries, schools } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { closedSchoolRefusal } from '../schools/closed-school';
import { queueEmail } from '../email/send-email';
import { courseEmail, placeDetailLines, placeDetailsOf } from './course-emails';
import { tellSchoolLeaders } from './tell-school-leaders';
import { londonDateOf } from './london-time';
import { fundGivenPlace } from './fund-given-place';
import { getCourse } from './get-course';
import { hashPlaceToken, newPlaceToken } from './place-token';
import { offerNextPlace, passOverClosedSchool, type Links } from './offer-next-place';

/** The offer behind a claim link, if it is still held. */
export async function findOffer(tx: Tx, token: string) {
  const [entry] = await tx
    .select()
    .from(courseWaitlistEntries)
    .where(eq(courseWaitlistEntries.claimTokenHash, hashPlaceToken(token)));
  return entry;
}

/**
 * The person offered a place claims it from their email before the hold runs out: the held place becomes
 * their booking (it was already counted as taken), paid from entitlement or charged like any booking. If
 * their school has closed since the offer, the offer ends and the held place passes to the next person
 * waiting: that is kept, so it comes back as `refused` (the closed-school message) for the caller to refuse
 * with once it is committed, rather than thrown.
 */
export async function claimOffer(
  tx: Tx,
  input: { token: string; now: Date; tenantId: string; laCodes: readonly string[] } & Links,
) {
  const entry = await findOffer(tx, input.token);
  if (!entry) throw new DomainError({ code: 'NOT_FOUND', message: 'This link is not valid.' });
  if (entry.status === 'offered') {
    const [school] = await tx
      .select({ name: schools.name, status: schools.status, closedOn: schools.closedOn })
      .from(schools)
      .where(eq(schools.id, entry.schoolId));
    const closed = school && closedSchoolRefusal(school, 'booking');
    if (closed) {
      // The course row first, as every change of places takes it; then the offer as it is under that lock.
      await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, entry.courseId)).for('update');
      if (await passOverClosedSchool(tx, entry.id, closed)) {
        const { offered } = await offerNextPlace(tx, { ...input, courseId: entry.courseId });
        return { refused: closed, passedOnTo: offered?.entryId ?? null };
      }
    }
  }
  // The place takes the offer's id: the offer's tentative invite used it in its event UIDs, so the confirmation
  // below updates those events rather than adding a second copy.
  const bookingId = entry.id;
  // One conditional UPDATE claims the offer, so a double click or a racing expiry cannot claim it twice.
  const [claimed] = await tx
    .update(courseWaitlistEntries)
    .set({ status: 'claimed', bookingId })
    .where(
      and(
        eq(courseWaitlistEntries.id, entry.id),
        eq(courseWaitlistEntries.status, 'offered'),
        gt(courseWaitlistEntries.holdExpiresAt, input.now),
      ),
    )
    .returning({ id: courseWaitlistEntries.id });
  if (!claimed)
    throw new DomainError({
      code: 'CONFLICT',
      message:
        entry.status === 'claimed'
          ? 'You have already claimed this place.'
          : 'Sorry: the hold on this place has run out and it has passed to the next person.',
    });
  const { course, sessions } = await getCourse(tx, entry.courseId);
  const { schoolName, vatRateBasisPoints, ...funded } = await fundGivenPlace(tx, {
    tenantId: input.tenantId,
    course,
    schoolId: entry.schoolId,
    laCodes: input.laCodes,
    bookingId: bookingId,
    delegateName: entry.delegateName,
    delegateEmail: entry.delegateEmail,
    actorUserId: entry.delegateUserId,
    now: input.now,
  });
  const { token, tokenHash } = newPlaceToken();
  await tx.insert(courseBookings).values({
    tenantId: input.tenantId,
    id: bookingId,
    courseId: course.id,
    schoolId: entry.schoolId,
    delegateName: entry.delegateName,
    delegateEmail: entry.delegateEmail,
    delegateRole: entry.delegateRole,
    delegateUserId: entry.delegateUserId,
    bookedByUserId: entry.addedByUserId,
    status: 'confirmed',
    ...funded,
    accessTokenHash: tokenHash,
    // One above the offer's invite (which had the course's count alone).
    inviteSequence: 1,
  });
  const place = placeDetailsOf(course, sessions, {
    schoolName,
    funding: funded.funding,
    pricePence: funded.pricePence,
    vatRateBasisPoints,
    bookedOn: londonDateOf(input.now),
  });
  // The delegate claimed it alone: those who pay hear of a charge before the invoice.
  if (funded.funding === 'charge')
    await tellSchoolLeaders(tx, {
      schoolId: entry.schoolId,
      subject: `Place claimed: ${course.title}`,
      paragraphs: [
        `${entry.delegateName} has claimed a place on ${course.title} that came free from the waiting list.`,
        ...placeDetailLines(place).slice(1),
      ],
      url: `${input.appUrl}/${input.slug}/courses`,
    });
  await queueEmail(
    tx,
    courseEmail({
      kind: 'confirmed',
      course,
      sessions,
      place,
      booking: entry,
      bookingId,
      providerName: input.providerName,
      url: `${input.appUrl}/courses/${input.slug}/place/${token}`,
    }),
  );
  return { bookingId, courseId: course.id, funding: funded.funding, refused: null };
}
