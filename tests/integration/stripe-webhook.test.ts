import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { chargeableItems, invoiceSettings, outboxEmails, payments, schools, stripeEvents } from '~/db/schema';
import { withMailroom } from '~/server/email/outbox';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { createCheckout } from '~/server/invoicing/create-checkout';
import { decryptSecret, encryptSecret } from '~/server/invoicing/stripe-secrets';
import { receiveStripeWebhook } from '~/server/invoicing/stripe-webhook';
import { makeDemoWorkspace, uniqueTag, type DemoWorkspace } from '../fixtures/factories';
import { startFakeStripe } from '../fixtures/fake-stripe';
import { openTestDatabase } from './harness';

const secret = 'whsec_test_only';

describe('Stripe webhook', () => {
  let database: Database;
  let bep: DemoWorkspace;

  beforeAll(async () => {
    database = await openTestDatabase();
    bep = await makeDemoWorkspace(database.db, 'bep');
  });

  /** An issued invoice of £120 for one of BEP's schools. */
  async function issuedInvoice(offset: number) {
    const [school] = await withTenant(database.db, bep.id, (tx) =>
      tx.select({ id: schools.id }).from(schools).orderBy(schools.urn).limit(1).offset(offset),
    );
    await withTenant(database.db, bep.id, (tx) =>
      tx.insert(chargeableItems).values({
        tenantId: bep.id,
        schoolId: school?.id ?? '',
        description: 'Network place',
        quantityHundredths: 100,
        unitPricePence: 12_000,
        netPence: 12_000,
        vatRateBasisPoints: 0,
        pricedAsMember: true,
      }),
    );
    const finance = bep.caller('finance@bep.example');
    const run = await finance.invoices.run({ kind: 'charges', upTo: todayInLondon() });
    const [draft] = await finance.invoices.list({ billingRunId: run.id });
    await finance.invoices.issue({ sendItMyself: true, id: draft?.id ?? '' });
    return { id: draft?.id ?? '', gross: draft?.grossPence ?? 0 };
  }

  const send = (event: object, sign = secret) => {
    const payload = JSON.stringify(event);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: sign });
    return receiveStripeWebhook(database.db, payload, header, secret);
  };
  const completed = (invoiceId: string, pi: string, amount: number) => ({
    id: `evt_${uniqueTag()}`,
    object: 'event',
    type: 'checkout.session.completed',
    data: {
      object: {
        id: `cs_${uniqueTag()}`,
        object: 'checkout.session',
        payment_status: 'paid',
        payment_intent: pi,
        amount_total: amount,
        currency: 'gbp',
        metadata: { tenant_id: bep.id, invoice_id: invoiceId },
      },
    },
  });
  const invoiceOf = (id: string) => bep.caller('finance@bep.example').invoices.byId({ id });

  it('the same checkout.session.completed delivered 5 times records one payment and marks the invoice paid', async () => {
    const invoice = await issuedInvoice(0);
    const pi = `pi_${uniqueTag()}`;
    const event = completed(invoice.id, pi, invoice.gross);
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await send(event));
    expect(outcomes.map((o) => o.body)).toEqual(['paid', 'replay', 'replay', 'replay', 'replay']);
    const rows = await withTenant(database.db, bep.id, (tx) =>
      tx.select().from(payments).where(eq(payments.stripeReference, pi)),
    );
    expect(rows).toHaveLength(1);
    expect((await invoiceOf(invoice.id)).invoice).toMatchObject({ status: 'paid', paidPence: invoice.gross });
  });

  it('charge.refunded arriving before checkout.session.completed ends refunded, with one payment', async () => {
    const invoice = await issuedInvoice(1);
    const pi = `pi_${uniqueTag()}`;
    const refund = await send({
      id: `evt_${uniqueTag()}`,
      object: 'event',
      type: 'charge.refunded',
      data: {
        object: {
          id: `ch_${uniqueTag()}`,
          object: 'charge',
          payment_intent: pi,
          amount_captured: invoice.gross,
          amount_refunded: 5_000,
          metadata: { tenant_id: bep.id, invoice_id: invoice.id },
        },
      },
    });
    expect(refund).toEqual({ status: 200, body: 'refunded' });
    expect((await send(completed(invoice.id, pi, invoice.gross))).body).toBe('paid');
    const view = await invoiceOf(invoice.id);
    expect(view.invoice).toMatchObject({ status: 'part_paid', paidPence: invoice.gross - 5_000 });
    expect(view.outstandingPence).toBe(5_000);
    const rows = await withTenant(database.db, bep.id, (tx) =>
      tx.select().from(payments).where(eq(payments.schoolId, view.invoice.schoolId)),
    );
    expect(rows.filter((r) => r.kind === 'payment')).toHaveLength(1);
    expect(rows.filter((r) => r.kind === 'refund').map((r) => r.amountPence)).toEqual([5_000]);
  });

  it('a Bacs Direct Debit is recorded when Stripe says its payment succeeded, not when checkout completes', async () => {
    const invoice = await issuedInvoice(3);
    const pi = `pi_${uniqueTag()}`;
    const processing = completed(invoice.id, pi, invoice.gross);
    processing.data.object.payment_status = 'unpaid';
    expect((await send(processing)).body).toBe('direct debit clearing');
    const clearing = (await invoiceOf(invoice.id)).invoice;
    expect(clearing.status).toBe('issued');
    expect(clearing.directDebitPendingSince).not.toBeNull();
    // While it clears, the school is not offered a second payment.
    await expect(
      withTenant(database.db, bep.id, (tx) =>
        createCheckout(
          tx,
          { tenantId: bep.id, name: 'BEP', slug: bep.slug, appUrl: 'http://stride.test' },
          { invoiceId: invoice.id },
        ),
      ),
    ).rejects.toThrow('A Direct Debit for this invoice has been clearing since');
    const succeeded = completed(invoice.id, pi, invoice.gross);
    succeeded.type = 'checkout.session.async_payment_succeeded';
    succeeded.data.object.id = processing.data.object.id;
    expect((await send(succeeded)).body).toBe('paid');
    expect((await send(succeeded)).body).toBe('replay');
    expect((await invoiceOf(invoice.id)).invoice).toMatchObject({
      status: 'paid',
      paidPence: invoice.gross,
      directDebitPendingSince: null,
    });
    const rows = await withTenant(database.db, bep.id, (tx) =>
      tx.select().from(payments).where(eq(payments.stripeReference, pi)),
    );
    expect(rows).toHaveLength(1);
  });

  it('a failed Direct Debit records nothing, lifts the clearing mark and tells the school and finance', async () => {
    const invoice = await issuedInvoice(4);
    const pi = `pi_${uniqueTag()}`;
    const processing = completed(invoice.id, pi, invoice.gross);
    processing.data.object.payment_status = 'unpaid';
    await send(processing);
    const failed = completed(invoice.id, pi, invoice.gross);
    failed.type = 'checkout.session.async_payment_failed';
    failed.data.object.payment_status = 'unpaid';
    expect((await send(failed)).body).toBe('direct debit failed');
    const view = await invoiceOf(invoice.id);
    expect(view.invoice).toMatchObject({ status: 'issued', paidPence: 0, directDebitPendingSince: null });
    const told = await withMailroom(database.db, (tx) =>
      tx
        .select({ to: outboxEmails.to })
        .from(outboxEmails)
        .where(eq(outboxEmails.subject, `Direct Debit for invoice ${view.invoice.number} failed`)),
    );
    expect(told.length).toBeGreaterThanOrEqual(2);
    expect(told.map((e) => e.to)).toContain(bep.email('finance@bep.example'));
  });

  it('a bad signature is refused with 400 and records nothing', async () => {
    const invoice = await issuedInvoice(2);
    const event = completed(invoice.id, `pi_${uniqueTag()}`, invoice.gross);
    const outcome = await send(event, 'whsec_someone_else');
    expect(outcome.status).toBe(400);
    const recorded = await withTenant(database.db, bep.id, (tx) =>
      tx.select().from(stripeEvents).where(eq(stripeEvents.eventId, event.id)),
    );
    expect(recorded).toHaveLength(0);
    expect((await invoiceOf(invoice.id)).invoice.status).toBe('issued');
  });

  it('keeps a tenant’s Stripe key encrypted at rest (AES-256-GCM); a tampered value does not decrypt', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const stored = encryptSecret('rk_test_123', key);
    expect(stored).not.toContain('rk_test');
    expect(decryptSecret(stored, key)).toBe('rk_test_123');
    const [iv, tag, data] = stored.split('.');
    expect(() =>
      decryptSecret([iv, tag, `${data?.startsWith('A') ? 'B' : 'A'}${data?.slice(1)}`].join('.'), key),
    ).toThrow();
  });
});

describe('Stripe Checkout', () => {
  let database: Database;
  let bep: DemoWorkspace;
  let fake: Awaited<ReturnType<typeof startFakeStripe>>;
  const saved = { ...process.env };

  beforeAll(async () => {
    database = await openTestDatabase();
    bep = await makeDemoWorkspace(database.db, 'bep');
    fake = await startFakeStripe();
    Object.assign(process.env, fake.env, {
      STRIPE_SECRET_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
    });
  });
  afterAll(async () => {
    await fake.close();
    for (const key of Object.keys(fake.env)) delete process.env[key];
    process.env.STRIPE_SECRET_ENCRYPTION_KEY = saved.STRIPE_SECRET_ENCRYPTION_KEY;
  });

  it('a Checkout session takes the amount from the invoice, sends an idempotency key, and uses the tenant’s key', async () => {
    const manager = bep.caller('manager@bep.example');
    await manager.invoices.connectStripe({ accountId: 'acct_bep', restrictedKey: 'rk_test_bep' });
    await expect(
      bep
        .caller('finance@bep.example')
        .invoices.connectStripe({ accountId: null, restrictedKey: 'rk_test_x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const [stored] = await withTenant(database.db, bep.id, (tx) => tx.select().from(invoiceSettings));
    expect(stored?.stripeKeyEncrypted).not.toContain('rk_test');
    const [school] = await withTenant(database.db, bep.id, (tx) =>
      tx.select({ id: schools.id }).from(schools).orderBy(schools.urn).limit(1),
    );
    await withTenant(database.db, bep.id, (tx) =>
      tx.insert(chargeableItems).values({
        tenantId: bep.id,
        schoolId: school?.id ?? '',
        description: 'Course place',
        quantityHundredths: 100,
        unitPricePence: 9_900,
        netPence: 9_900,
        vatRateBasisPoints: 2000,
        pricedAsMember: true,
      }),
    );
    const finance = bep.caller('finance@bep.example');
    const run = await finance.invoices.run({ kind: 'charges', upTo: todayInLondon() });
    const [draft] = await finance.invoices.list({ billingRunId: run.id });
    await finance.invoices.issue({ sendItMyself: true, id: draft?.id ?? '' });
    const first = await withTenant(database.db, bep.id, (tx) =>
      createCheckout(
        tx,
        { tenantId: bep.id, name: 'BEP', slug: bep.slug, appUrl: 'http://stride.test' },
        {
          invoiceId: draft?.id ?? '',
        },
      ),
    );
    const second = await withTenant(database.db, bep.id, (tx) =>
      createCheckout(
        tx,
        { tenantId: bep.id, name: 'BEP', slug: bep.slug, appUrl: 'http://stride.test' },
        {
          invoiceId: draft?.id ?? '',
        },
      ),
    );
    expect(second.sessionId).toBe(first.sessionId);
    const sent = fake.requests.filter((r) => r.path === '/v1/checkout/sessions');
    expect(sent).toHaveLength(2);
    expect(sent[0]?.idempotencyKey).toBe(`checkout-${draft?.id}-${draft?.grossPence}-card`);
    expect(sent[0]?.form.get('allowed_payment_method_types[0]')).toBe('card');
    expect(sent[0]?.form.get('allowed_payment_method_types[1]')).toBeNull();
    expect(sent[0]?.stripeAccount).toBe('acct_bep');
    expect(sent[0]?.authorization).toBe('Bearer rk_test_bep');
    expect(sent[0]?.form.get('line_items[0][price_data][unit_amount]')).toBe(String(draft?.grossPence));
    expect(sent[0]?.form.get('line_items[0][price_data][currency]')).toBe('gbp');
    expect(sent[0]?.form.get('metadata[invoice_id]')).toBe(draft?.id);

    // The workspace offers Bacs Direct Debit too: Checkout is asked for card and Bacs Direct Debit (Stripe
    // offers those of them the account has switched on), under a key of its own.
    await withTenant(database.db, bep.id, (tx) =>
      tx.update(invoiceSettings).set({ offerBacsDebit: true }).where(eq(invoiceSettings.tenantId, bep.id)),
    );
    const withBacs = await withTenant(database.db, bep.id, (tx) =>
      createCheckout(
        tx,
        { tenantId: bep.id, name: 'BEP', slug: bep.slug, appUrl: 'http://stride.test' },
        { invoiceId: draft?.id ?? '' },
      ),
    );
    expect(withBacs.sessionId).not.toBe(first.sessionId);
    const third = fake.requests.filter((r) => r.path === '/v1/checkout/sessions')[2];
    expect(third?.idempotencyKey).toBe(`checkout-${draft?.id}-${draft?.grossPence}-card-bacs_debit`);
    expect([
      third?.form.get('allowed_payment_method_types[0]'),
      third?.form.get('allowed_payment_method_types[1]'),
    ]).toEqual(['card', 'bacs_debit']);
  });

  it('a finance user’s refund of an online payment goes through Stripe; the charge.refunded that follows adds nothing', async () => {
    const [school] = await withTenant(database.db, bep.id, (tx) =>
      tx.select({ id: schools.id }).from(schools).orderBy(schools.urn).limit(1).offset(1),
    );
    await withTenant(database.db, bep.id, (tx) =>
      tx.insert(chargeableItems).values({
        tenantId: bep.id,
        schoolId: school?.id ?? '',
        description: 'Conference place',
        quantityHundredths: 100,
        unitPricePence: 15_000,
        netPence: 15_000,
        vatRateBasisPoints: 0,
        pricedAsMember: true,
      }),
    );
    const finance = bep.caller('finance@bep.example');
    const run = await finance.invoices.run({ kind: 'charges', upTo: todayInLondon() });
    const [draft] = await finance.invoices.list({ billingRunId: run.id });
    const invoiceId = draft?.id ?? '';
    await finance.invoices.issue({ sendItMyself: true, id: invoiceId });
    const pi = `pi_${uniqueTag()}`;
    const metadata = { tenant_id: bep.id, invoice_id: invoiceId };
    const send = (event: object) => {
      const payload = JSON.stringify(event);
      const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
      return receiveStripeWebhook(database.db, payload, header, secret);
    };
    await send({
      id: `evt_${uniqueTag()}`,
      object: 'event',
      type: 'checkout.session.completed',
      data: {
        object: {
          id: `cs_${uniqueTag()}`,
          object: 'checkout.session',
          payment_status: 'paid',
          payment_intent: pi,
          amount_total: 15_000,
          currency: 'gbp',
          metadata,
        },
      },
    });
    const paid = await finance.invoices.byId({ id: invoiceId });
    expect(paid.invoice.status).toBe('paid');
    const paymentId = paid.payments[0]?.paymentId ?? '';

    await expect(
      finance.invoices.refund({ paymentId, invoiceId, amountPence: 15_001, refundedOn: todayInLondon() }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(fake.requests.filter((r) => r.path === '/v1/refunds')).toHaveLength(0);

    await finance.invoices.refund({ paymentId, invoiceId, amountPence: 5_000, refundedOn: todayInLondon() });
    const sent = fake.requests.filter((r) => r.path === '/v1/refunds');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.form.get('payment_intent')).toBe(pi);
    expect(sent[0]?.form.get('amount')).toBe('5000');
    expect(sent[0]?.idempotencyKey).toMatch(/^refund-[0-9a-f-]{36}$/);
    expect(sent[0]?.stripeAccount).toBe('acct_bep');
    expect((await finance.invoices.byId({ id: invoiceId })).invoice).toMatchObject({
      status: 'part_paid',
      paidPence: 10_000,
    });

    // Stripe then reports the refund: it is the one already recorded.
    const reported = await send({
      id: `evt_${uniqueTag()}`,
      object: 'event',
      type: 'charge.refunded',
      data: {
        object: {
          id: `ch_${uniqueTag()}`,
          object: 'charge',
          payment_intent: pi,
          amount_captured: 15_000,
          amount_refunded: 5_000,
          metadata,
        },
      },
    });
    expect(reported.body).toBe('refunded');
    const refunds = await withTenant(database.db, bep.id, (tx) =>
      tx.select().from(payments).where(eq(payments.kind, 'refund')),
    );
    expect(refunds.filter((r) => r.stripeReference?.startsWith(`${pi}:`)).map((r) => r.amountPence)).toEqual([
      5_000,
    ]);
    expect((await finance.invoices.byId({ id: invoiceId })).invoice.paidPence).toBe(10_000);
  });
});
