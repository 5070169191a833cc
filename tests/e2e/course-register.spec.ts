import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { expectAccessible, signInWithMagicLink } from './support';

const sql = postgres(process.env.E2E_DATABASE_URL ?? '', { max: 1 });
test.afterAll(() => sql.end());

const nextYear = new Date().getUTCFullYear() + 1;

test('a manager makes a course in the form, a head books a place, the facilitator marks the register on a phone', async ({
  browser,
}) => {
  const title = `Phonics refresher ${Date.now().toString(36)}`;
  const manager = await (await browser.newContext()).newPage();
  await signInWithMagicLink(manager, 'manager@hsip.example');
  await manager.goto('/hsip/courses');
  await manager.getByRole('link', { name: 'Create a course' }).click();
  await manager.getByLabel('Title', { exact: true }).fill(title);
  await manager.getByLabel('Teachers', { exact: true }).check();
  await manager.getByLabel('Format').selectOption('in_person');
  await manager.getByLabel('Venue').fill('Harrow Teachers’ Centre');
  await manager.getByLabel('Date', { exact: true }).fill(`${nextYear}-02-02`);
  await manager.getByRole('button', { name: 'Add a session' }).click();
  await manager.getByRole('group', { name: 'Session 2' }).getByLabel('Date').fill(`${nextYear}-02-09`);
  await expectAccessible(manager);
  await manager.getByRole('button', { name: 'Create draft course' }).click();
  await expect(manager.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const courseUrl = manager.url();
  // A draft has no register: opened by its address, the page says why and leads back to the course.
  await manager.goto(`${courseUrl}/register`);
  await expect(manager.getByRole('heading', { name: 'This course has no register', level: 1 })).toBeVisible();
  await expect(
    manager.getByText(/This course is a draft: it has no register until it is published/),
  ).toBeVisible();
  await expectAccessible(manager);
  await manager.getByRole('link', { name: 'Back to the course' }).click();
  await expect(manager.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await manager.getByRole('button', { name: 'Publish to the catalogue' }).click();
  await expect(manager.getByRole('link', { name: 'See its public page' })).toBeVisible();

  const head = await (await browser.newContext()).newPage();
  await signInWithMagicLink(head, 'head@grange.sch.example');
  await head.goto(`${courseUrl}/book`);
  await head.getByLabel('Name', { exact: true }).fill('Nia Okafor');
  await head.getByLabel('Email', { exact: true }).fill(`nia.${Date.now().toString(36)}@grange.sch.example`);
  await head.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(head.getByRole('status').filter({ hasText: /confirmed|booked/i })).toBeVisible();

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signInWithMagicLink(phone, 'adviser@hsip.example');
  await phone.goto(`${courseUrl}/register`);
  await expect(phone.getByRole('heading', { name: `Register: ${title}` })).toBeVisible();
  // Ahead of the day the register is the list of who is coming, with nothing to mark.
  await expect(phone.getByText(/You can mark the register from that day/)).toBeVisible();
  await expect(phone.getByRole('listitem').filter({ hasText: 'Nia Okafor' })).toBeVisible();
  await expect(phone.getByRole('button', { name: /^Attended/ })).toHaveCount(0);

  // The day of the first session comes (moved to today); the second is still a week away.
  const courseId = courseUrl.split('/').at(-1) ?? '';
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  await sql`update course_sessions set "on" = ${today},
      starts_at = (${today}::date + time '09:30') at time zone 'Europe/London',
      ends_at = (${today}::date + time '12:30') at time zone 'Europe/London'
    where course_id = ${courseId} and sequence = 1`;
  await phone.reload();
  const nia = phone.getByRole('listitem').filter({ hasText: 'Nia Okafor' });
  await expect(nia).toContainText('Not marked yet');
  await expect(phone.getByText(/^0 of \d+ delegates? marked/)).toBeVisible();
  await nia.getByRole('button', { name: /^Attended/ }).click();
  await expect(nia).toContainText('Marked: attended');
  // The count keeps up with the taps.
  await expect(phone.getByText(/^1 of \d+ delegates? marked/)).toBeVisible();
  await expect(nia.getByRole('button', { name: /^Attended/ })).toHaveAttribute('aria-pressed', 'true');
  const box = await nia.getByRole('button', { name: /^Late/ }).boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(44);
  await expectAccessible(phone);

  // The mark was saved: it is there after a reload; the second session's register opens on its own day.
  await phone.reload();
  await expect(phone.getByRole('listitem').filter({ hasText: 'Nia Okafor' })).toContainText(
    'Marked: attended',
  );
  await phone.getByRole('navigation', { name: 'Sessions' }).getByRole('link', { name: 'Session 2' }).click();
  await expect(phone.getByText(/You can mark the register from that day/)).toBeVisible();
  await expect(phone.getByRole('button', { name: /^Attended/ })).toHaveCount(0);
});
