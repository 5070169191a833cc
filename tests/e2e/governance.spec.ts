import { expect, test } from '@playwright/test';
import { expectAccessible, signInWithMagicLink } from './support';

test('a clerk adds a governor and the vacancy closes; the LA sees chairs and multi-board governors; a governor books statutory training at £0', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // The clerk of St Catherine's keeps the board's register.
  const clerk = await (await browser.newContext()).newPage();
  await signInWithMagicLink(clerk, 'clerk@stcatherines.sch.example');
  await clerk.goto('/barnet/governance');
  await clerk.getByRole('link', { name: 'The board’s register' }).click();
  await expect(
    clerk.getByRole('heading', { name: /St Catherine's RC Primary School: governing board/ }),
  ).toBeVisible();
  const vacancies = async () => Number((await clerk.getByTestId('vacancy-total').innerText()).split(' ')[0]);
  const before = await vacancies();
  expect(before).toBeGreaterThan(0);
  await expectAccessible(clerk);
  const add = clerk.getByRole('region', { name: 'Add a governor' });
  const name = `Teresa Byrne ${Date.now().toString(36)}`;
  await add.getByLabel('Name').fill(name);
  await add.getByLabel('Category').selectOption('foundation');
  await add.getByLabel('Email').fill(`${Date.now().toString(36)}@governors.example`);
  await add.getByLabel('Appointed on').fill('2025-09-01');
  await add.getByRole('button', { name: 'Add to the board' }).click();
  await expect(add.getByRole('status')).toContainText(`Added ${name} to the board.`);
  await expect(clerk.getByTestId('governor-row').filter({ hasText: name })).toBeVisible();
  await expect.poll(vacancies).toBe(before - 1);

  // The LA officer sees the chairs' contact list and a governor on two boards.
  const officer = await (await browser.newContext()).newPage();
  await signInWithMagicLink(officer, 'la.officer@barnet.example');
  await officer.goto('/barnet/governance');
  await expect(officer.getByRole('heading', { name: 'Governance', level: 1 })).toBeVisible();
  const margaret = officer.getByTestId('multi-board-row').filter({ hasText: 'Margaret Olu' });
  await expect(margaret).toContainText('St Catherine');
  await expect(margaret).toContainText('Coppetts Wood');
  await expectAccessible(officer);
  await officer.getByRole('link', { name: 'Chairs and vice-chairs' }).click();
  await expect(officer.getByTestId('chair-row').filter({ hasText: 'Eileen Murphy' })).toContainText('Chair');
  await expectAccessible(officer);

  // A parent governor of a maintained school books the statutory course at no cost.
  const governor = await (await browser.newContext()).newPage();
  await signInWithMagicLink(governor, 'governor@stcatherines.sch.example');
  await governor.goto('/barnet/governance');
  await governor.getByRole('link', { name: 'My training and booking' }).click();
  await expect(governor.getByRole('heading', { name: 'Training record: Tobias Ellery' })).toBeVisible();
  const course = governor
    .getByTestId('governor-course')
    .filter({ hasText: 'Safeguarding and Prevent for governors' });
  await expect(course.getByTestId('course-cost')).toHaveText('Free: statutory governor training');
  await expectAccessible(governor);
  await course.getByRole('button', { name: 'Book Safeguarding and Prevent for governors' }).click();
  // Booked: the course moves to the record, paid by no one (free by statute).
  await expect(course).toContainText('Booked.');
  await expect(
    governor.getByTestId('training-course').filter({ hasText: 'Safeguarding and Prevent' }),
  ).toContainText('Free');
});
