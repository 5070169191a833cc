import { expect, test, type Browser } from '@playwright/test';
import { expectAccessible, signInWithMagicLink } from './support';

const contractTitle = 'School improvement service for schools causing concern 2026–28';

async function pageFor(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithMagicLink(page, email);
  return page;
}

test('BEP’s partner logs support for Greet; Birmingham sees it against the contract but not BEP’s workspace', async ({
  browser,
}) => {
  const activity = `Attendance clinic with the pastoral team (${Date.now()})`;

  const partner = await pageFor(browser, 'adviser@bep.example');
  await partner.goto('/bep/commissioning');
  await expect(partner.getByRole('heading', { name: 'Commissioning', level: 1 })).toBeVisible();
  await expect(partner.getByTestId('contract')).toContainText('Birmingham City Council');
  await expectAccessible(partner);
  await partner.getByRole('link', { name: contractTitle }).click();
  await expect(partner.getByRole('heading', { name: 'Your schools' })).toBeVisible();

  // The assigned partner reads Greet's SCC case and action plan, read-only.
  await partner.getByRole('link', { name: 'Greet Primary School' }).click();
  await expect(partner.getByRole('heading', { name: 'Greet Primary School', level: 1 })).toBeVisible();
  await expect(partner.getByTestId('scc-case')).toContainText('Designated as causing concern');
  await expect(partner.getByTestId('plan-item').first()).toBeVisible();
  await expectAccessible(partner);
  await partner.getByRole('link', { name: /Back to / }).click();

  await partner.getByLabel('School', { exact: true }).selectOption({ label: 'Greet Primary School' });
  await partner.getByLabel('Date delivered').fill('2026-11-20');
  await partner.getByLabel('Days', { exact: true }).fill('1.5');
  await partner.getByLabel('Cost (£)').fill('900');
  await partner.getByLabel('Activity').fill(activity);
  await partner.getByLabel('Progress against the school’s plan').selectOption({ label: 'Green: on track' });
  await partner.getByRole('button', { name: 'Log delivery' }).click();
  await expect(partner.getByRole('status')).toContainText('Delivery logged.');
  await expect(partner.getByTestId('delivery').filter({ hasText: activity })).toBeVisible();
  await expectAccessible(partner);

  // A date in the future is refused with a clear message.
  await partner.getByLabel('School', { exact: true }).selectOption({ label: 'Greet Primary School' });
  await partner.getByLabel('Date delivered').fill('2099-01-05');
  await partner.getByLabel('Days', { exact: true }).fill('1');
  await partner.getByLabel('Cost (£)').fill('600');
  await partner.getByLabel('Activity').fill('Not yet happened');
  await partner
    .getByLabel('Progress against the school’s plan')
    .selectOption({ label: 'Amber: some concerns' });
  await partner.getByRole('button', { name: 'Log delivery' }).click();
  await expect(partner.getByRole('alert').filter({ hasText: 'cannot be in the future' })).toBeVisible();

  const officer = await pageFor(browser, 'la.officer@birmingham.example');
  await officer.goto('/birmingham');
  await officer
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: 'Commissioning' })
    .click();
  await expect(officer.getByRole('heading', { name: 'Commissioning', level: 1 })).toBeVisible();
  await expect(officer.getByTestId('contract').filter({ hasText: contractTitle })).toContainText(
    'Birmingham Education Partnership',
  );
  await expectAccessible(officer);
  await officer.getByRole('link', { name: contractTitle }).click();
  await expect(officer.getByTestId('spend')).toContainText('of £1,080,000.00 a year');
  await expect(officer.getByTestId('days-delivered')).toContainText('of 43 funded days');
  const row = officer.getByTestId('delivery').filter({ hasText: activity });
  await expect(row).toContainText('Deborah Greaves');
  await expect(row).toContainText('£900.00');
  await expect(row).toContainText('1.5');
  await expect(
    officer.getByTestId('covered-school').filter({ hasText: 'Greet Primary School' }),
  ).toContainText('Green');
  await expectAccessible(officer);

  // The link is the contract, not BEP's workspace: its traded pages stay closed to the LA.
  for (const path of ['/bep/catalogue', '/bep/entitlements']) {
    const response = await officer.goto(path);
    expect(response?.status()).toBe(403);
    await expect(officer.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
    await expectAccessible(officer);
  }
});

test('Birmingham commissions BEP for a school, changes its days, then revokes the contract and BEP loses sight of it', async ({
  browser,
}) => {
  const title = `Governance review pilot (${Date.now()})`;

  const officer = await pageFor(browser, 'la.officer@birmingham.example');
  await officer.goto('/birmingham/commissioning');
  await officer.getByRole('button', { name: 'Create contract' }).click();
  // The error summary links to the field; the same words stand beside it.
  await expect(officer.getByRole('link', { name: 'Enter a title for the contract.' })).toBeVisible();
  await officer.getByLabel('Provider').selectOption({ label: 'Birmingham Education Partnership' });
  await officer.getByLabel('Contract title').fill(title);
  await officer.getByLabel('Annual value (£)').fill('24000');
  await officer.getByLabel('Starts on').fill('2026-09-01');
  await officer.getByLabel('Ends on').fill('2027-08-31');
  await officer.getByRole('button', { name: 'Create contract' }).click();
  await expect(officer.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  await officer
    .getByLabel('School', { exact: true })
    .selectOption({ label: 'Cherry Orchard Primary School (URN 103305)' });
  await officer.getByLabel('Funded days', { exact: true }).fill('4');
  await officer.getByLabel('Support to provide (optional)').fill('Governance review');
  await officer.getByRole('button', { name: 'Add school' }).click();
  const row = officer.getByTestId('covered-school').filter({ hasText: 'Cherry Orchard Primary School' });
  await expect(row).toContainText('4');
  await officer.getByLabel('Funded days for Cherry Orchard Primary School').fill('5');
  await officer.getByRole('button', { name: 'Change funded days for Cherry Orchard Primary School' }).click();
  await expect(officer.getByTestId('days-delivered')).toContainText('0 of 5 funded days');
  await expectAccessible(officer);

  const manager = await pageFor(browser, 'manager@bep.example');
  await manager.goto('/bep/commissioning');
  await expect(manager.getByRole('link', { name: title })).toBeVisible();

  await officer.getByRole('button', { name: 'Revoke contract' }).click();
  await officer.getByRole('button', { name: 'Yes, revoke the contract' }).click();
  await expect(officer.getByText('This contract was revoked')).toBeVisible();
  await expectAccessible(officer);

  await manager.reload();
  await expect(manager.getByRole('heading', { name: 'Commissioning', level: 1 })).toBeVisible();
  await expect(manager.getByRole('link', { name: title })).toHaveCount(0);
});
