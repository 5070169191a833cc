import { expect, test } from '@playwright/test';
import { expectAccessible, signInWithMagicLink } from './support';

test("Barnet's Head of School Improvement reads the trends and the DCS monthly report, and downloads it", async ({
  page,
}) => {
  await signInWithMagicLink(page, 'head.si@barnet.example');
  await page.goto('/barnet/reports');
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await expect(page.getByRole('img', { name: /schools in each LA category/ })).toBeVisible();
  await page.getByText('Show the figures').first().click();
  await expect(page.getByRole('table', { name: 'Schools in each LA category by month' })).toBeVisible();
  await expectAccessible(page);

  const trends = await page.request.get('/barnet/reports/export?report=dashboard&format=csv');
  expect(await trends.text()).toContain('4b Special measures');

  await page.getByRole('link', { name: 'DCS monthly report' }).click();
  await expect(page).toHaveURL(/\/barnet\/reports\/dcs/);
  await page.getByLabel('Month', { exact: true }).fill('2026-03');
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('March 2026');
  await expect(page.getByRole('heading', { name: /Brunswick Park Primary School/, level: 3 })).toBeVisible();
  await expect(page.getByText('Special measures').first()).toBeVisible();
  await expectAccessible(page);

  const pdf = await page.request.get('/barnet/reports/export?report=dcs&month=2026-03&format=pdf');
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const csv = await page.request.get('/barnet/reports/export?report=dcs&month=2026-03&format=csv');
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain('Brunswick Park Primary School');
  // A byte-order mark first, so Excel reads the file as UTF-8 (£ and curly quotes intact).
  expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
});

test('an adviser cannot open the reports', async ({ page }) => {
  await signInWithMagicLink(page, 'adviser@barnet.example');
  const response = await page.goto('/barnet/reports');
  expect(response?.status()).toBe(403);
  const pdf = await page.request.get('/barnet/reports/export?report=dcs&month=2026-03&format=pdf');
  expect(pdf.status()).toBe(403);
});
