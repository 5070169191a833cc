import { expect, test } from '@playwright/test';
import { expectAccessible, signInWithMagicLink } from './support';

test('a governance officer exports a former governor’s personal data (JSON and PDF), then erases it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInWithMagicLink(page, 'la.officer@barnet.example');
  await page.goto('/barnet');
  await page.getByRole('link', { name: 'Personal data' }).first().click();
  await expect(page.getByRole('heading', { name: 'Personal data', level: 1 })).toBeVisible();
  await expectAccessible(page);

  // Find her by name; the results say where she is held.
  await page.getByLabel('Name, email or TRN').fill('Rowena Marsh');
  await page.getByRole('button', { name: 'Search' }).click();
  const found = page.getByRole('row').filter({ hasText: 'rowena.marsh.barnet@governors.example' });
  await expect(found).toContainText('Governor');
  await expectAccessible(page);
  await found.getByRole('link', { name: 'Rowena Marsh' }).click();
  await expect(page.getByRole('heading', { name: 'Rowena Marsh', level: 1 })).toBeVisible();
  await expect(page.getByText('Invoices and credit notes are never edited')).toBeVisible();
  await expectAccessible(page);

  // JSON: machine-readable, with the appointment and its business interests.
  const json = await page.request.get(
    (await page.getByRole('link', { name: 'Download as JSON' }).getAttribute('href')) ?? '',
  );
  expect(json.status()).toBe(200);
  expect(json.headers()['content-disposition']).toContain('personal-data-rowena-marsh.json');
  const data = (await json.json()) as {
    subjectId: string;
    subject: { name: string };
    governance: { businessInterests: string; steppedDownOn: string }[];
  };
  expect(data.subject.name).toBe('Rowena Marsh');
  expect(data.governance[0]?.businessInterests).toBe('Director, Marsh Lettings Ltd');
  // PDF: the same, readable.
  const pdf = await page.request.get(
    (await page.getByRole('link', { name: 'Download as PDF' }).getAttribute('href')) ?? '',
  );
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // Erase: the reason and the confirmation are required.
  await page.getByRole('button', { name: 'Erase personal data' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Tick to confirm');
  await page.getByLabel('Reason for the erasure').fill('Erasure request received by email');
  await page.getByLabel(/I confirm: erase Rowena Marsh/).check();
  await page.getByRole('button', { name: 'Erase personal data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Erased.' })).toContainText(
    /Rowena Marsh is now shown as “Erased person [0-9a-f]{4}”/,
  );
  const log = page.getByRole('region', { name: 'Erasure log' });
  await expect(log.getByRole('row').filter({ hasText: 'Erasure request received by email' })).toContainText(
    'Governor',
  );
  await expectAccessible(page);

  // She is no longer found by name; the export of her record holds nothing personal.
  await page.getByLabel('Name, email or TRN').fill('Rowena Marsh');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('Nobody you can act for matches.')).toBeVisible();
  const again = await page.request.get(
    `/barnet/personal-data/export?kind=governor&id=${data.subjectId}&format=json`,
  );
  expect(await again.text()).not.toContain('Marsh');
});
