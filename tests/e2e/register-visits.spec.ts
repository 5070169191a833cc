import { expect, test, type Browser } from '@playwright/test';
import { expectAccessible, signInWithMagicLink } from './support';

async function pageFor(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithMagicLink(page, email);
  return page;
}

test('the Head of SI recategorises a school causing concern; the LNI sees an overdue visit in their schedule', async ({
  browser,
}) => {
  // A long journey (two people, five pages) on a shared two-core machine.
  test.setTimeout(150_000);
  const rationale = `Monitoring visit found leadership unable to secure improvement (${Date.now()}).`;

  const head = await pageFor(browser, 'head.si@barnet.example');
  await head.goto('/barnet/register');
  await expect(head.getByRole('heading', { name: 'School register', level: 1 })).toBeVisible();
  await head.getByLabel('Causing concern').selectOption('yes');
  await head.getByRole('button', { name: 'Apply filters' }).click();
  await expect(head).toHaveURL(/concern=yes/);
  const rows = head.getByTestId('register-row');
  await expect(rows.filter({ hasText: 'Colindale Heath Academy' })).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toContain('Causing concern');
  await expectAccessible(head);

  await head.getByRole('link', { name: 'Colindale Heath Academy' }).click();
  await expect(head.getByRole('heading', { name: 'Colindale Heath Academy', level: 1 })).toBeVisible();
  await expectAccessible(head);
  // Journeys may run again on the same database: move between RI and serious weaknesses.
  const current = await head.getByTestId('la-category').innerText();
  const target = current.startsWith('3 ') ? '4a Serious weaknesses' : '3 Requires Improvement';
  await head.getByLabel('New LA category').selectOption({ label: target });
  await head.getByLabel('Rationale').fill(rationale);
  await head.getByRole('button', { name: 'Change category' }).click();
  await expect(head.getByRole('status').filter({ hasText: 'Category changed.' })).toBeVisible();
  await expect(head.getByTestId('la-category')).toContainText(target);
  await expect(head.getByTestId('category-history')).toContainText(rationale);
  await expectAccessible(head);

  await head.goto('/barnet/visits');
  await expect(head.getByRole('heading', { name: 'Under-served schools' })).toBeVisible();
  await expect(head.getByRole('heading', { name: 'Overdue visits' })).toBeVisible();
  // Barnet plans more visits than one page holds: the schedule pages through them.
  await expect(head.getByText(/^Page 1 of [2-9]/)).toBeVisible();
  await head.getByRole('link', { name: 'Next page' }).click();
  await expect(head.getByText(/^Page 2 of [2-9]/)).toBeVisible();
  await expect(head.getByTestId('planned-visit').first()).toBeVisible();
  await head.getByRole('button', { name: /^Generate the 2026\/27 plan$/ }).click();
  await expect(head.getByRole('status').filter({ hasText: 'already planned' })).toBeVisible();
  await expectAccessible(head);

  // An additional visit, on its own page: choosing the school fills in its link adviser.
  await head.getByRole('link', { name: 'Add an additional visit' }).click();
  await expect(head.getByRole('heading', { name: 'Add an additional visit', level: 1 })).toBeVisible();
  await head.getByLabel('School').selectOption({ label: 'Colindale Heath Academy' });
  await expect(head.getByLabel('Adviser')).not.toHaveValue('');
  await head.getByLabel('Reason').selectOption({ index: 1 });
  await head.getByLabel('Due by').fill('2027-01-15');
  await expectAccessible(head);
  await head.getByRole('button', { name: 'Add visit' }).click();
  await expect(head.getByRole('status').filter({ hasText: 'Visit added to the schedule.' })).toBeVisible();

  // Tick two planned visits and give them to one adviser in one step.
  await head.getByLabel('Status').selectOption('planned');
  await head.getByRole('button', { name: 'Show visits' }).click();
  await expect(head).toHaveURL(/status=planned/);
  const boxes = head.getByRole('checkbox', { name: /^Tick the visit to / });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await head.getByLabel('Reassign to').selectOption({ label: "Rachel O'Connor" });
  await head.getByRole('button', { name: 'Reassign', exact: true }).click();
  await expect(head.getByRole('status').filter({ hasText: '2 visits reassigned.' })).toBeVisible();
  await expect(head.getByTestId('planned-visit').nth(0)).toContainText("Rachel O'Connor");
  await expect(head.getByTestId('planned-visit').nth(1)).toContainText("Rachel O'Connor");
  await expectAccessible(head);

  const lni = await pageFor(browser, 'adviser@barnet.example');
  await lni.goto('/barnet/visits');
  await expect(lni.getByRole('heading', { name: /^Visits/, level: 1 })).toBeVisible();
  await expect(lni.getByRole('heading', { name: 'Your schedule' })).toBeVisible();
  await expect(lni.getByTestId('overdue-count')).toContainText('overdue');
  await expect(lni.getByTestId('planned-visit').filter({ hasText: 'Overdue' }).first()).toBeVisible();
  await expect(lni.getByRole('link', { name: 'Notes of visit', exact: true })).toBeVisible();
  await expectAccessible(lni);
});
