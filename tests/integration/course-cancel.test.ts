import { and, desc, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import {
  chargeableItems,
  courseBookings,
  entitlementBalances,
  invoiceLines,
  invoices,
  moduleKeys,
  outboxEmails,
} from '~/db/schema';
import { academicYearOf } from '~/server/catalogue/academic-year';
import { withMailroom } from '~/server/email/outbox';
import { grantEntitlement } from '~/server/entitlements/grant-entitlement';
import { makeWorkspaceWithEveryRole } from '../fixtures/factories';
import { ownCourse, ranUntilYesterday } from './course-fixtures';
import { openTestDatabase } from './harness';

const nextYear = new Date().getUTCFullYear() + 1;

describe('cancelling a whole course, and no-show charging', () => {
  let database: Database;
  let ws: Awaited<ReturnType<typeof makeWorkspaceWithEveryRole>>;
  beforeAll(async () => {
    database = await openTestDatabase();
    ws = await makeWorkspaceWithEveryRole(database.db, moduleKeys);
  });

  const inWs = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(database.db, ws.tenant.id, fn);

  async function course(on: string, extra: Record<string, unknown> = {}) {
    const made = await ws.caller.courses.create({
      ...ownCourse,
      title: `Cancel course ${Math.random().toString(36).slice(2, 8)}`,
      capacity: 3,
      memberPrice: 100,
      nonMemberPrice: 100,
      outOfAreaPrice: 100,
      entitlement: { unit: 'course_place', category: 'CPD' },
      sessions: [
        { title: 'One', on, startTime: '09:30', endTime: '12:00' },
        { title: 'Two', on, startTime: '13:00', endTime: '15:30' },
      ],
      ...extra,
    } as never);
    await ws.caller.courses.publish({ id: made.id });
    return made.id;
  }
  const grant = (on: string, places: number) =>
    inWs((tx) =>
      grantEntitlement(tx, {
        tenantId: ws.tenant.id,
        schoolId: ws.school.id,
        academicYear: academicYearOf(on),
        unit: 'course_place',
        category: 'CPD',
        quantityHundredths: places * 100,
        description: 'Test places',
        actorUserId: null,
      }),
    );
  const balance = (on: string) =>
    inWs((tx) =>
      tx
        .select({ h: entitlementBalances.balanceHundredths })
        .from(entitlementBalances)
        .where(
          and(
            eq(entitlementBalances.schoolId, ws.school.id),
            eq(entitlementBalances.academicYear, academicYearOf(on)),
            eq(entitlementBalances.unit, 'course_place'),
            eq(entitlementBalances.category, 'CPD'),
          ),
        ),
    ).then((rows) => rows[0]?.h);
  const delegate = (n: string, id: string) => ({
    name: `Delegate ${n}`,
    email: `${n}.${id.slice(0, 8)}@school.example`,
    role: '',
  });

  /** Puts a place's charge on an issued invoice, as a billing run and issue would. */
  const invoiceThePlace = (bookingId: string, number: string) =>
    inWs(async (tx) => {
      const [booking] = await tx.select().from(courseBookings).where(eq(courseBookings.id, bookingId));
      const [invoice] = await tx
        .insert(invoices)
        .values({
          tenantId: ws.tenant.id,
          schoolId: ws.school.id,
          status: 'issued',
          number,
          customerName: 'Test School',
          customerCategory: 'maintained',
        })
        .returning({ id: invoices.id });
      await tx.insert(invoiceLines).values({
        tenantId: ws.tenant.id,
        invoiceId: invoice!.id,
        position: 1,
        description: 'Place',
        quantityHundredths: 100,
        unitPricePence: 10000,
        netPence: 10000,
        vatTreatment: 'outside_scope',
        vatRateBasisPoints: 0,
        vatPence: 0,
        chargeableItemId: booking!.chargeableItemId,
      });
      await tx
        .update(chargeableItems)
        .set({ status: 'invoiced' })
        .where(eq(chargeableItems.id, booking!.chargeableItemId!));
      return invoice!.id;
    });

  it('a place cancelled after it was invoiced is left on the invoice, and finance is asked for the credit note', async () => {
    const on = `${nextYear}-03-10`;
    const id = await course(on, { entitlement: undefined });
    const d = (n: string) => delegate(n, id);
    const booked = await ws.caller.courses.book({
      courseId: id,
      schoolId: ws.school.id,
      delegates: [d('i')],
    });
    const placeId = booked.confirmed[0]?.bookingId ?? '';
    expect(booked.confirmed[0]?.funding).toBe('charge');
    await invoiceThePlace(placeId, `T-${id.slice(0, 8)}`);
    const result = await ws.caller.courses.cancelBooking({ bookingId: placeId, reason: '' });
    // Cancelled in time to be free: the whole price is credited, and no other charge is raised.
    expect(result).toMatchObject({
      outcome: 'free',
      creditDuePence: 10000,
      invoiceNumber: `T-${id.slice(0, 8)}`,
    });
    const charges = await inWs((tx) =>
      tx
        .select({ status: chargeableItems.status })
        .from(chargeableItems)
        .where(eq(chargeableItems.sourceId, placeId)),
    );
    expect(charges).toEqual([{ status: 'invoiced' }]);
    const asked = await withMailroom(database.db, (tx) =>
      tx
        .select({ to: outboxEmails.to })
        .from(outboxEmails)
        .where(like(outboxEmails.subject, `Credit note needed: T-${id.slice(0, 8)}`)),
    );
    expect(asked.map((e) => e.to)).toEqual([ws.user.email]);
  });

  it('cancels every place: entitlement back, uninvoiced charges cancelled, an invoiced one reported, everyone emailed', async () => {
    const on = `${nextYear}-03-03`;
    const id = await course(on);
    await grant(on, 1);
    const before = await balance(on);
    const d = (n: string) => delegate(n, id);
    const booked = await ws.caller.courses.book({
      courseId: id,
      schoolId: ws.school.id,
      delegates: [d('a'), d('b'), d('c'), d('w')],
      joinWaitingList: true,
    });
    expect(booked.confirmed.map((c) => c.funding)).toEqual(['entitlement', 'charge', 'charge']);
    expect(booked.waitlisted).toHaveLength(1);
    expect(await balance(on)).toBe((before ?? 0) - 100);

    // C's charge is already on an issued invoice.
    const cId = booked.confirmed[2]?.bookingId ?? '';
    const invoiceId = await invoiceThePlace(cId, `T-${id.slice(0, 8)}`);

    await expect(ws.caller.courses.cancel({ id, reason: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const result = await ws.caller.courses.cancel({ id, reason: 'Too few bookings' });
    expect(result).toMatchObject({
      placesCancelled: 3,
      waitlistWithdrawn: 1,
      entitlementsReversed: 1,
      chargesCancelled: 1,
    });
    expect(result.invoiced).toEqual([
      expect.objectContaining({ bookingId: cId, invoiceId, invoiceNumber: `T-${id.slice(0, 8)}` }),
    ]);
    expect(await balance(on)).toBe(before);
    const items = await inWs((tx) =>
      tx
        .select({ status: chargeableItems.status })
        .from(chargeableItems)
        .where(eq(chargeableItems.sourceId, booked.confirmed[1]?.bookingId ?? '')),
    );
    expect(items.map((i) => i.status)).toEqual(['cancelled']);
    const cancelled = await ws.caller.courses.byId({ id });
    expect(cancelled.course).toMatchObject({
      status: 'cancelled',
      placesTaken: 0,
      cancelledReason: 'Too few bookings',
    });
    expect(cancelled.counts).toMatchObject({ confirmed: 0, waiting: 0 });
    for (const n of ['a', 'b', 'c', 'w']) {
      const sent = await withMailroom(database.db, (tx) =>
        tx
          .select({ text: outboxEmails.text })
          .from(outboxEmails)
          .where(and(eq(outboxEmails.to, d(n).email), like(outboxEmails.subject, 'Course cancelled:%')))
          .orderBy(desc(outboxEmails.createdAt)),
      );
      expect(sent).toHaveLength(1);
      expect(sent[0]?.text).toContain('Too few bookings');
    }
    await expect(ws.caller.courses.cancel({ id, reason: 'Again' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('charges a no-show drawn from an entitlement once, and removes the charge when a mark is corrected', async () => {
    const on = `${nextYear}-03-10`;
    const id = await course(on, {
      cancellationTerms: { freeUntilWorkingDays: 10, lateCancellationPercent: 50, noShowPercent: 80 },
    });
    await grant(on, 2);
    const booked = await ws.caller.courses.book({
      courseId: id,
      schoolId: ws.school.id,
      delegates: [delegate('x', id), delegate('y', id)],
    });
    expect(booked.confirmed.map((c) => c.funding)).toEqual(['entitlement', 'entitlement']);
    const bookingId = booked.confirmed[0]?.bookingId ?? '';
    await ranUntilYesterday(database.db, id);
    const { sessions } = await ws.caller.courses.byId({ id });
    const mark = (sessionId: string, status: 'absent' | 'attended') =>
      ws.caller.courses.markAttendance({ sessionId, bookingId, status });
    const noShowCharges = () =>
      inWs((tx) =>
        tx
          .select({ status: chargeableItems.status, net: chargeableItems.netPence })
          .from(chargeableItems)
          .where(
            and(
              eq(chargeableItems.sourceId, bookingId),
              like(chargeableItems.description, '%did not attend%'),
            ),
          ),
      );
    // Absent at the first session only: no charge yet.
    expect((await mark(sessions[0]!.id, 'absent')).noShow).toBeNull();
    expect(await noShowCharges()).toEqual([]);
    // Absent at both: 80% of £100, once, even when marked again.
    expect((await mark(sessions[1]!.id, 'absent')).noShow).toEqual({ charged: 8000 });
    expect((await mark(sessions[1]!.id, 'absent')).noShow).toBeNull();
    expect(await noShowCharges()).toEqual([{ status: 'uninvoiced', net: 8000 }]);
    // The facilitator corrects a mark: the uninvoiced charge goes.
    expect((await mark(sessions[0]!.id, 'attended')).noShow).toEqual({ removed: true });
    expect(await noShowCharges()).toEqual([{ status: 'cancelled', net: 8000 }]);
    // Absent throughout again: a fresh charge.
    expect((await mark(sessions[0]!.id, 'absent')).noShow).toEqual({ charged: 8000 });
    const statuses = (await noShowCharges()).map((c) => c.status).sort();
    expect(statuses).toEqual(['cancelled', 'uninvoiced']);
  });
});
