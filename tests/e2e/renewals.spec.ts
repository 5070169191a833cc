import { expect, test } from '@playwright/test';
import { expectAccessible, latestEmail, latestEmailedLink, signInWithMagicLink } from './support';

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
  // Each school is offered its own VAT, as its invoice will charge it: Coppetts Wood, a school Barnet maintains,
  // is outside the scope (the LA's rule), so its price is the total.
  const maintained = visitor.getByTestId('renewal-price').first();
  await expect(maintained).toContainText('Price before VAT');
  await expect(maintained.locator('dd').nth(1)).toHaveText('Outside the scope of VAT');
  await expect(maintained.locator('dd').nth(2)).toHaveText(
    (await maintained.locator('dd').nth(0).textContent()) ?? '',
  );
  await expectAccessible(visitor);
  const invitation = await latestEmail('head@coppettswood.sch.example', /^Renew Coppetts Wood/);
  expect(invitation.text).toMatch(/BPSI subscription: £[\d,]+\.\d\d \(Outside the scope of VAT\)/);

  // Whitchurch, a Harrow school buying from Barnet, pays VAT at 20%: before VAT, the VAT and the total.
  const sbm = await (await browser.newContext()).newPage();
  await sbm.goto(
    await latestEmailedLink('sbm@whitchurch.sch.example', /https?:\/\/\S+\/renew\/barnet\/[\w-]+/),
  );
  const charged = sbm.getByTestId('renewal-price').first();
  await expect(charged.locator('dd').nth(1)).toHaveText(/^£[\d,]+\.\d\d \(VAT at 20%\)$/);
  const pence = async (n: number) =>
    Math.round(
      Number(
        /£([\d,]+\.\d\d)/
          .exec((await charged.locator('dd').nth(n).textContent()) ?? '')?.[1]
          ?.replace(/,/g, ''),
      ) * 100,
    );
  const [net, vat, total] = [await pence(0), await pence(1), await pence(2)];
  expect(vat).toBe(Math.round(net * 0.2));
  expect(total).toBe(net + vat);
  await expectAccessible(sbm);
  await visitor.getByLabel('Purchase-order number (optional)').fill('PO 2027/118');
  await visitor.getByRole('button', { name: 'Renew as now' }).click();
  await expect(visitor.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await expect(visitor.getByText(/^VAT: Outside the scope of VAT$/)).toBeVisible();
  await expect(visitor.getByText(/^Total to pay: £[\d,]+\.\d\d$/)).toBeVisible();
  await expectAccessible(visitor);

  await page.reload();
  await expect(page.getByRole('row', { name: /Coppetts Wood Primary School/ })).toContainText('Renewed');
  await expect(page.getByTestId('signed-percent')).toContainText('(1 of');
});
