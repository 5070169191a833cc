import { expect, test } from '@playwright/test';
import { expectAccessible, latestEmailedLink, signInWithMagicLink } from './support';

test('the Schools Review Group designates Underhill Primary and the headteacher gets the letter', async ({
  page,
}) => {
  const rationale = `KS2 outcomes fell sharply and leaders lack capacity to reverse them (${Date.now()}).`;
  await signInWithMagicLink(page, 'la.officer@barnet.example');

  await page.goto('/barnet/concern');
  await expect(page.getByRole('heading', { name: 'Schools causing concern', level: 1 })).toBeVisible();
  const underhill = page.getByTestId('concern-case').filter({ hasText: 'Underhill Primary School' });
  await expect(underhill).toContainText('Candidate');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Schools Review Group meetings' }).click();
  await expect(page.getByRole('heading', { name: 'Schools Review Group', level: 1 })).toBeVisible();
  await expectAccessible(page);
  // Decisions wait for the meeting's day: hold it today (the suggestion may be later if one was held lately).
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
  await page.getByLabel('Date of the meeting').fill(today);
  await page.getByLabel('Chair (optional)').fill('Head of School Improvement');
  await page.getByRole('button', { name: 'Schedule meeting' }).click();

  await expect(page.getByRole('heading', { name: 'Agenda' })).toBeVisible();
  const item = page.getByTestId('agenda-item').filter({ hasText: 'Underhill Primary School' });
  await expect(item).toContainText('New candidate: decide whether to designate');
  await expectAccessible(page);

  const asked = new Date(Date.now() - 1000);
  await item.getByLabel('Decision').selectOption({ label: 'Designate' });
  await item.getByLabel('Lead Officer').selectOption({ label: 'Samuel Osei' });
  await item.getByLabel('Rationale').fill(rationale);
  await item.getByRole('button', { name: 'Record decision' }).click();
  await expect(item.getByTestId('decision')).toContainText(rationale);
  const letterLink = item.getByRole('link', { name: /Designation letter/ });
  await expect(letterLink).toBeVisible();
  await expectAccessible(page);

  // The headteacher's email carries the link to the letter.
  const emailed = await latestEmailedLink(
    'head@underhill.sch.example',
    /https?:\/\/\S+\/barnet\/concern\/letters\/[0-9a-f-]+\/pdf/,
    asked,
  );
  const href = await letterLink.getAttribute('href');
  expect(emailed.endsWith(href ?? 'missing')).toBe(true);
  const pdf = await page.request.get(href ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  await item.getByRole('link', { name: 'Underhill Primary School', exact: true }).click();
  await expect(page.getByTestId('case-status')).toHaveText('Designated');
  await expect(page.getByRole('definition').filter({ hasText: 'Samuel Osei' })).toBeVisible();
  await expectAccessible(page);
});

test('an officer opens a case for a possible candidate on its own page, from the register', async ({
  page,
}) => {
  await signInWithMagicLink(page, 'la.officer@barnet.example');
  await page.goto('/barnet/concern');
  await expect(page.getByRole('heading', { name: /Possible candidates/ })).toBeVisible();
  await page.getByRole('link', { name: 'Open a case for Holy Trinity CofE Primary School' }).click();

  await expect(
    page.getByRole('heading', { name: 'Open a case for Holy Trinity CofE Primary School', level: 1 }),
  ).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'LA category: 3 Requires Improvement.' }),
  ).toBeVisible();
  await expectAccessible(page);

  // Nothing written is lost to a refused submission: the summary is required.
  await page.getByRole('button', { name: 'Open candidate case' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'Summarise the concerns',
  );
  await page
    .getByLabel('Summary of the concerns')
    .fill('Requires improvement twice; leadership capacity not secure.');
  await page
    .getByLabel(/Trigger the LA judges met/)
    .selectOption({ label: 'Serious breakdown of leadership, management or governance' });
  await page.getByLabel('Evidence').fill('The deputy head and the chair both resigned in October.');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Open candidate case' }).click();

  // The case page, then the register lists the school as a candidate and no longer offers to open one.
  await expect(page).toHaveURL(/\/barnet\/concern\/[0-9a-f-]{36}$/);
  await page.goto('/barnet/concern');
  await expect(
    page.getByTestId('concern-case').filter({ hasText: 'Holy Trinity CofE Primary School' }),
  ).toContainText('Candidate');
  await expect(
    page.getByRole('link', { name: 'Open a case for Holy Trinity CofE Primary School' }),
  ).toHaveCount(0);
});

test('a list with a link per row asks the server for no prefetches, and its links still navigate in place', async ({
  page,
}) => {
  await signInWithMagicLink(page, 'la.officer@barnet.example');
  const prefetches: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch']) prefetches.push(request.url());
  });
  await page.goto('/barnet/concern');
  await expect(page.getByRole('heading', { name: 'Schools causing concern', level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.mouse.wheel(0, 5000);
  await page.getByRole('link', { name: 'Schools Review Group meetings' }).hover();
  await page.waitForTimeout(1000);
  expect(prefetches).toEqual([]);

  // A click is still a client-side navigation: the page is not reloaded.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page
    .getByTestId('concern-case')
    .filter({ hasText: 'Underhill Primary School' })
    .getByRole('link')
    .click();
  await expect(page.getByRole('heading', { name: /Underhill Primary School/, level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
});
