import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '~/db/client';
import { payments } from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { stripeClient } from './create-checkout';
import { refundPayment, type ZRefundInput } from './record-payment';
import { getInvoiceSettings } from './settings';
import { decryptSecret } from './stripe-secrets';

/**
 * A finance user refunds (part of) a payment. A BACS, cheque or journal payment is returned outside Stride, so the
 * refund is only recorded. A payment made online is refunded through Stripe, so the school gets its money back:
 * recorded under its payment intent (as the webhook records refunds), so the `charge.refunded` that Stripe sends
 * afterwards adds nothing, with an idempotency key per refund. Stripe is called last: if it refuses, nothing is
 * recorded; if this transaction fails after Stripe refunded, the webhook records the refund.
 */
export async function refundPaymentAsFinance(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'name'> & { userId: string | null },
  input: z.infer<typeof ZRefundInput>,
) {
  const [original] = await tx.select().from(payments).where(eq(payments.id, input.paymentId));
  if (!original || original.method !== 'stripe') return refundPayment(tx, actor, input);
  const paymentIntent = original.stripeReference;
  const settings = await getInvoiceSettings(tx, actor);
  if (!paymentIntent?.startsWith('pi_') || !settings.stripeKeyEncrypted)
    throw new DomainError({
      code: 'PRECONDITION_FAILED',
      message:
        'Refund this online payment in your Stripe dashboard: Stride records the refund when Stripe reports it.',
    });
  const [before] = await tx
    .select({ pence: sql<number>`coalesce(sum(${payments.amountPence}), 0)::int` })
    .from(payments)
    .where(and(eq(payments.kind, 'refund'), sql`${payments.stripeReference} like ${`${paymentIntent}:%`}`));
  const refunded = await refundPayment(tx, actor, {
    ...input,
    stripeReference: `${paymentIntent}:${(before?.pence ?? 0) + input.amountPence}`,
  });
  const stripe = stripeClient(decryptSecret(settings.stripeKeyEncrypted));
  await stripe.refunds.create(
    {
      payment_intent: paymentIntent,
      amount: input.amountPence,
      metadata: { tenant_id: actor.tenantId, invoice_id: input.invoiceId, refund_id: refunded.id },
    },
    {
      idempotencyKey: `refund-${refunded.id}`,
      ...(settings.stripeAccountId ? { stripeAccount: settings.stripeAccountId } : {}),
    },
  );
  return refunded;
}
