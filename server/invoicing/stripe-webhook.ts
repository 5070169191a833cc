import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import Stripe from 'stripe';
import type { Db, Tx } from '~/db/client';
import { invoices, memberships, payments, stripeEvents, users } from '~/db/schema';
import { financeUsers } from '../access/role-groups';
import { queueEmail } from '../email/send-email';
import { emailOf } from '../email/templates';
import { invoiceRecipientsOf } from './invoice-recipients';
import { todayInLondon } from '../catalogue/academic-year';
import { runInTenant } from '../unit-of-work/run-in-tenant';
import { recordPayment, refundPayment } from './record-payment';
import { membershipsHere } from '~/server/workspaces/memberships-here';

export type WebhookOutcome = { status: number; body: string };

type Metadata = { tenant_id?: string; invoice_id?: string } | null | undefined;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Stripe webhook: verifies the signature over the raw body (400 and nothing recorded if it fails), then in
 * the invoice's tenant records the event id once (a replay is a no-op) and applies it. Events may arrive in any
 * order: a refund before its checkout creates the payment from the charge first, and the later checkout finds
 * it. A Bacs Direct Debit is recorded when its payment succeeds, not when its checkout completes (the invoice shows
 * it clearing meanwhile). A handler that throws rolls back the event row too, so Stripe's retry runs it again (500).
 */
export async function receiveStripeWebhook(
  db: Db,
  rawBody: string,
  signature: string | null,
  secret: string | undefined,
): Promise<WebhookOutcome> {
  if (!secret) return { status: 500, body: 'Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET).' };
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature ?? '', secret);
  } catch {
    return { status: 400, body: 'Bad signature.' };
  }
  const object = event.data.object as { id?: string; metadata?: Metadata };
  const tenantId = object.metadata?.tenant_id;
  const invoiceId = object.metadata?.invoice_id;
  if (!tenantId || !uuid.test(tenantId) || !invoiceId || !uuid.test(invoiceId))
    return { status: 200, body: 'Not an invoice payment: ignored.' };
  const outcome = await runInTenant(
    db,
    { tenantId, action: `stripe.${event.type}`, actor: { label: 'Stripe webhook' } },
    async (tx) => {
      const [fresh] = await tx
        .insert(stripeEvents)
        .values({ tenantId, eventId: event.id, type: event.type, objectId: object.id ?? null })
        .onConflictDoNothing()
        .returning({ id: stripeEvents.id });
      if (!fresh) return 'replay';
      // Card payments are paid when the session completes; a Bacs Direct Debit completes unpaid ("processing"),
      // which marks the invoice as clearing, and is paid days later (async_payment_succeeded) or fails
      // (async_payment_failed: nothing is recorded, the mark is lifted and the school and finance are told).
      if (
        event.type === 'checkout.session.completed' ||
        event.type === 'checkout.session.async_payment_succeeded'
      ) {
        const session = event.data.object as Stripe.Checkout.Session;
        const pi =
          typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
        if (session.payment_status !== 'paid') {
          await markDirectDebitClearing(tx, invoiceId, pi ?? session.id);
          return 'direct debit clearing';
        }
        await ensurePayment(tx, tenantId, invoiceId, pi ?? session.id, session.amount_total ?? 0);
        await tx.update(invoices).set({ directDebitPendingSince: null }).where(eq(invoices.id, invoiceId));
        return 'paid';
      }
      if (event.type === 'checkout.session.async_payment_failed') {
        await directDebitFailed(tx, invoiceId);
        return 'direct debit failed';
      }
      if (event.type === 'charge.refunded') {
        const charge = event.data.object as Stripe.Charge;
        const pi =
          typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
        const payment = await ensurePayment(tx, tenantId, invoiceId, pi ?? charge.id, charge.amount_captured);
        const [refunded] = await tx
          .select({ pence: sql<number>`coalesce(sum(${payments.amountPence}), 0)::int` })
          .from(payments)
          .where(
            and(eq(payments.kind, 'refund'), sql`${payments.stripeReference} like ${`${pi ?? charge.id}:%`}`),
          );
        const more = charge.amount_refunded - (refunded?.pence ?? 0);
        if (more > 0)
          await refundPayment(
            tx,
            { tenantId, userId: null },
            {
              paymentId: payment,
              invoiceId,
              amountPence: more,
              reference: '',
              refundedOn: todayInLondon(),
              stripeReference: `${pi ?? charge.id}:${charge.amount_refunded}`,
            },
          );
        return 'refunded';
      }
      return 'ignored';
    },
  );
  return { status: 200, body: outcome };
}

/** A Direct Debit is clearing, unless its payment already arrived (events out of order). */
async function markDirectDebitClearing(tx: Tx, invoiceId: string, reference: string) {
  const [paid] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.kind, 'payment'), eq(payments.stripeReference, reference)));
  if (paid) return;
  await tx
    .update(invoices)
    .set({ directDebitPendingSince: sql`now()` })
    .where(and(eq(invoices.id, invoiceId), isNull(invoices.directDebitPendingSince)));
}

/** The Direct Debit failed: lift the clearing mark and tell the school's invoice contacts and the finance team. */
async function directDebitFailed(tx: Tx, invoiceId: string) {
  const [invoice] = await tx
    .update(invoices)
    .set({ directDebitPendingSince: null })
    .where(eq(invoices.id, invoiceId))
    .returning();
  if (!invoice) return;
  const finance = await tx
    .selectDistinct({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.role, [...financeUsers]), membershipsHere));
  const number = invoice.number ?? '';
  const schoolPeople = await invoiceRecipientsOf(tx, invoice.schoolId);
  for (const person of [...schoolPeople, ...finance]) {
    const forSchool = schoolPeople.includes(person);
    await queueEmail(tx, {
      to: person.email,
      ...emailOf('notice', {
        subject: `Direct Debit for invoice ${number} failed`,
        heading: 'A Direct Debit payment failed',
        recipientName: person.name,
        paragraphs: [
          `The Bacs Direct Debit for invoice ${number} (${invoice.customerName}) did not go through, so nothing has been paid.`,
          forSchool
            ? 'Please pay the invoice another way: online by card, or by BACS quoting the invoice number.'
            : 'The invoice is still outstanding; the school has been told to pay another way.',
        ],
      }),
    });
  }
}

/** The payment for a Stripe payment intent, recorded once whichever event brings it first. */
async function ensurePayment(
  tx: Tx,
  tenantId: string,
  invoiceId: string,
  reference: string,
  amountPence: number,
) {
  const [existing] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.kind, 'payment'), eq(payments.stripeReference, reference)));
  if (existing) return existing.id;
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!invoice) throw new Error(`Stripe paid for invoice ${invoiceId}, which this tenant does not have`);
  const outstanding =
    invoice.status === 'issued' || invoice.status === 'part_paid'
      ? invoice.grossPence - invoice.paidPence - invoice.creditedPence
      : 0;
  const allocate = Math.min(outstanding, amountPence);
  const recorded = await recordPayment(
    tx,
    { tenantId, userId: null },
    {
      schoolId: invoice.schoolId,
      method: 'stripe',
      reference: `Stripe ${reference}`,
      amountPence,
      receivedOn: todayInLondon(),
      allocations: allocate > 0 ? [{ invoiceId, amountPence: allocate }] : [],
      stripeReference: reference,
    },
  );
  return recorded.id;
}
