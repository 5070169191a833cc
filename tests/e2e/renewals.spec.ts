import { expect, test } from '@playwright/test';
import { expectAccessible, latestEmailedLink, signInWithMagicLink } from './support';

test('the BPSI manager opens buy-back, a headteacher renews in one click, uptake updates', async ({
  page,
  browser,
}) => {
  await signInWithMagicLink(page, 'head.si@barnet.example');
  await page.goto('/barnet/renewals');
  await expect(page.getByRole('heading', { name: 'Buy-back renewals', level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Price uplift (%)').fill('3');
  await page.getByRole('button', { name: /Copy packages to/ }).click();
  const closes = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Answers due by').fill(closes);
  await page.getByRole('button', { name: 'Open renewals and email schools' }).click();
  await expect(page.getByTestId('signed-percent')).toContainText('0%');
  await expectAccessible(page);

  // The headteacher opens the emailed link without signing in.
  const link = await latestEmailedLink(
    'head@coppettswood.sch.example',
    /https?:\/\/\S+\/renew\/barnet\/[\w-]+/,
  );
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText('Coppetts Wood Primary School');
  await expect(visitor.getByText('BPSI subscription')).toBeVisible();
  await expectAccessible(visitor);
  await visitor.getByLabel('Purchase-order number (optional)').fill('PO 2027/118');
  await visitor.getByRole('button', { name: 'Renew as now' }).click();
  await expect(visitor.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await expectAccessible(visitor);

  await page.reload();
  await expect(page.getByRole('row', { name: /Coppetts Wood Primary School/ })).toContainText('Renewed');
  await expect(page.getByTestId('signed-percent')).toContainText('(1 of');
});
