import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { acceptInvitation, expectAccessible, latestEmailedLink, signInWithMagicLink } from './support';

async function pageFor(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithMagicLink(page, email);
  return page;
}

/**
 * Fills the Register an ECT form for Coppetts Wood: a full-time ECT from 3 September 2024, so by now in (or
 * past) the term of their final assessment, when the headteacher's recommendation may be made.
 */
async function fillRegistration(head: Page, ect: { trn: string; name: string; email: string }) {
  await head.getByLabel('Teacher reference number (TRN)').fill(ect.trn);
  await head.getByLabel('ECT’s full name').fill(ect.name);
  await head.getByLabel('ECT’s email address').fill(ect.email);
  await head.getByLabel('Induction start date').fill('2024-09-03');
  await head.getByLabel('FTE').fill('1');
  await head.getByLabel('Induction tutor’s name').fill('James Whitaker');
  await head.getByLabel('Induction tutor’s email').fill('deputy@coppettswood.sch.example');
  await head.getByLabel('Mentor’s name').fill('Asha Mistry');
  await head.getByLabel('Mentor’s email').fill('mentor@coppettswood.sch.example');
}

test('a school registers an ECT, the tutor judges them not on track, the AB sees them at risk, accepts and records the outcome', async ({
  browser,
}) => {
  // Three people sign in and the journey crosses five pages: longer than the default minute on a busy machine.
  test.setTimeout(150_000);
  const stamp = Date.now();
  const trn = String(1_000_000 + (stamp % 9_000_000));
  const name = `Ella Ng ${stamp}`;

  // The headteacher registers the ECT with the hub as Appropriate Body.
  const head = await pageFor(browser, 'head@coppettswood.sch.example');
  await head.goto('/nwlhub/induction');
  await expect(head.getByRole('heading', { name: 'ECT induction', level: 1 })).toBeVisible();
  await expectAccessible(head);
  await head.getByRole('link', { name: 'Register an ECT' }).click();
  await expect(head.getByRole('heading', { name: 'Register an ECT', level: 1 })).toBeVisible();
  await fillRegistration(head, { trn, name, email: `ella.${stamp}@coppettswood.sch.example` });
  await expectAccessible(head);
  await head.getByRole('button', { name: 'Register ECT' }).click();
  await expect(head.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(head.getByTestId('checkpoint')).toHaveCount(6);
  // The ECT (new to Stride) is invited to sign in; the page says so.
  await expect(head.getByRole('status').filter({ hasText: `${name} is registered.` })).toContainText(
    'emailed an invitation',
  );
  const recordUrl = head.url().split('?')[0] ?? '';

  // The induction tutor submits the first progress review: not on track.
  const tutor = await pageFor(browser, 'deputy@coppettswood.sch.example');
  await tutor.goto(recordUrl);
  const first = tutor.getByTestId('checkpoint').first();
  await first.getByLabel('Not on track').check();
  await first
    .getByLabel('Evidence')
    .fill('Behaviour management is not yet secure; weekly coaching with the mentor from next week.');
  await first.getByRole('button', { name: 'Submit progress review, term 1' }).click();
  // The form goes once the page refreshes: the review now waits for the AB, and a support plan is open.
  await expect(first.getByText('Submitted, awaiting the AB')).toBeVisible();
  await expect(tutor.getByRole('heading', { name: 'Support plan' })).toBeVisible();
  await expectAccessible(tutor);

  // The headteacher recommends the outcome: the AB then has 20 working days (Christmas skipped) to decide.
  await head.goto(recordUrl);
  await head.getByRole('radio', { name: 'Pass' }).check();
  await head.getByLabel('Date of the recommendation').fill('2026-11-27');
  await head.getByRole('button', { name: 'Send recommendation' }).click();
  await expect(head.getByTestId('decision-due')).toHaveText(
    'The Appropriate Body decides by 29 December 2026.',
  );
  await expect(head.getByTestId('recommendations')).toContainText('Pass recommended on 27 November 2026');
  await expectAccessible(head);

  // The AB's induction lead sees the ECT at risk, accepts the review and records the outcome.
  const ab = await pageFor(browser, 'induction@nwlhub.example');
  await ab.goto('/nwlhub/induction');
  const atRisk = ab.getByRole('table', { name: 'ECTs at risk' });
  await expect(atRisk.getByRole('link', { name })).toBeVisible();
  await expectAccessible(ab);
  const due = ab.getByRole('table', { name: /Inductions awaiting an outcome/ }).getByRole('row', { name });
  await expect(due).toContainText('Pass, 27 Nov 2026');
  await expect(due).toContainText('29 Dec 2026');
  await atRisk.getByRole('link', { name }).click();
  await expect(ab.getByRole('heading', { name, level: 1 })).toBeVisible();
  const review = ab.getByTestId('checkpoint').first();
  await review.getByRole('button', { name: 'Accept' }).click();
  await expect(review.getByText('Accepted')).toBeVisible();

  // The AB reduces induction for prior experience (down to one term) and corrects a mistyped TRN.
  await ab.getByLabel('Reduction (terms)').fill('5');
  await ab.getByLabel('Reason', { exact: true }).fill('Five years teaching in an independent school.');
  await ab.getByRole('button', { name: 'Save reduction' }).click();
  await expect(ab.getByText(/Saved: 1\.0 terms to serve/)).toBeVisible();
  await expect(ab.getByTestId('reduction-reason')).toHaveText(
    'Five years teaching in an independent school.',
  );
  await expect(ab.getByText('1.0 (reduced by 5.0 for prior experience)')).toBeVisible();
  await expect(ab.getByTestId('checkpoint')).toHaveCount(1);
  const trnField = ab.getByLabel('Teacher reference number (TRN)');
  await trnField.fill('3012345');
  await ab.getByRole('button', { name: 'Change TRN' }).click();
  await expect(ab.locator('#trn-trn-error')).toContainText(
    'TRN 3012345 already belongs to another ECT in this workspace',
  );
  const corrected = String(1_000_000 + ((stamp + 1) % 9_000_000));
  await trnField.fill(corrected);
  await ab.getByRole('button', { name: 'Change TRN' }).click();
  await expect(ab.getByText(`TRN changed to ${corrected}.`)).toBeVisible();
  await expectAccessible(ab);

  await ab.getByRole('radio', { name: 'Pass' }).check();
  await ab.getByLabel('Date of decision').fill('2026-12-01');
  await ab.getByLabel('Terms served').fill('1.0');
  await ab.getByRole('button', { name: 'Record outcome' }).click();
  await expect(ab.getByText(/Pass on 1 December 2026, 1\.0 terms served/)).toBeVisible();
  await expectAccessible(ab);

  const csv = await ab.request.get('/nwlhub/induction/export');
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(`${corrected},${name}`);
  // From the page, for the outcomes decided between two dates (boxes left empty are no limit).
  await ab.goto('/nwlhub/induction');
  const outcomes = ab.getByRole('form', { name: 'Download outcomes' });
  await outcomes.getByLabel('Decided from (optional)').fill('2026-12-01');
  const downloading = ab.waitForEvent('download');
  await outcomes.getByRole('button', { name: 'Download outcomes (CSV)' }).click();
  const download = await downloading;
  expect(await readFile(await download.path(), 'utf8')).toContain(`${corrected},${name}`);
  await expectAccessible(ab);
  const before = await ab.request.get('/nwlhub/induction/export?from=&to=2026-11-30');
  expect(before.status()).toBe(200);
  expect(await before.text()).not.toContain(`${corrected},${name}`);
});

test('the head recommends a fail, the AB fails the ECT, and the Teaching Regulation Agency varies it to an extension', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const stamp = Date.now();
  const trn = String(1_000_000 + ((stamp + 7) % 9_000_000));
  const name = `Omar Hale ${stamp}`;

  const head = await pageFor(browser, 'head@coppettswood.sch.example');
  await head.goto('/nwlhub/induction/register');
  await fillRegistration(head, { trn, name, email: `omar.${stamp}@coppettswood.sch.example` });
  await head.getByRole('button', { name: 'Register ECT' }).click();
  await expect(head.getByRole('heading', { name, level: 1 })).toBeVisible();
  const recordUrl = head.url();
  await head.getByRole('radio', { name: 'Fail' }).check();
  await head.getByLabel('Date of the recommendation').fill('2026-11-27');
  await head.getByRole('button', { name: 'Send recommendation' }).click();
  await expect(head.getByTestId('recommendations')).toContainText('Fail recommended on 27 November 2026');

  // The AB fails the ECT; the ECT appeals to the TRA, which varies the decision to a one-term extension.
  const ab = await pageFor(browser, 'induction@nwlhub.example');
  await ab.goto(recordUrl);
  await ab.getByRole('radio', { name: 'Fail' }).check();
  await ab.getByLabel('Date of decision').fill('2026-12-01');
  await ab.getByLabel('Terms served').fill('6.0');
  await ab.getByRole('button', { name: 'Record outcome' }).click();
  await expect(ab.getByText(/Fail on 1 December 2026, 6\.0 terms served/)).toBeVisible();
  await ab.getByLabel('Date the appeal was lodged').fill('2026-12-02');
  await ab.getByRole('button', { name: 'Record appeal' }).click();
  await expect(ab.getByText('waiting for the Teaching Regulation Agency')).toBeVisible();
  await ab.getByRole('radio', { name: 'Decision varied (an extension)' }).check();
  await ab.getByLabel('Date of the decision').fill('2026-12-03');
  await ab.getByLabel('Extension (terms)').fill('1');
  await expectAccessible(ab);
  await ab.getByRole('button', { name: 'Record the result' }).click();
  await expect(ab.getByTestId('appeal-effect')).toContainText('Induction is extended by 1.0 terms instead');
  await expect(
    ab.getByText(/Extension on 3 December 2026, 6\.0 terms served, extended by 1\.0 terms/),
  ).toBeVisible();
  // Induction resumes from the result: the one extension term is the next to start (spring 2027); the six
  // terms before the fail, never reported on, are not brought back overdue.
  await expect(ab.getByTestId('appeal-effect')).toContainText('resuming from 3 December 2026');
  await expect(ab.getByTestId('checkpoint')).toHaveCount(1);
  await expectAccessible(ab);
});

test('the hub’s director sets the fee per ECT, and a school registering an ECT is told it', async ({
  browser,
}) => {
  const director = await pageFor(browser, 'director@nwlhub.example');
  await director.goto('/nwlhub/induction');
  await director.getByRole('link', { name: /Induction settings/ }).click();
  await expect(director.getByRole('heading', { name: 'Induction settings', level: 1 })).toBeVisible();
  const fee = director.getByLabel('Fee for each ECT registered');
  await expect(fee).toHaveValue('450.00');
  await fee.fill('-5');
  await director.getByRole('button', { name: 'Save settings' }).click();
  await expect(director.getByRole('alert').first()).toContainText(/Enter the fee|negative/);
  await fee.fill('395');
  await director.getByRole('button', { name: 'Save settings' }).click();
  await expect(director.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expectAccessible(director);

  const head = await pageFor(browser, 'head@coppettswood.sch.example');
  await head.goto('/nwlhub/induction/register');
  await expect(head.getByText('The Appropriate Body fee of £395.00')).toBeVisible();

  // Put back for the other journeys.
  await fee.fill('450');
  await director.getByRole('button', { name: 'Save settings' }).click();
  await expect(director.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
});

test('the AB’s director enters a registration the school sent earlier: its lateness counts from that date', async ({
  browser,
}) => {
  const stamp = Date.now();
  const trn = String(1_000_000 + ((stamp + 13) % 9_000_000));
  const name = `Rosa Quint ${stamp}`;
  const director = await pageFor(browser, 'director@nwlhub.example');
  await director.goto('/nwlhub/induction/register');
  await expect(director.getByRole('heading', { name: 'Register an ECT', level: 1 })).toBeVisible();
  await director
    .getByLabel('School', { exact: true })
    .selectOption({ label: 'Coppetts Wood Primary School' });
  await fillRegistration(director, { trn, name, email: `rosa.${stamp}@coppettswood.sch.example` });
  await director.getByLabel('Induction start date').fill('2025-09-03');
  // Dated today (the default), the registration is late with reviews long overdue…
  const registeredOn = director.getByLabel('Date of registration');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  await expect(registeredOn).toHaveValue(today);
  const warning = director.getByTestId('late-registration');
  await expect(warning.getByRole('heading')).toHaveText(/^This registration is late: .+ already overdue$/);
  await expect(warning).toContainText('Induction started on 3 September 2025.');
  // …but the school sent it on 1 October 2025, when nothing was due yet: the warning counts from that date.
  await registeredOn.fill('2025-10-01');
  await expect(warning.getByRole('heading')).toHaveText('This registration is late');
  await expect(warning).toContainText('before 1 October 2025');
  await expect(warning).toContainText('Nothing is overdue yet');
  await expectAccessible(director);
  await director.getByRole('button', { name: 'Register ECT' }).click();
  await expect(director.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(director.getByTestId('registered-on')).toHaveText(
    '1 October 2025: late, after the start there on 3 September 2025',
  );
  await expectAccessible(director);
});

test('an ECT joins from their invitation, changes the address they sign in with and still has their record', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // Unique to each attempt, so a retry registers and invites an ECT of its own.
  const stamp = Date.now();
  const trn = String(1_000_000 + ((stamp + 7) % 9_000_000));
  const name = `Tomasz Lis ${stamp}`;
  const email = `t.lis.${stamp}@coppettswood.sch.example`;
  const head = await pageFor(browser, 'head@coppettswood.sch.example');
  const invited = new Date(Date.now() - 1000);
  await head.goto('/nwlhub/induction/register');
  await fillRegistration(head, { trn, name, email });
  await head.getByRole('button', { name: 'Register ECT' }).click();
  await expect(head.getByRole('heading', { name, level: 1 })).toBeVisible();

  const ect = await (await browser.newContext()).newPage();
  await acceptInvitation(
    ect,
    { email, after: invited, workspace: { slug: 'nwlhub', name: 'North West London Teaching School Hub' } },
    name,
    name,
  );
  // An ECT's induction page is their own record.
  await ect.goto('/nwlhub/induction');
  await expect(ect.getByRole('heading', { name, level: 1 })).toBeVisible();

  // A new address at the same school: the record the school keeps moves with the account.
  const newEmail = `tomasz.lis.${stamp}@coppettswood.sch.example`;
  const asked = new Date(Date.now() - 1000);
  await ect.goto('/account');
  const addressForm = ect.getByRole('region', { name: 'Change your sign-in address' });
  await expect(addressForm).toContainText('move to the new one with it');
  await addressForm.getByLabel('New sign-in address').fill(newEmail);
  await addressForm.getByRole('button', { name: 'Send a link to the new address' }).click();
  await expect(addressForm).toContainText(`We sent a link to ${newEmail}`);
  await ect.goto(
    await latestEmailedLink(newEmail, /https?:\/\/\S+\/account\/confirm-email\?token=[\w-]+/, asked),
  );
  await expect(
    ect.getByText('so do the records in your workspaces that name you by your old address'),
  ).toBeVisible();
  await ect.getByRole('button', { name: `Confirm ${newEmail}` }).click();
  const done = ect.getByRole('status').filter({ hasText: `Your sign-in address is now ${newEmail}` });
  await expect(done).toContainText('Now using your new address: 1 induction record.');
  await expectAccessible(ect);
  await ect.goto('/nwlhub/induction');
  await expect(ect.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(ect.getByTestId('checkpoint')).toHaveCount(6);
});
