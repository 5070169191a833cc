import type { Tx } from '~/db/client';
import { DomainError } from '~/server/errors/domain-error';
import type { IsoDate } from '../catalogue/academic-year';
import { findOffer } from './claim-offer';
import { placeDetailLines } from './course-emails';
import { givenPlaceCost } from './fund-given-place';
import { getCourse } from './get-course';

/**
 * What the claim page behind a waiting-list offer's link shows, read under the workspace's public scope: the
 * course, who the place is held for and until when, and what claiming commits the school to (said before the
 * delegate claims, as the confirmation will). `held` only while the offer stands and its hold has not run out.
 */
export async function offerToClaim(
  tx: Tx,
  input: { token: string; laCodes: readonly string[]; today: IsoDate; now: Date },
) {
  const entry = await findOffer(tx, input.token);
  if (!entry) throw new DomainError({ code: 'NOT_FOUND', message: 'This link is not valid.' });
  const { course, sessions } = await getCourse(tx, entry.courseId);
  const cost = await givenPlaceCost(tx, {
    course,
    sessions,
    schoolId: entry.schoolId,
    laCodes: input.laCodes,
    delegateEmail: entry.delegateEmail,
    today: input.today,
  });
  const state =
    entry.status === 'claimed'
      ? 'claimed'
      : entry.status === 'offered' && entry.holdExpiresAt && entry.holdExpiresAt > input.now
        ? 'held'
        : 'passed';
  return {
    course: { title: course.title, startsOn: course.startsOn, endsOn: course.endsOn },
    delegateName: entry.delegateName,
    state,
    holdExpiresAt: entry.holdExpiresAt,
    // The first line names the course and dates, which the page's heading already gives.
    cost: placeDetailLines(cost).slice(1),
  };
}
