import { defineConfig } from '@playwright/test';
import { stripeServerEnv } from './tests/e2e/stripe-env';

/**
 * Journeys run in Debian's Chromium against a production build (`next build && next start`) on PostgreSQL.
 * DATABASE_URL picks the database; without it a throw-away `stride_e2e` database on the local server is used.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
export const e2eDatabaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/stride_e2e';
process.env.E2E_DATABASE_URL = e2eDatabaseUrl;

const build = process.env.E2E_SKIP_BUILD ? '' : 'npm run build && ';

export default defineConfig({
  testDir: 'tests/e2e',
  // The fake Stripe API (no network) that the web server's Stripe SDK is pointed at (stripeServerEnv).
  globalSetup: './tests/e2e/fake-stripe-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node tests/e2e/prepare-database.mjs && ${build}npm run start -- -p ${port}`,
    url: `${baseURL}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    // A production build with the demo data seeded at start (STRIDE_DEMO=1): journeys sign in as demo users by
    // magic link, reading the link from outbox_emails (no SMTP server). STRIDE_DEV_TOOLS is never set here: the
    // demo picker and /dev/outbox do not exist in a production build, and the journeys check that.
    env: {
      STRIDE_DEMO: '1',
      DATABASE_URL: e2eDatabaseUrl,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: 'e2e-secret-only-for-tests-0123456789abcdef',
      E2E_RESET_DATABASE: process.env.DATABASE_URL ? '' : '1',
      ...stripeServerEnv,
    },
  },
});
