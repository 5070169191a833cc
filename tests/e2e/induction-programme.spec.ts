import { expect, test } from '@playwright/test';
import { expectAccessible, signInWithMagicLink } from './support';

test('a school registers an ECT and books the induction programme, the place covered by its induction package', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const trn = String(1_000_000 + ((stamp + 4_321) % 9_000_000));
  const name = `Omar Haddad ${stamp}`;
  await signInWithMagicLink(page, 'head@coppettswood.sch.example');
  await page.goto('/nwlhub/induction/register');
  await expect(page.getByRole('heading', { name: 'Register an ECT', level: 1 })).toBeVisible();
  await page.getByLabel('Teacher reference number (TRN)').fill(trn);
  await page.getByLabel('ECT’s full name').fill(name);
  await page.getByLabel('ECT’s email address').fill(`omar.${stamp}@coppettswood.sch.example`);
  await page.getByLabel('Induction start date').fill('2026-09-03');
  await page.getByLabel('FTE').fill('1');
  await page.getByLabel('Induction tutor’s name').fill('James Whitaker');
  await page.getByLabel('Induction tutor’s email').fill('deputy@coppettswood.sch.example');
  await page.getByLabel('Mentor’s name').fill('Asha Mistry');
  await page.getByLabel('Mentor’s email').fill('mentor@coppettswood.sch.example');
  await page.getByRole('button', { name: 'Register ECT' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  // Months into a two-year induction: the recommendation waits for the term of the final assessment.
  await expect(
    page.getByText(/It can be made from \d+ \w+ 2028, when the term of the final assessment begins/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send recommendation' })).toHaveCount(0);

  // The ECT's record offers the hub's programme, covered by Coppetts Wood's induction package.
  const course = page.getByTestId('programme-course').filter({ hasText: 'NWL ECT induction programme' });
  await expect(course.getByTestId('programme-cost')).toContainText('Covered by your induction package');
  await expectAccessible(page);
  await course.getByRole('button', { name: `Book ${name} onto NWL ECT induction programme` }).click();
  await expect(course).toContainText(`${name} has a place on this course.`);
  const bookings = page.getByRole('table', { name: 'Course bookings' });
  await expect(bookings.getByRole('row', { name: /NWL ECT induction programme/ })).toContainText('Confirmed');
  await expectAccessible(page);
});
