import { todayInLondon } from '../catalogue/academic-year';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { chargeableItems, courseBookings, courses, memberships, users } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import type { IsoDate } from '../catalogue/academic-year';
import { recordCharge } from '../entitlements/draw-down-entitlement';
import { loadVatForSchool } from '../invoicing/vat-for-school';
import { reverseDrawdown } from '../entitlements/reverse-drawdown';
import { queueEmail } from '../email/send-email';
import { emailOf } from '../email/templates';
import { financeUsers } from '../access/role-groups';
import { cancellationOutcome, lateCancellationCharge } from './cancellation-terms';
import { formatPence } from '../catalogue/money';
import { longDate } from '../format/dates';
import { courseEmail } from './course-emails';
import { coursePlace } from './course-vat';
import { listSessions } from './get-course';
import { offerNextPlace, type Links } from './offer-next-place';
import { invoicesHolding } from './invoiced-charges';
import { membershipsHere } from '~/server/workspaces/memberships-here';

export const ZCancelBookingInput = z.object({
  bookingId: z.uuid(),
  reason: z.string().trim().max(300).default(''),
});

/** Undoes how a place was paid: entitlement given back, or its charge voided while still uninvoiced. */
export async function undoFunding(
  tx: Tx,
  booking: { tenantId: string; entitlementEntryId: string | null; chargeableItemId: string | null },
  reason: string,
  actorUserId: string | null,
) {
  if (booking.entitlementEntryId)
    await reverseDrawdown(tx, {
      tenantId: booking.tenantId,
      entryId: booking.entitlementEntryId,
      reason,
      actorUserId,
      today: todayInLondon(),
    });
  if (booking.chargeableItemId)
    await tx
      .update(chargeableItems)
      .set({ status: 'cancelled' })
      .where(and(eq(chargeableItems.id, booking.chargeableItemId), eq(chargeableItems.status, 'uninvoiced')));
}

/**
 * A school (or the manager) cancels a place. The course's terms decide the cost: free until N working days
 * before the first session (entitlement reversed, charge voided), after that the late share of the school's
 * price is charged. The place is offered to the first person waiting, or goes back into the pool.
 */
export async function cancelBooking(
  tx: Tx,
  input: {
    bookingId: string;
    reason: string;
    /** Limits the cancellation to one school's bookings (school users). */
    schoolId?: string;
    actorUserId: string;
    today: IsoDate;
    now: Date;
  } & Links,
) {
  const [booking] = await tx.select().from(courseBookings).where(eq(courseBookings.id, input.bookingId));
  if (!booking || (input.schoolId && booking.schoolId !== input.schoolId))
    throw new DomainError({ code: 'NOT_FOUND', message: 'That booking was not found.' });
  // The course row is the lock every change of places takes.
  const [course] = await tx.select().from(courses).where(eq(courses.id, booking.courseId)).for('update');
  if (!course) throw new DomainError({ code: 'NOT_FOUND', message: 'That course was not found.' });
  if (booking.status === 'cancelled')
    throw new DomainError({ code: 'CONFLICT', message: 'This booking is already cancelled.' });
  if (course.startsOn && course.startsOn <= input.today)
    throw new DomainError({
      code: 'CONFLICT',
      message: 'The course has started: mark the delegate absent on the register instead.',
    });
  const outcome = cancellationOutcome(course.cancellationTerms, {
    cancelledOn: input.today,
    firstSessionOn: course.startsOn ?? input.today,
  });
  const [updated] = await tx
    .update(courseBookings)
    .set({
      status: 'cancelled',
      cancelledAt: input.now,
      cancelledReason: input.reason || null,
      updatedAt: sql`now()`,
      inviteSequence: sql`${courseBookings.inviteSequence} + 1`,
    })
    .where(and(eq(courseBookings.id, booking.id), sql`${courseBookings.status} <> 'cancelled'`))
    .returning({ id: courseBookings.id });
  if (!updated) throw new DomainError({ code: 'CONFLICT', message: 'This booking is already cancelled.' });
  // "plus VAT" only to a school that pays VAT on the place (the same decision its invoice applies).
  const schoolPaysVat =
    (await loadVatForSchool(tx, booking.tenantId, booking.schoolId, coursePlace(course))).rateBasisPoints > 0;
  // A charge already on an invoice cannot be voided: the invoice stands and finance credits what is due.
  const onInvoice = booking.chargeableItemId ? await invoiceHolding(tx, booking.chargeableItemId) : null;
  await undoFunding(tx, booking, `Cancelled: ${course.title} (${booking.delegateName})`, input.actorUserId);
  let penaltyPence = 0;
  if (outcome.kind === 'late' && booking.pricePence > 0 && booking.status === 'confirmed')
    penaltyPence = lateCancellationCharge(
      course.cancellationTerms,
      { cancelledOn: input.today, firstSessionOn: course.startsOn ?? input.today },
      booking.pricePence,
    );
  // The place's full price is already invoiced: the school keeps the late share by being credited the rest,
  // not by a second charge.
  const creditDuePence = onInvoice ? Math.max(0, booking.pricePence - penaltyPence) : 0;
  if (onInvoice && creditDuePence > 0)
    await askFinanceForCredit(tx, {
      ...input,
      invoice: onInvoice,
      creditDuePence,
      penaltyPence,
      delegateName: booking.delegateName,
      courseTitle: course.title,
      vat: schoolPaysVat,
    });
  if (penaltyPence > 0 && !onInvoice && outcome.kind === 'late') {
    const charge = await recordCharge(tx, {
      tenantId: booking.tenantId,
      schoolId: booking.schoolId,
      description: `${course.title}: late cancellation (${outcome.percent}%) for ${booking.delegateName}`,
      unitPricePence: penaltyPence,
      quantityHundredths: 100,
      vatRateBasisPoints: course.vatRateBasisPoints,
      pricedAsMember: false,
      sourceType: 'course_booking',
      sourceId: booking.id,
    });
    await tx
      .update(courseBookings)
      .set({ penaltyChargeItemId: charge.id })
      .where(eq(courseBookings.id, booking.id));
  }
  await queueEmail(
    tx,
    courseEmail({
      kind: 'cancelled',
      course,
      sessions: await listSessions(tx, course.id),
      booking,
      bookingId: booking.id,
      providerName: input.providerName,
      reason: [
        penaltyPence > 0
          ? `Under the course’s terms, cancelling after ${longDate(outcome.freeUntil)} costs ${outcome.kind === 'late' ? outcome.percent : 0}% of the price: ${formatPence(penaltyPence)}${schoolPaysVat ? ' plus VAT' : ''}, charged to the school.`
          : '',
        onInvoice && creditDuePence > 0
          ? `The place was already invoiced (${onInvoice.number}): the school will be sent a credit note for ${formatPence(creditDuePence)}${schoolPaysVat ? ' plus VAT' : ''}.`
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    }),
  );
  // A confirmed place and one held for the school's approval both count as taken.
  const next = await offerNextPlace(tx, { ...input, courseId: course.id });
  return {
    outcome: outcome.kind,
    penaltyPence,
    freeUntil: outcome.freeUntil,
    offeredTo: next.offered?.entryId ?? null,
    /** What the school is owed back on the invoice that already holds the place, for finance to credit. */
    creditDuePence,
    invoiceNumber: onInvoice?.number ?? null,
  };
}

/** The invoice (not void) that holds a charge, if it has been invoiced. */
async function invoiceHolding(tx: Tx, chargeableItemId: string) {
  const [row] = await invoicesHolding(tx, [chargeableItemId]);
  return row ? { id: row.invoiceId, number: row.invoiceNumber ?? 'a draft invoice' } : null;
}

/** Tells the workspace's finance people (the manager and finance officers) which credit note a cancellation needs. */
async function askFinanceForCredit(
  tx: Tx,
  input: {
    invoice: { id: string; number: string };
    creditDuePence: number;
    penaltyPence: number;
    delegateName: string;
    courseTitle: string;
    vat: boolean;
    today: IsoDate;
  } & Links,
) {
  const finance = await tx
    .selectDistinct({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.role, [...financeUsers]), membershipsHere));
  const subject = `Credit note needed: ${input.invoice.number}`;
  const plusVat = input.vat ? ' plus VAT' : '';
  for (const person of finance)
    await queueEmail(tx, {
      to: person.email,
      ...emailOf('notice', {
        subject,
        heading: subject,
        recipientName: person.name,
        paragraphs: [
          `${input.delegateName}’s place on ${input.courseTitle} was cancelled on ${longDate(input.today)}, after it was invoiced on ${input.invoice.number}.`,
          input.penaltyPence > 0
            ? `Under the course’s terms the school keeps ${formatPence(input.penaltyPence)}${plusVat} as the late-cancellation charge: raise a credit note for ${formatPence(input.creditDuePence)}${plusVat}.`
            : `It was cancelled in time to be free: raise a credit note for ${formatPence(input.creditDuePence)}${plusVat}.`,
        ],
        action: {
          label: 'Open the invoice',
          url: `${input.appUrl}/${input.slug}/invoices/${input.invoice.id}`,
        },
      }),
    });
}
