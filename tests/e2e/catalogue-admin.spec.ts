import { expect, test } from '@playwright/test';
import { expectAccessible, signInWithMagicLink } from './support';

test('the BEP manager reprices a service and cancels a school’s subscription', async ({ page }) => {
  await signInWithMagicLink(page, 'manager@bep.example');
  await page.goto('/bep/catalogue');
  await page.getByRole('link', { name: 'School review' }).first().click();
  await expect(page.getByRole('heading', { name: 'School review', level: 1 })).toBeVisible();
  await page.getByLabel('Non-member price (£)').fill('2000');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  await expect(page.getByText('£2,000.00').first()).toBeVisible();
  await expectAccessible(page);

  await page.goto('/bep/entitlements');
  // Brookvale (a seeded BEP subscriber) from the by-school uptake table.
  await page.getByRole('link', { name: 'Brookvale Primary School' }).first().click();
  await expect(page).toHaveURL(/school=/);
  const subscriptions = page.getByRole('region', { name: 'Subscriptions' });
  const row = subscriptions.getByRole('row', { name: /BEP partnership membership/ });
  await row.getByRole('button', { name: /Cancel/ }).click();
  await row.getByLabel(/Why is .* being cancelled/).fill('School joining a trust that provides this');
  await row.getByRole('button', { name: 'Confirm cancellation' }).click();
  await expect(row).toContainText('Cancelled');
  await expectAccessible(page);
});
