/**
 * Stripe for the journeys: the web server's SDK talks to the fake Stripe (tests/fixtures/fake-stripe.ts, started
 * by the global setup) on a fixed port, and the journey signs its webhooks with this secret.
 */
const appPort = Number(process.env.E2E_PORT ?? 3100);
export const fakeStripePort = Number(process.env.E2E_STRIPE_PORT ?? appPort + 1000);
export const e2eStripeWebhookSecret = 'whsec_e2e_only_for_tests';

export const stripeServerEnv = {
  STRIPE_API_HOST: '127.0.0.1',
  STRIPE_API_PORT: String(fakeStripePort),
  STRIPE_API_PROTOCOL: 'http',
  STRIPE_WEBHOOK_SECRET: e2eStripeWebhookSecret,
  // A fixed test key for encrypting the tenant's Stripe key at rest (32 bytes, base64).
  STRIPE_SECRET_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};
