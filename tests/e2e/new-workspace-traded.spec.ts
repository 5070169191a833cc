import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { giasCsv, giasRow } from '../fixtures/gias';
import {
  acceptInvitation,
  expectAccessible,
  latestEmail,
  latestEmailedLink,
  signInWithMagicLink,
} from './support';

// A workspace that is not the seed: provisioned, its school imported from GIAS, no term dates of its own.
const run = Date.now().toString(36);
const slug = `newt-${run}`;
const name = `Newtrade Partnership ${run}`;
const managerEmail = `m-${run}@newtrade.example`;
const headEmail = `h-${run}@school.example`;

const workspace = { slug, name };

test('a new partnership sells its first package; the head subscribes for the terms left and a course place draws on it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await (await browser.newContext()).newPage();
  await signInWithMagicLink(page, 'platform@stride.example');
  await page.goto('/platform');
  const created = new Date(Date.now() - 1000);
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Short name').fill('NT');
  await page.getByLabel('Web address name').fill(slug);
  await page.getByRole('radio', { name: 'School improvement partnership' }).check();
  await page.getByLabel('LA codes').fill('330');
  for (const m of ['Traded services', 'CPD courses and bookings', 'Invoicing and payments'])
    await page.getByRole('checkbox', { name: m }).check();
  await page.getByLabel(/Manager.s email address/).fill(managerEmail);
  await page.getByRole('button', { name: 'Create workspace and invite its manager' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await page.context().clearCookies();
  await acceptInvitation(page, { email: managerEmail, after: created, workspace }, 'Mo Manager');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'explore-'));
  const file = path.join(dir, 'gias.csv');
  const urn = 760_000 + (Date.now() % 40_000);
  const schoolName = `Newtrade Primary ${run}`;
  // A real file also lists the area's closed schools: the check says which new ones are closed.
  const closedName = `Old Mill Infant School ${run}`;
  await writeFile(
    file,
    giasCsv(
      [giasRow({ urn, name: schoolName }), giasRow({ urn: urn + 1, name: closedName, status: 'Closed' })],
      {
        header: 'full',
      },
    ),
  );
  await page.goto(`/${slug}/schools/import`);
  await page.getByLabel('GIAS establishment fields file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check file' }).click();
  const changes = page.getByRole('table', { name: 'Schools the import adds or changes (2)' });
  await expect(changes.getByRole('row', { name: new RegExp(closedName) })).toContainText(
    'New school, closed in GIAS (added as closed)',
  );
  await expect(changes.getByRole('row', { name: new RegExp(schoolName) })).toContainText(/New school$/);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Import 2 schools' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 2 schools');
  // The manager names the two prices as its own price list does; every price form and quote follows.
  await page.goto(`/${slug}/catalogue`);
  await page.getByRole('link', { name: 'Settings (price names)' }).click();
  await expect(page.getByRole('heading', { name: 'Traded services settings', level: 1 })).toBeVisible();
  await expect(page.getByLabel('The price schools with your agreement pay')).toHaveValue('Member');
  await page.getByLabel('The price schools with your agreement pay').fill('Buy-back');
  await page.getByLabel('The price other schools pay').fill('Standard');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expectAccessible(page);

  // The manager's first package: three course places.
  await page.goto(`/${slug}/catalogue`);
  await page.getByRole('link', { name: 'New package or service' }).click();
  // The workspace has no VAT number, so the form asks no VAT rate and says why: its invoices will charge none.
  await expect(page.getByTestId('item-vat')).toHaveText(
    'No VAT is charged: the workspace has no VAT number in its invoice settings.',
  );
  await expect(page.getByLabel('VAT rate (%)')).toHaveCount(0);
  await page.getByLabel('Code', { exact: true }).fill('CPD1');
  await page.getByLabel('Name', { exact: true }).fill('CPD package');
  await page.getByLabel('Buy-back price', { exact: true }).fill('900');
  await page.getByLabel('Standard price', { exact: true }).fill('1200');
  const line1 = page.getByRole('group', { name: 'Line 1' });
  await line1.getByLabel('Entitlement').selectOption({ label: 'Course places' });
  await line1.getByLabel('Quantity').fill('3');
  await line1.getByLabel('Description', { exact: true }).fill('3 course places');
  await page.getByRole('button', { name: 'Create package' }).click();
  await expect(page.getByRole('heading', { name: 'CPD package', level: 1 })).toBeVisible();

  // The dashboard's Courses panel has nothing to count yet: it points to the first course.
  await page.goto(`/${slug}`);
  const coursesPanel = page.getByRole('region', { name: 'Courses', exact: true });
  await expect(coursesPanel).toContainText('No courses yet');
  await expectAccessible(page);
  await coursesPanel.getByRole('link', { name: 'create your first course' }).click();
  await expect(page.getByRole('heading', { name: 'New course', level: 1 })).toBeVisible();

  // A course whose places draw on course places.
  await page.getByLabel('Title', { exact: true }).fill(`Drawn course ${run}`);
  await page.getByLabel('Teachers', { exact: true }).check();
  await page.getByLabel('Format').selectOption('in_person');
  await page.getByLabel('Venue').fill('Hall');
  await page.getByLabel('Date', { exact: true }).fill(`${new Date().getUTCFullYear() + 1}-02-03`);
  await page.getByLabel('Capacity').fill('10');
  await page.getByLabel('Buy-back price', { exact: true }).fill('50');
  await page.getByLabel('Standard price').fill('70');
  await page.getByLabel('Out-of-area price').fill('90');
  await page
    .getByLabel('A place draws from the school’s entitlement')
    .selectOption({ label: 'Course places' });
  await page.getByRole('button', { name: 'Create draft course' }).click();
  await page.getByRole('button', { name: 'Publish to the catalogue' }).click();
  await expect(page.getByRole('link', { name: 'See its public page' })).toBeVisible();
  const courseUrl = page.url();
  // Its public catalogue promises only what it runs: no ECT induction or governor training here.
  await page.goto(`/courses/${slug}`);
  await expect(page.getByRole('main')).toContainText(
    'CPD courses, subject networks and headteacher seminars. Browse freely',
  );
  await expect(page.getByRole('main')).not.toContainText('ECT induction');
  await expectAccessible(page);

  // The school's head is invited and joins.
  const invited = new Date(Date.now() - 1000);
  await page.goto(`/${slug}/members`);
  const invite = page.getByRole('region', { name: 'Invite someone' });
  await invite.getByLabel('Email address').fill(headEmail);
  await invite.getByLabel('Role').selectOption({ label: 'Headteacher / school business manager' });
  await invite.getByLabel('School', { exact: true }).selectOption({ label: `${schoolName} (${urn})` });
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${headEmail}` })).toBeVisible();
  const head = await (await browser.newContext()).newPage();
  await acceptInvitation(head, { email: headEmail, after: invited, workspace }, 'Hal Head');
  // Subscribes: not a buy-back school, so the standard price, for the terms not yet started (the
  // workspace keeps no term dates of its own, so the usual England terms are used).
  await head.goto(`/${slug}/catalogue`);
  // The workspace has no VAT number: the catalogue says no VAT is charged, as its invoices will charge none, and
  // so does the school's own price in the list, as the quote does.
  await expect(head.getByRole('article', { name: 'CPD package' })).toContainText(
    'No VAT: we are not registered for VAT',
  );
  await expect(head.getByTestId('your-price')).toContainText('No VAT: we are not registered for VAT');
  await expect(head.getByTestId('your-price')).not.toContainText('Total with VAT');
  await head.getByRole('link', { name: 'Subscribe' }).first().click();
  const quote = head.getByTestId('quote');
  await expect(quote).toContainText('£1,200.00 (standard)');
  const terms = Number(/(\d) of 3/.exec((await quote.textContent()) ?? '')?.[1]);
  expect(terms).toBeGreaterThanOrEqual(1);
  // Joining part-way through the year, the head is told how the places were worked out (3 places in thirds
  // come out whole: no rounding to speak of).
  if (terms < 3)
    await expect(head.getByTestId('pro-rata')).toHaveText(
      `3 course places: ${terms} of 3 course places: joining with ${terms} of 3 terms left, ${terms === 1 ? 'a third' : 'two thirds'} of 3.`,
    );
  else await expect(head.getByTestId('pro-rata')).toHaveCount(0);
  await expectAccessible(head);
  const ordered = new Date(Date.now() - 1000);
  await head.getByRole('button', { name: 'Subscribe' }).click();
  await expect(head.getByRole('status')).toContainText(`${schoolName} now subscribes to CPD package`);
  // The order confirmation does not promise VAT on the invoice either.
  const confirmation = await latestEmail(headEmail, /^Order confirmed: CPD package/, ordered);
  expect(confirmation.text).toContain('(no VAT: we are not registered for VAT)');
  expect(confirmation.text).not.toContain('before VAT');

  // A place on the course is covered, and the statement shows it used.
  await head.goto(`${courseUrl}/book`);
  const delegate = head.getByRole('group', { name: 'Delegate 1' });
  await delegate.getByLabel('Name', { exact: true }).fill('Di Delegate');
  await delegate.getByLabel('Email', { exact: true }).fill(`di-${run}@school.example`);
  await delegate.getByLabel('Role (optional)').fill('Year 4 teacher');
  await expect(head.getByText('1 covered by your school’s entitlement (no charge)')).toBeVisible();
  const booked = new Date(Date.now() - 1000);
  await head.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(
    head.getByRole('status').filter({ hasText: '1 place confirmed (from your school’s entitlement).' }),
  ).toBeVisible();
  // The delegate's own page, from the confirmation email, says who can cancel the place and until when free.
  const placeLink = await latestEmailedLink(
    `di-${run}@school.example`,
    /https?:\/\/\S+\/courses\/[a-z0-9-]+\/place\/[\w-]+(?!\S*calendar)/,
    booked,
  );
  const delegatePage = await (await browser.newContext()).newPage();
  await delegatePage.goto(placeLink);
  await expect(delegatePage.getByTestId('cannot-come')).toContainText(
    `Ask the headteacher or business manager at ${schoolName} to cancel your place or send a colleague instead.`,
  );
  await expect(delegatePage.getByTestId('cannot-come')).toContainText(
    /Cancelling is free until \w{3}, \d+ \w+ \d{4}\./,
  );
  await expectAccessible(delegatePage);
  await delegatePage.context().close();
  await expect(head.getByRole('heading', { name: 'Your booking' })).toBeVisible();
  // The school's places say where the place came from, not "£0.00", and what the places have been charged.
  await head.getByRole('link', { name: 'See your school’s places' }).click();
  const schoolPlaces = head.getByRole('table', { name: 'Your school’s places' });
  await expect(schoolPlaces.getByRole('row', { name: /Di Delegate/ })).toContainText('From entitlement');
  await expect(head.getByText('Charged for these places: £0.00 (excluding VAT).')).toBeVisible();
  await expectAccessible(head);
  await head.goto(`/${slug}/entitlements`);
  const places = head.getByRole('region', { name: 'Course places (general)' });
  await expect(places.getByRole('row', { name: /place for Di Delegate/ })).toContainText('-1');
  await expect(places).toContainText(`${terms} course place`);
  if (terms < 3) await expect(places).toContainText(`joining with ${terms} of 3 terms left`);
  await expectAccessible(head);
});
