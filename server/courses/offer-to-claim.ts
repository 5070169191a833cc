import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { schools } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import type { IsoDate } from '../catalogue/academic-year';
import { closedSchoolRefusal } from '../schools/closed-school';
import { findOffer } from './claim-offer';
import { placeDetailLines } from './course-emails';
import { givenPlaceCost } from './fund-given-place';
import { getCourse } from './get-course';

/**
 * What the claim page behind a waiting-list offer's link shows, read under the workspace's public scope: the
 * course, who the place is held for and until when, and what claiming commits the school to (said before the
 * delegate claims, as the confirmation will). `held` only while the offer stands and its hold has not run out;
 * `schoolClosed` instead when the delegate's school has closed since the offer, with `closed` saying so.
 *
 * Opening the link changes nothing, even for a closed school: an email client's link scanner opens links
 * before the person does, and a read that passed the place on would end offers nobody had seen. The page only
 * says the place cannot be claimed (and offers no claim); the hold passes on as every other does, when it runs
 * out (the expiry job) or when a claim is tried and refused (claimOffer).
 */
export async function offerToClaim(
  tx: Tx,
  input: { token: string; laCodes: readonly string[]; today: IsoDate; now: Date },
) {
  const entry = await findOffer(tx, input.token);
  if (!entry) throw new DomainError({ code: 'NOT_FOUND', message: 'This link is not valid.' });
  const [{ course, sessions }, [school]] = await Promise.all([
    getCourse(tx, entry.courseId),
    tx
      .select({ name: schools.name, status: schools.status, closedOn: schools.closedOn })
      .from(schools)
      .where(eq(schools.id, entry.schoolId)),
  ]);
  const cost = await givenPlaceCost(tx, {
    course,
    sessions,
    schoolId: entry.schoolId,
    laCodes: input.laCodes,
    delegateEmail: entry.delegateEmail,
    today: input.today,
  });
  const closed = school ? closedSchoolRefusal(school, 'booking') : null;
  const held = entry.status === 'offered' && entry.holdExpiresAt !== null && entry.holdExpiresAt > input.now;
  const state: 'claimed' | 'held' | 'schoolClosed' | 'passed' =
    entry.status === 'claimed' ? 'claimed' : held ? (closed ? 'schoolClosed' : 'held') : 'passed';
  return {
    course: { title: course.title, startsOn: course.startsOn, endsOn: course.endsOn },
    delegateName: entry.delegateName,
    state,
    holdExpiresAt: entry.holdExpiresAt,
    /** "Elm Primary closed on 31 August 2025, so it cannot be booked onto courses.", for `schoolClosed`. */
    closed: state === 'schoolClosed' ? closed : null,
    // The first line names the course and dates, which the page's heading already gives.
    cost: placeDetailLines(cost).slice(1),
  };
}
