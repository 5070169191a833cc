import Stripe from 'stripe';
import type { Tx } from '~/db/client';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { longDate } from '../format/dates';
import { getInvoice } from './load-invoice';
import { getInvoiceSettings } from './settings';
import { decryptSecret } from './stripe-secrets';

/** The Stripe client for a tenant's key; STRIPE_API_HOST/PORT/PROTOCOL point it at a fake server in tests. */
export function stripeClient(secretKey: string, env: NodeJS.ProcessEnv = process.env): Stripe {
  return new Stripe(secretKey, {
    maxNetworkRetries: 2,
    ...(env.STRIPE_API_HOST ? { host: env.STRIPE_API_HOST } : {}),
    ...(env.STRIPE_API_PORT ? { port: Number(env.STRIPE_API_PORT) } : {}),
    ...(env.STRIPE_API_PROTOCOL === 'http' ? { protocol: 'http' as const } : {}),
  });
}

/**
 * A Stripe Checkout session to pay what is outstanding on an issued invoice, in the tenant's own Stripe account:
 * by card, and by Bacs Direct Debit too when the tenant offers it (`allowed_payment_method_types` filters what
 * the account has switched on and the payment is eligible for, so an account without Bacs Direct Debit offers
 * card alone). The amount and currency come from our invoice, never from the browser; the idempotency key names
 * the invoice, the amount and the methods, so a double click makes one session.
 */
export async function createCheckout(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'name' | 'slug' | 'appUrl'>,
  input: { invoiceId: string; schoolId?: string },
) {
  const view = await getInvoice(tx, input.invoiceId, { schoolId: input.schoolId });
  const { invoice } = view;
  if (invoice.kind !== 'invoice' || (invoice.status !== 'issued' && invoice.status !== 'part_paid'))
    throw new DomainError({
      code: 'CONFLICT',
      message: 'Only an issued, unpaid invoice can be paid online.',
    });
  if (view.outstandingPence <= 0)
    throw new DomainError({ code: 'CONFLICT', message: 'Nothing is outstanding on this invoice.' });
  if (invoice.directDebitPendingSince)
    throw new DomainError({
      code: 'CONFLICT',
      message: `A Direct Debit for this invoice has been clearing since ${longDate(invoice.directDebitPendingSince)}; it takes a few working days, so there is nothing to pay now.`,
    });
  const settings = await getInvoiceSettings(tx, actor);
  if (!settings.stripeKeyEncrypted)
    throw new DomainError({
      code: 'PRECONDITION_FAILED',
      message: `${settings.legalName} does not take online payments yet. Please pay by BACS.`,
    });
  const stripe = stripeClient(decryptSecret(settings.stripeKeyEncrypted));
  const back = `${actor.appUrl}/${actor.slug}/invoices/${invoice.id}`;
  const metadata = { tenant_id: actor.tenantId, invoice_id: invoice.id };
  const methods: ('card' | 'bacs_debit')[] = settings.offerBacsDebit ? ['card', 'bacs_debit'] : ['card'];
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'payment',
      allowed_payment_method_types: methods,
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: 'gbp',
            unit_amount: view.outstandingPence,
            product_data: { name: `Invoice ${invoice.number ?? ''} – ${invoice.customerName}` },
          },
        },
      ],
      metadata,
      payment_intent_data: { metadata },
      success_url: `${back}?paid=1`,
      cancel_url: back,
    },
    {
      idempotencyKey: `checkout-${invoice.id}-${view.outstandingPence}-${methods.join('-')}`,
      ...(settings.stripeAccountId ? { stripeAccount: settings.stripeAccountId } : {}),
    },
  );
  if (!session.url) throw new Error('Stripe returned a Checkout session with no address');
  return { url: session.url, sessionId: session.id };
}
