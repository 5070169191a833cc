import { expect, test } from '@playwright/test';
import { expectAccessible, signInWithMagicLink } from './support';

test('a headteacher signs in through the emailed link and sees their school', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Workspaces' })).toBeVisible();
  await expect(page.getByRole('link', { name: "Harrow Schools' Improvement Partnership" })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/signin');
  await expect(page.getByRole('heading', { name: 'Sign in as a demo user' })).toHaveCount(0);
  await expectAccessible(page);

  await signInWithMagicLink(page, 'head@grange.sch.example');
  await expect(page).toHaveURL(/\/hsip$/);
  await expect(page.getByRole('heading', { name: 'Your school' })).toBeVisible();
  await expect(page.getByTestId('my-school')).toContainText('Grange Primary School');
  await expect(page.getByTestId('my-school')).toContainText('102232');
  await expect(page.getByRole('link', { name: 'People and roles' })).toHaveCount(0);
  await expectAccessible(page);
});

test('a wrong or reused link is refused with a way forward', async ({ page }) => {
  await page.goto('/api/auth/callback/email?token=not-a-token&email=head%40grange.sch.example');
  await expect(page.getByRole('alert').filter({ hasText: 'expired or has already been used' })).toBeVisible();
  await expectAccessible(page);
});

test('a signed-out visitor to a workspace is sent to sign in', async ({ page }) => {
  await page.goto('/bep');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fbep/);
});

test('the server reports itself healthy to a load balancer, with its job queue running', async ({
  request,
}) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(await response.json()).toEqual({ healthy: true, database: 'ok', jobs: 'running' });
});

test('every page is sent with protections against framing, sniffing and leaking its address', async ({
  request,
}) => {
  for (const address of ['/courses/hsip', '/signin', '/hsip']) {
    const headers = (await request.get(address, { maxRedirects: 0 })).headers();
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['strict-transport-security']).toContain('max-age=');
  }
});
