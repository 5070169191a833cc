import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseBookings, courseWaitlistEntries, tenants } from '~/db/schema';
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

/**
 * A waiting-list offer's invite, rendered at delivery like a place's. The events carry the UIDs the place will
 * have once claimed (a claimed offer's booking takes the entry's id), so the claim's confirmation turns the
 * same tentative events into confirmed ones. While the hold stands it is a REQUEST with TENTATIVE events at
 * the course's SEQUENCE; once claimed it is the place's own invite; once the hold has ended (expired,
 * withdrawn) or the course is cancelled, a CANCEL one above it.
 */
export async function renderOfferInvite(
  tx: Tx,
  tenantId: string,
  entryId: string,
  method: 'REQUEST' | 'CANCEL',
): Promise<{ ics: string; method: 'REQUEST' | 'CANCEL' }> {
  const [entry] = await tx.select().from(courseWaitlistEntries).where(eq(courseWaitlistEntries.id, entryId));
  if (!entry) throw new DomainError({ code: 'NOT_FOUND', message: 'That offer was not found.' });
  if (entry.status === 'claimed' && entry.bookingId)
    return renderBookingInvite(tx, tenantId, entry.bookingId, method);
  const [{ course, sessions }, [tenant]] = await Promise.all([
    getCourse(tx, entry.courseId),
    tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId)),
  ]);
  const held = entry.status === 'offered' && course.status !== 'cancelled';
  const sent = method === 'REQUEST' && held ? 'REQUEST' : 'CANCEL';
  const ics = courseInvite({
    course,
    sessions,
    booking: { id: entry.id, delegateName: entry.delegateName, delegateEmail: entry.delegateEmail },
    providerName: tenant?.name ?? '',
    organizerEmail: senderAddress(env().EMAIL_FROM),
    sequence: course.inviteSequence + (held ? 0 : 1),
    method: sent,
    tentative: sent === 'REQUEST',
  });
  return { ics, method: sent };
}
