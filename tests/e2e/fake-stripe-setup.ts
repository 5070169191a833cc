import { startFakeStripe } from '../fixtures/fake-stripe';
import { fakeStripePort } from './stripe-env';

/** Starts the fake Stripe API the e2e web server talks to (no network); stops it after the run. */
export default async function globalSetup() {
  const fake = await startFakeStripe({ port: fakeStripePort, browserCheckout: true });
  return () => fake.close();
}
