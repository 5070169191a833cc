import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, latestEmail, signInWithMagicLink } from './support';

/**
 * "Check school registrations before they take effect" at the hub (nwlhub): a school's registrations wait for
 * the AB, which accepts one (induction starts) and declines another with a reason the school is emailed and
 * sees, then corrects and sends again. The seed leaves the check off; this journey turns it on and, whatever
 * happens, off again afterwards so the other induction journeys register at once as before.
 */

async function pageFor(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithMagicLink(page, email);
  return page;
}

async function setCheck(page: Page, on: boolean) {
  await page.goto('/nwlhub/induction/settings');
  await page.getByLabel('Check school registrations before they take effect').setChecked(on);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
}

async function sendRegistration(head: Page, ect: { trn: string; name: string; email: string }) {
  await head.goto('/nwlhub/induction/register');
  await expect(head.getByText('checks each registration before it takes effect')).toBeVisible();
  await head.getByLabel('Teacher reference number (TRN)').fill(ect.trn);
  await head.getByLabel('ECT’s full name').fill(ect.name);
  await head.getByLabel('ECT’s email address').fill(ect.email);
  await head.getByLabel('Induction start date').fill('2026-09-02');
  await head.getByLabel('FTE').fill('1');
  await head.getByLabel('Induction tutor’s name').fill('James Whitaker');
  await head.getByLabel('Induction tutor’s email').fill('deputy@coppettswood.sch.example');
  await head.getByLabel('Mentor’s name').fill('Asha Mistry');
  await head.getByLabel('Mentor’s email').fill('mentor@coppettswood.sch.example');
  await head
    .getByLabel('Previous induction periods (optional)')
    .fill('One term with Leeds Teaching School Hub, autumn 2025.');
  await head.getByRole('button', { name: 'Send to the Appropriate Body to check' }).click();
  await expect(head.getByRole('status').filter({ hasText: 'Sent to' })).toBeVisible();
}

test.afterEach(async ({ browser }) => {
  const director = await pageFor(browser, 'director@nwlhub.example');
  await setCheck(director, false);
  await director.context().close();
});

test('a school’s registrations wait for the hub, which accepts one and declines another with a reason', async ({
  browser,
}) => {
  // Two people, seven pages, two registrations: longer than the default minute on a busy machine.
  test.setTimeout(180_000);
  const stamp = Date.now();
  const accepted = { trn: String(1_000_000 + (stamp % 9_000_000)), name: `Nadia Okafor ${stamp}` };
  const declined = {
    trn: String(1_000_000 + ((stamp + 1) % 9_000_000)),
    name: `Owen Price ${stamp}`,
  };
  const since = new Date();

  const director = await pageFor(browser, 'director@nwlhub.example');
  await setCheck(director, true);
  await expectAccessible(director);

  // The headteacher sends two registrations: each waits for the hub's check.
  const head = await pageFor(browser, 'head@coppettswood.sch.example');
  await sendRegistration(head, { ...accepted, email: `nadia.${stamp}@coppettswood.sch.example` });
  await expectAccessible(head);
  await sendRegistration(head, { ...declined, email: `owen.${stamp}@coppettswood.sch.example` });
  const schoolList = head.getByRole('region', { name: 'Registrations with the Appropriate Body' });
  await expect(schoolList.locator('tr', { hasText: accepted.name })).toContainText(
    'Awaiting the Appropriate Body’s check',
  );
  await expect(schoolList.locator('tr', { hasText: declined.name })).toContainText(
    'Awaiting the Appropriate Body’s check',
  );
  // Not yet in induction.
  await expect(
    head.getByRole('region', { name: 'Early career teachers' }).getByText(accepted.name),
  ).toHaveCount(0);
  await expectAccessible(head);

  // The hub checks them: school, ECT, TRN, start date and previous induction.
  await director.goto('/nwlhub/induction');
  const toCheck = director.getByRole('region', { name: 'Registrations to check' });
  const acceptedRow = toCheck.locator('tr', { hasText: accepted.name });
  await expect(acceptedRow).toContainText('Coppetts Wood');
  await expect(acceptedRow).toContainText(accepted.trn);
  await expect(acceptedRow).toContainText('One term with Leeds Teaching School Hub');
  await expectAccessible(director);
  await acceptedRow.getByRole('button', { name: `Accept ${accepted.name}’s registration` }).click();
  await expect(director.getByRole('heading', { name: accepted.name, level: 1 })).toBeVisible();
  await expect(director.getByTestId('checkpoint')).toHaveCount(6);
  await expectAccessible(director);

  // The other is declined, with the reason.
  await director.goto('/nwlhub/induction');
  const declinedRow = toCheck.locator('tr', { hasText: declined.name });
  await declinedRow.getByText(`Decline ${declined.name}’s registration`).click();
  const reason = 'The TRN does not match a teacher with QTS: please check it with the ECT.';
  await declinedRow.getByLabel('Why the registration is not accepted').fill(reason);
  await declinedRow.getByRole('button', { name: 'Decline the registration' }).click();
  await expect(toCheck.locator('tr', { hasText: declined.name })).toHaveCount(0);
  await expectAccessible(director);

  // The school is emailed the reason, sees it, and corrects the registration to send it again.
  const email = await latestEmail(
    'head@coppettswood.sch.example',
    new RegExp(`Registration not accepted: ${declined.name}`),
    since,
  );
  expect(email.text).toContain(reason);
  await head.goto('/nwlhub/induction');
  const declinedAtSchool = schoolList.locator('tr', { hasText: declined.name });
  await expect(declinedAtSchool).toContainText('Not accepted');
  await expect(declinedAtSchool).toContainText(reason);
  await expect(
    head.getByRole('region', { name: 'Early career teachers' }).getByRole('link', { name: accepted.name }),
  ).toBeVisible();
  await expectAccessible(head);
  await declinedAtSchool.getByRole('link', { name: `Correct and register ${declined.name} again` }).click();
  await expect(head.getByText('The Appropriate Body did not accept this registration')).toBeVisible();
  await expect(head.getByLabel('ECT’s full name')).toHaveValue(declined.name);
  await expectAccessible(head);
});
