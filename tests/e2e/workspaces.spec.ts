import { expect, test } from '@playwright/test';
import { expectAccessible, signInWithMagicLink } from './support';

test('the BEP manager sees the BEP workspace and can keep notes on a school', async ({ page }) => {
  await signInWithMagicLink(page, 'manager@bep.example');
  await expect(page).toHaveURL(/\/bep$/);
  await expect(page.getByText('Birmingham Education Partnership').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'At a glance' })).toBeVisible();
  await expectAccessible(page);
  // The demo's invoice settings are complete (address and made-up bank details), so every first step is done,
  // invoicing included, and Getting started is no longer shown.
  await expect(page.getByRole('heading', { name: 'Getting started' })).toHaveCount(0);
  await expect(page.getByTestId('setup-invoice-settings')).toHaveCount(0);
  await page.goto('/bep/invoices/settings');
  await expect(page.getByLabel('Address')).toHaveValue(/Birmingham/);
  await expect(page.getByLabel('Bank details for BACS')).toHaveValue(/Sort code 00-00-00/);
  await expect(page.getByLabel('VAT registration number (optional)')).toHaveValue('');
  await page.goto('/bep');

  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Schools' }).click();
  await expect(page.getByRole('heading', { name: 'Schools', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Brookvale Primary School' }).click();
  await expect(page.getByRole('heading', { name: 'Brookvale Primary School' })).toBeVisible();
  const note = `Spoke to the SBM about renewals (${Date.now()})`;
  await page.getByLabel('Workspace notes').fill(note);
  await page.getByRole('button', { name: 'Save notes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Notes saved.' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Name').fill('Priya Raman');
  await page.getByLabel('Role').selectOption({ label: 'Finance contact' });
  await page.getByLabel('Email').fill('finance@brookvale.sch.example');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Priya Raman' })).toContainText(
    'Finance contact',
  );

  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('cell', { name: 'schools.updateNotes' }).first()).toBeVisible();

  await page
    .getByRole('link', { name: /ECT induction/ })
    .first()
    .click();
  // BEP sells ECT training; induction records belong to an Appropriate Body, and the page says so.
  await expect(
    page.getByRole('heading', { name: 'Birmingham Education Partnership is not an Appropriate Body' }),
  ).toBeVisible();
  await expectAccessible(page);
});

test('a BEP user who opens a Harrow address is refused', async ({ page }) => {
  await signInWithMagicLink(page, 'manager@bep.example');
  await expect(page).toHaveURL(/\/bep$/);
  const response = await page.goto('/harrow');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  await expect(page.getByText('Harrow Council')).toHaveCount(0);
  await expectAccessible(page);
  const schools = await page.goto('/harrow/schools');
  expect(schools?.status()).toBe(403);
});

test('a user of two workspaces switches between them in one click', async ({ page }) => {
  await signInWithMagicLink(page, 'sbm@whitchurch.sch.example');
  await expect(page.getByRole('heading', { name: 'Choose a workspace' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: "Harrow Schools' Improvement Partnership" }).click();
  await expect(page.getByTestId('my-school')).toContainText('Whitchurch Primary School');
  await page
    .getByRole('navigation', { name: 'Your other workspaces' })
    .getByRole('link', { name: 'Barnet Education and Learning Service' })
    .click();
  await expect(page).toHaveURL(/\/barnet$/);
  await expect(page.getByTestId('my-school')).toContainText('Whitchurch Primary School');
});
