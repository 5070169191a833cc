import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import Stripe from 'stripe';
import { expectAccessible, signInWithMagicLink } from './support';
import { e2eStripeWebhookSecret } from './stripe-env';

const sql = postgres(process.env.E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/stride_e2e', {
  max: 1,
});
test.afterAll(() => sql.end());

/** The aged-debt total for all schools, in pence. */
async function agedDebtTotal(page: Page): Promise<number> {
  await page.goto('/barnet/invoices/aged-debt');
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'All schools' }) });
  const text = (await row.getByRole('cell').last().textContent()) ?? '';
  return Math.round(Number(text.replace(/[£,\s]/g, '')) * 100);
}

test('a manager connects Stripe; a headteacher pays an invoice through Checkout; the webhook marks it paid and aged debt falls', async ({
  page,
  browser,
  request,
}) => {
  // The workspace manager connects Stripe: the key is stored encrypted and never shown back.
  await signInWithMagicLink(page, 'head.si@barnet.example');
  await page.goto('/barnet/invoices/settings');
  await expect(page.getByTestId('stripe-status')).toContainText('Not connected');
  await page.getByLabel('Restricted key').fill('rk_test_e2eFakeKey0123456789');
  await page.getByRole('button', { name: 'Connect Stripe' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Stripe connected.' })).toBeVisible();
  await expect(page.getByTestId('stripe-status')).toContainText('Connected');
  await expect(page.getByLabel('Restricted key')).toHaveValue('');
  expect(await page.content()).not.toContain('rk_test_e2eFakeKey');
  await expectAccessible(page);

  // Finance notes what is owed.
  const financeContext = await browser.newContext();
  const finance = await financeContext.newPage();
  await signInWithMagicLink(finance, 'finance@barnet.example');
  const before = await agedDebtTotal(finance);
  expect(before).toBeGreaterThan(0);

  // The headteacher opens the school's unpaid invoice and pays online.
  const headContext = await browser.newContext();
  const head = await headContext.newPage();
  await signInWithMagicLink(head, 'head@coppettswood.sch.example');
  await head.goto('/barnet/invoices?status=issued');
  await head
    .getByRole('link', { name: /^INV-\d{6}$/ })
    .first()
    .click();
  await expect(head.getByRole('heading', { name: /Invoice INV-\d{6}/, level: 1 })).toBeVisible();
  const invoiceId = head.url().split('/').pop() ?? '';
  const [invoice] = await sql<{ tenantId: string; outstanding: number }[]>`
    select tenant_id as "tenantId", gross_pence - paid_pence - credited_pence as outstanding
    from invoices where id = ${invoiceId}`;
  if (!invoice) throw new Error('invoice not found');
  await head.getByRole('button', { name: /Pay online/ }).click();
  // The fake Checkout sends the headteacher straight back to the success address.
  await head.waitForURL(/\?paid=1$/);
  expect(head.url()).toContain(`/barnet/invoices/${invoiceId}`);
  // Back before Stripe's webhook: the page says the payment is being confirmed, and offers no second payment.
  await expect(head.getByRole('status')).toContainText('Stripe is confirming your payment');
  await expect(head.getByRole('button', { name: /Pay online/ })).toHaveCount(0);

  // Stripe's webhook (signed with the endpoint's secret) says the session is paid.
  const payload = JSON.stringify({
    id: `evt_e2e_${Date.now()}`,
    object: 'event',
    type: 'checkout.session.completed',
    data: {
      object: {
        id: 'cs_test_fake_1',
        object: 'checkout.session',
        payment_status: 'paid',
        payment_intent: `pi_e2e_${Date.now()}`,
        amount_total: invoice.outstanding,
        currency: 'gbp',
        metadata: { tenant_id: invoice.tenantId, invoice_id: invoiceId },
      },
    },
  });
  const signature = new Stripe('sk_test_unused').webhooks.generateTestHeaderString({
    payload,
    secret: e2eStripeWebhookSecret,
  });
  const bad = await request.post('/api/webhooks/stripe', {
    data: payload,
    headers: { 'content-type': 'application/json', 'stripe-signature': `${signature}0` },
  });
  expect(bad.status()).toBe(400);
  const delivered = await request.post('/api/webhooks/stripe', {
    data: payload,
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
  });
  expect(delivered.status()).toBe(200);

  await head.reload();
  await expect(head.getByText('Settled')).toBeVisible();
  await expect(head.getByRole('status')).toContainText('your payment has been received');
  await expect(head.getByRole('cell', { name: 'Paid online' })).toBeVisible();
  await expect(head.getByRole('button', { name: /Pay online/ })).toHaveCount(0);
  await expectAccessible(head);
  await headContext.close();

  // The finance user's aged debt has fallen by what was paid.
  expect(await agedDebtTotal(finance)).toBe(before - invoice.outstanding);
  await expectAccessible(finance);
  await financeContext.close();
});
