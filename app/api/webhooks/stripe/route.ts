import { getDatabase } from '~/server/database';
import { receiveStripeWebhook } from '~/server/invoicing/stripe-webhook';

/**
 * Stripe's webhook: the raw body is verified against STRIPE_WEBHOOK_SECRET, each event id is recorded once, and
 * a payment or refund is applied in the invoice's tenant. 400 for a bad signature, 500 (retried by Stripe) when
 * the handler fails.
 */
export async function POST(request: Request) {
  const raw = await request.text();
  const { db } = await getDatabase();
  const outcome = await receiveStripeWebhook(
    db,
    raw,
    request.headers.get('stripe-signature'),
    process.env.STRIPE_WEBHOOK_SECRET,
  );
  return new Response(outcome.body, { status: outcome.status, headers: { 'content-type': 'text/plain' } });
}
