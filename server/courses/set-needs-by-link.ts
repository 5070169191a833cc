import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~/db/client';
import { courseBookings } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { runInTenant } from '../unit-of-work/run-in-tenant';
import { findPlace } from './find-place';
import { withPublicCourses } from './public-tenant';

export const ZPlaceNeeds = z.string().trim().max(300, 'Keep access or dietary needs to 300 characters.');

/**
 * The delegate tells the organisers their access or dietary needs from their own place link (signed in or not:
 * the link is the credential), or changes or clears them: a place claimed from the waiting list or passed on by
 * a colleague starts with none. Only while the place is confirmed; audited as the delegate (or their booker).
 */
export async function setNeedsByLink(db: Db, input: { slug: string; token: string; needs: string }) {
  const needs = ZPlaceNeeds.safeParse(input.needs);
  if (!needs.success)
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: needs.error.issues[0]?.message ?? 'Check the needs.',
    });
  const { tenant, booking } = await withPublicCourses(db, input.slug, async (tx, tenant) => ({
    tenant,
    booking: (await findPlace(tx, input.token)).booking,
  }));
  if (booking.status !== 'confirmed')
    throw new DomainError({
      code: 'CONFLICT',
      message: 'This place is no longer booked: there is nothing to change.',
    });
  const actor = booking.delegateUserId ?? booking.bookedByUserId;
  return runInTenant(
    db,
    {
      tenantId: tenant.id,
      action: 'courses.setNeedsByLink',
      actor: actor ? { userId: actor } : { label: 'delegate by place link' },
      input: { bookingId: booking.id },
    },
    async (tx) => {
      await tx
        .update(courseBookings)
        .set({ delegateNeeds: needs.data, updatedAt: sql`now()` })
        .where(eq(courseBookings.id, booking.id));
      return { bookingId: booking.id, needs: needs.data };
    },
  );
}
