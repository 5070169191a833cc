import { expect, test, type Browser } from '@playwright/test';
import { expectAccessible, signInWithMagicLink } from './support';

async function pageFor(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithMagicLink(page, email);
  return page;
}

test('a school asks for a BPSI review, the manager assigns it, the adviser logs it and the hours drop', async ({
  browser,
}) => {
  const details = `Reading in KS1 (${Date.now()})`;

  const school = await pageFor(browser, 'head@coppettswood.sch.example');
  await school.goto('/barnet/entitlements');
  const hoursBefore = await school.getByTestId('balance-adviser_hour').getAttribute('data-left');
  await school.goto('/barnet/adviser-time');
  await expect(school.getByRole('heading', { name: 'Adviser time', level: 1 })).toBeVisible();
  await expectAccessible(school);
  await school.getByLabel('What do you need?').selectOption({ label: 'BPSI School Review' });
  await school.getByLabel('When would suit you?').fill('Week beginning 2 March');
  await school.getByLabel('Anything the adviser should know (optional)').fill(details);
  await school.getByRole('button', { name: 'Send request' }).click();
  await expect(school.getByRole('status')).toContainText('Request sent');

  const manager = await pageFor(browser, 'head.si@barnet.example');
  await manager.goto('/barnet/adviser-time');
  const card = manager.getByTestId('adviser-request').filter({ hasText: details });
  await card.getByLabel('Adviser').selectOption({ label: "Rachel O'Connor" });
  await card.getByRole('button', { name: 'Assign' }).click();
  await expect(card.getByRole('definition').filter({ hasText: "Rachel O'Connor" })).toBeVisible();
  await expectAccessible(manager);

  const adviser = await pageFor(browser, 'adviser@barnet.example');
  await adviser.goto('/barnet/adviser-time');
  const assignment = adviser.getByTestId('adviser-request').filter({ hasText: details });
  await assignment.getByLabel('Date of visit').fill('2026-11-18');
  await assignment.getByLabel('Time spent').fill('2');
  await assignment.getByLabel('Summary of the visit').fill('Reviewed reading with two peer headteachers.');
  await assignment.getByRole('button', { name: 'Log visit' }).click();
  await expect(assignment.getByText('Taken from entitlement.')).toBeVisible();
  await expectAccessible(adviser);

  await school.goto('/barnet/entitlements');
  const hoursAfter = await school.getByTestId('balance-adviser_hour').getAttribute('data-left');
  expect(Number(hoursBefore) - Number(hoursAfter)).toBe(12);
});
