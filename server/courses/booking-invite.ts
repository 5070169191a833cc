import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseBookings, tenants } from '~/db/schema';
import { env } from '~/server/env';
import { DomainError } from '~/server/errors/domain-error';
import { courseInvite, inviteSequence } from './course-invite';
import { getCourse } from './get-course';

/** The bare address in a From header such as `Stride <no-reply@stride.example>`. */
const senderAddress = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

/**
 * A place's calendar invite as an email attachment, rendered at delivery inside the place's tenant from the
 * booking and course as they are then. A REQUEST for a place or course cancelled since the email was queued
 * goes out as a CANCEL, so a late confirmation never puts back events that a later email removed.
 */
export async function renderBookingInvite(
  tx: Tx,
  tenantId: string,
  bookingId: string,
  method: 'REQUEST' | 'CANCEL',
): Promise<{ ics: string; method: 'REQUEST' | 'CANCEL' }> {
  const [booking] = await tx.select().from(courseBookings).where(eq(courseBookings.id, bookingId));
  if (!booking) throw new DomainError({ code: 'NOT_FOUND', message: 'That place was not found.' });
  const [{ course, sessions }, [tenant]] = await Promise.all([
    getCourse(tx, booking.courseId),
    tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId)),
  ]);
  const live = booking.status === 'confirmed' && course.status !== 'cancelled';
  const sent = method === 'REQUEST' && live ? 'REQUEST' : 'CANCEL';
  const ics = courseInvite({
    course,
    sessions,
    booking,
    providerName: tenant?.name ?? '',
    organizerEmail: senderAddress(env().EMAIL_FROM),
    sequence: inviteSequence(course, booking),
    method: sent,
  });
  return { ics, method: sent };
}
