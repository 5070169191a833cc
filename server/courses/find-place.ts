import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseBookings } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { getCourse } from './get-course';
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
