import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { todayInLondon } from '../../server/catalogue/academic-year';
import { spreadDueDates } from '../../server/monitoring/plan-visits';
import { giasCsv, giasRow } from '../fixtures/gias';
import { expectAccessible, signInWithMagicLink } from './support';

let dir: string;
test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stride-e2e-register-'));
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the Head of SI imports Barnet’s schools, finds one on the register, records an urgent-improvement report card and its plan and case requirements change', async ({
  page,
}) => {
  const urn = 700_000 + (Date.now() % 100_000);
  const name = `Mill Hill Fields Primary School ${urn}`;
  const file = path.join(dir, 'edubasealldata20261123.csv');
  await writeFile(
    file,
    giasCsv([giasRow({ urn, name, laCode: '302', laName: 'Barnet', town: 'London', postcode: 'NW7 1AA' })], {
      header: 'full',
      encoding: 'windows-1252',
    }),
  );

  await signInWithMagicLink(page, 'head.si@barnet.example');
  await page.goto('/barnet/schools/import');
  await page.getByLabel('GIAS establishment fields file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check file' }).click();
  await page.getByRole('button', { name: 'Import 1 school' }).click();
  await expect(page.getByTestId('register-result')).toContainText('Statutory register: 1 school joined');
  await expectAccessible(page);

  await page.getByTestId('register-result').getByRole('link', { name: 'View the register' }).click();
  await page.getByLabel('Search by name or URN').fill(String(urn));
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByTestId('register-row')).toHaveCount(1);
  await expect(page.getByTestId('register-row')).toContainText('2 Good');
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId('visit-rule')).toContainText('2 Good: 2 a year');
  await expect(page.getByTestId('intervention-eligibility')).toContainText('Not eligible');
  await expect(page.getByTestId('statement-of-action')).toContainText('Not required');
  const schoolUrl = page.url();

  // The new school is in the plan once the year's plan is regenerated.
  await page.goto('/barnet/visits');
  await page.getByRole('button', { name: /^Generate the 2026\/27 plan$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'already planned' })).toBeVisible();
  await page.goto(schoolUrl);
  // The year is under way: the plan adds the year's visits still to come (both of 2, until the spring one).
  const today = todayInLondon();
  const stillToCome = (count: number, from = 0) =>
    spreadDueDates(2026, count)
      .slice(from)
      .filter((due) => due >= today).length;
  await expect(page.getByRole('region', { name: 'Planned visits' }).getByRole('listitem')).toHaveCount(
    stillToCome(2),
  );

  // A report card with an area at urgent improvement: no category to tick, the framework decides.
  const form = page.getByRole('region', { name: 'Record an Ofsted inspection' });
  await form.getByLabel('Date of inspection').fill('2026-10-07');
  await form.getByLabel('Date the report was published').fill('2026-11-10');
  for (const area of ['Inclusion', 'Curriculum and teaching', 'Attendance and behaviour']) {
    await form.getByLabel(area, { exact: true }).selectOption({ label: 'Expected standard' });
  }
  await form.getByLabel('Personal development and well-being').selectOption({ label: 'Strong standard' });
  await form.getByLabel('Leadership and governance').selectOption({ label: 'Needs attention' });
  await form.getByLabel('Achievement', { exact: true }).selectOption({ label: 'Urgent improvement' });
  await form.getByLabel('Safeguarding').selectOption({ label: 'Met' });
  await expect(form.getByTestId('derived-category')).toContainText('Requires significant improvement');
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Record inspection' }).click();
  await expect(form.getByRole('status')).toContainText(
    'Inspection recorded: requires significant improvement.',
  );

  await expect(page.getByTestId('ofsted-category')).toContainText('Requires significant improvement');
  await expect(page.getByTestId('la-category')).toContainText('4a Serious weaknesses');
  await expect(page.getByTestId('visit-rule')).toContainText(
    '19 (4a Serious weaknesses: per Statement of Action)',
  );
  await expect(page.getByTestId('statement-of-action')).toContainText('Required');
  await expect(page.getByTestId('intervention-eligibility')).toContainText('Eligible.');
  await expectAccessible(page);

  await page.goto('/barnet/visits');
  await page.getByRole('button', { name: /^Generate the 2026\/27 plan$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'already planned' })).toBeVisible();
  await page.goto(schoolUrl);
  // Its category rose to 19 a year: the plan keeps the visits it had and adds the new rule's still to come.
  await expect(page.getByRole('region', { name: 'Planned visits' }).getByRole('listitem')).toHaveCount(
    stillToCome(2) + stillToCome(19, 2),
  );
});

test('an LA manager puts the monitoring in their own policy’s words; the register of concern takes them', async ({
  page,
}) => {
  await signInWithMagicLink(page, 'head.si@harrow.example');
  await page.goto('/harrow');
  await page.getByRole('link', { name: 'Monitoring settings' }).first().click();
  await expect(page.getByRole('heading', { name: 'Monitoring settings', level: 1 })).toBeVisible();
  await expectAccessible(page);
  const listName = page.getByLabel('The register of concern');
  const original = await listName.inputValue();
  const days = page.getByLabel('Days between the group’s meetings');
  const originalDays = await days.inputValue();
  await listName.fill('Schools needing intensive support');
  await page.getByLabel('Days between the group’s meetings').fill('3');
  await page.getByRole('button', { name: 'Save monitoring settings' }).click();
  // A value out of range is refused beside its field, and nothing is saved.
  await expect(page.getByText('The group meets at most weekly (7 days).').first()).toBeVisible();
  await page.getByLabel('Days between the group’s meetings').fill('28');
  await page.getByRole('button', { name: 'Save monitoring settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await page.goto('/harrow/concern');
  await expect(
    page.getByRole('heading', { name: 'Schools needing intensive support', level: 1 }),
  ).toBeVisible();

  // Back as it was, for the journeys that read Harrow's register by its usual name.
  await page.goto('/harrow/monitoring-settings');
  await page.getByLabel('The register of concern').fill(original);
  await page.getByLabel('Days between the group’s meetings').fill(originalDays);
  await page.getByRole('button', { name: 'Save monitoring settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
});
