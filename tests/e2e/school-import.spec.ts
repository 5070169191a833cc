import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { giasCsv, giasRow } from '../fixtures/gias';
import { expectAccessible, signInWithMagicLink } from './support';

let dir: string;
test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stride-e2e-gias-'));
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the BEP manager checks a GIAS file, imports it and finds the new school', async ({ page }) => {
  // A URN no seeded school has, different on each run in case the database is kept.
  const urn = 800_000 + (Date.now() % 100_000);
  const name = `St Mary’s Moor Green Primary School ${urn}`;
  const file = path.join(dir, 'edubasealldata20261123.csv');
  await writeFile(
    file,
    giasCsv(
      [
        giasRow({
          urn,
          name,
          town: 'Birmingham',
          postcode: 'B13 8QU',
          telephone: '0121 464 5555',
          website: 'www.stmarysmoorgreen.sch.example',
          trust: 'Moor Learning Trust',
          openDate: '01-09-2014',
        }),
        // Another LA's school: outside BEP's LA codes, so not imported.
        giasRow({ urn: urn + 1, laCode: '302', laName: 'Barnet' }),
      ],
      { header: 'full', encoding: 'windows-1252' },
    ),
  );

  await signInWithMagicLink(page, 'manager@bep.example');
  await expect(page).toHaveURL(/\/bep$/);
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Schools' }).click();
  await page.getByRole('link', { name: 'Import schools from GIAS' }).click();
  await expect(page.getByRole('heading', { name: 'Import schools from GIAS', level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText(
    'Choose the GIAS CSV file to check.',
  );
  await expectAccessible(page);

  await page.getByLabel('GIAS establishment fields file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByRole('heading', { name: 'What the import will do' })).toBeFocused();
  await expect(page.getByText('read as Windows-1252, taking schools in local authority 330')).toBeVisible();
  const summary = page.getByRole('table', { name: 'Summary of the check' });
  await expect(summary.getByRole('row', { name: 'Rows in the file' })).toContainText('2');
  await expect(summary.getByRole('row', { name: 'New schools' })).toContainText('1');
  await expect(summary.getByRole('row', { name: 'Problems' })).toContainText('0');
  // Before confirming, the schools it adds or changes, by name.
  const changes = page.getByRole('table', { name: 'Schools the import adds or changes (1)' });
  await expect(changes.getByRole('row', { name: new RegExp(String(urn)) })).toContainText('New school');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Import 1 school' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 1 school: 1 new, 0 updated.');
  await expectAccessible(page);

  await page.getByRole('status').getByRole('link', { name: 'View the schools' }).click();
  await page.getByLabel('Search by name, town, postcode or URN').fill(String(urn));
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('link', { name })).toBeVisible();
  // The school's page has its telephone, website, trust and opening day from GIAS.
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('link', { name: '0121 464 5555' })).toHaveAttribute('href', 'tel:01214645555');
  await expect(page.getByRole('link', { name: 'www.stmarysmoorgreen.sch.example' })).toHaveAttribute(
    'href',
    'https://www.stmarysmoorgreen.sch.example/',
  );
  await expect(page.getByText('Moor Learning Trust')).toBeVisible();
  await expect(page.getByTestId('school-opened')).toHaveText('Opened 1 September 2014');
  await expectAccessible(page);

  // The same file again: up to date. A file of another LA's schools only: says so, not "up to date".
  await page.goto('/bep/schools/import');
  await page.getByLabel('GIAS establishment fields file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByText('Every school you import is already up to date.')).toBeVisible();
  const elsewhere = path.join(dir, 'barnet-only.csv');
  await writeFile(
    elsewhere,
    giasCsv([giasRow({ urn: urn + 2, laCode: '302', laName: 'Barnet' })], { header: 'full' }),
  );
  await page.getByLabel('GIAS establishment fields file').setInputFiles(elsewhere);
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByText('No school in the file is in local authority 330.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
});

test('a file with a problem is shown row by row and cannot be imported', async ({ page }) => {
  const urn = 700_000 + (Date.now() % 100_000);
  const file = path.join(dir, 'broken.csv');
  await writeFile(
    file,
    giasCsv([giasRow({ urn }), giasRow({ urn: urn + 1, pupils: 'lots' })], { header: 'full' }),
  );
  await signInWithMagicLink(page, 'manager@bep.example');
  await page.goto('/bep/schools/import');
  await page.getByLabel('GIAS establishment fields file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check file' }).click();
  const problems = page.getByRole('table', { name: /Problems to fix in the file/ });
  await expect(problems.getByRole('row', { name: /lots/ })).toContainText(
    `3${urn + 1}NumberOfPupilsNumber of pupils must be a whole number (found “lots”).`,
  );
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
  await expectAccessible(page);
});

test('only workspace administrators can import', async ({ page }) => {
  await signInWithMagicLink(page, 'finance@bep.example');
  await page.goto('/bep/schools');
  await expect(page.getByRole('heading', { name: 'Schools', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Import schools from GIAS' })).toHaveCount(0);
  const response = await page.goto('/bep/schools/import');
  expect(response?.status()).toBe(403);
});

test('a demo academy’s page has its telephone, website and trust, as an imported school’s has', async ({
  page,
}) => {
  await signInWithMagicLink(page, 'manager@bep.example');
  await page.goto('/bep/schools');
  await page.getByLabel('Search by name, town, postcode or URN').fill('139804');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: 'Washwood Heath Academy' }).click();
  await expect(page.getByRole('heading', { name: 'Washwood Heath Academy', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: '0121 496 0804' })).toHaveAttribute('href', 'tel:01214960804');
  await expect(
    page.getByRole('link', { name: 'https://www.washwood-heath-academy.example' }),
  ).toHaveAttribute('href', 'https://www.washwood-heath-academy.example/');
  await expect(page.getByText('Tame Valley Academy Trust')).toBeVisible();
  await expectAccessible(page);
});

test('the Schools list starts with open schools; closed ones are a choice, and a primary’s sixth form is not applicable', async ({
  page,
}) => {
  await signInWithMagicLink(page, 'head.si@barnet.example');
  await page.goto('/barnet/schools');
  await expect(page.getByText(/^\d+ open schools? \(closed schools are left out/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Totteridge Lane Primary School' })).toHaveCount(0);

  await page.getByLabel('Show').selectOption({ label: 'Closed schools' });
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/show=closed/);
  await expect(page.getByText(/^\d+ closed schools?$/)).toBeVisible();
  await expect(page.getByLabel('Show')).toHaveValue('closed');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Totteridge Lane Primary School' }).click();
  await expect(page.getByRole('heading', { name: 'Totteridge Lane Primary School', level: 1 })).toBeVisible();
  await expect(page.getByTestId('sixth-form')).toHaveText('Not applicable');

  // The way back returns to the list as it was left: the closed schools.
  await page.getByRole('link', { name: 'Back to schools' }).click();
  await expect(page).toHaveURL(/\/barnet\/schools\?show=closed$/);
  await expect(page.getByLabel('Show')).toHaveValue('closed');
  await page.getByRole('link', { name: 'Clear search and show open schools' }).click();
  await expect(page).toHaveURL(/\/barnet\/schools$/);
  await expect(page.getByLabel('Show')).toHaveValue('open');
});
