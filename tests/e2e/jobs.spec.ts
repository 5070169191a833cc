import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { expectAccessible, signInWithMagicLink } from './support';

const sql = postgres(process.env.E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/stride_e2e', {
  max: 1,
});

test.afterAll(async () => {
  await sql.end();
});

test('the head of school improvement sees what the jobs did, runs one now and sends a failed email again', async ({
  page,
}) => {
  // An email that could not be sent after every try, as the email job leaves it.
  const [harrow] = await sql<{ id: string }[]>`select id from tenants where slug = 'harrow'`;
  const subject = `Undeliverable notice ${Date.now()}`;
  await sql`insert into outbox_emails (tenant_id, status, "to", subject, text, attempts, last_error)
    values (${harrow!.id}, 'failed', 'nobody@harrow.example', ${subject}, 'Hello', 5, 'connect ECONNREFUSED 127.0.0.1:2525')`;

  await signInWithMagicLink(page, 'head.si@harrow.example');
  await page.goto('/harrow');
  await page.getByRole('link', { name: 'Jobs and emails' }).first().click();
  await expect(page.getByRole('heading', { name: 'Jobs and emails', level: 1 })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /Overdue visits and notes of visit/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Run Overdue visits and notes of visit now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Ran for \d{4}-W\d{2}/ })).toBeVisible();
  const run = page
    .getByRole('row', { name: /Overdue visits and notes of visit/ })
    .filter({ hasText: 'A manager (run now)' });
  await expect(run).toContainText('Done:');

  // Running it again in the same week is refused, and says why.
  await page.getByRole('button', { name: 'Run Overdue visits and notes of visit now' }).click();
  await expect(page.getByText(/has already run for this period/)).toBeVisible();

  const failed = page.getByRole('row', { name: new RegExp(subject) });
  await expect(failed).toContainText('Failed');
  await expect(failed).toContainText('ECONNREFUSED');
  await expectAccessible(page);
  await failed.getByRole('button', { name: 'Send the email to nobody@harrow.example again' }).click();
  // The email job delivers it (no mail server here: kept in the outbox).
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('row', { name: new RegExp(subject) })).toContainText('Kept (no mail server)');
  }).toPass({ timeout: 20_000 });
  await expectAccessible(page);
});
