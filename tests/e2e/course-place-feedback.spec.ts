import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { expectAccessible, latestEmailedLink, signInWithMagicLink } from './support';

const nextYear = new Date().getUTCFullYear() + 1;
const sql = postgres(process.env.E2E_DATABASE_URL ?? '', { max: 1 });
test.afterAll(() => sql.end());

/** Moves a course's one session to a London day and times (what the clock would do). */
async function moveSession(courseId: string, on: string, from: string, to: string) {
  await sql`update course_sessions set "on" = ${on}, start_time = ${from}, end_time = ${to},
      starts_at = (${on}::date + ${from}::time) at time zone 'Europe/London',
      ends_at = (${on}::date + ${to}::time) at time zone 'Europe/London'
    where course_id = ${courseId}`;
  await sql`update courses set starts_on = ${on}, ends_on = ${on} where id = ${courseId}`;
}

test('the catalogue list says booking has closed once a course begins; a delegate who came gives feedback from their place page', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // Everything is made afresh under its own stamp, so a retry starts clean.
  const stamp = Date.now().toString(36);
  const title = `Place feedback ${stamp}`;
  const email = (n: string) => `${n}.${stamp}@grange.sch.example`;

  const manager = await (await browser.newContext()).newPage();
  await signInWithMagicLink(manager, 'manager@hsip.example');
  await manager.goto('/hsip/courses/new');
  await manager.getByLabel('Title', { exact: true }).fill(title);
  await manager.getByLabel('Teachers', { exact: true }).check();
  await manager.getByLabel('Format').selectOption('in_person');
  await manager.getByLabel('Venue').fill('Harrow Teachers’ Centre');
  await manager.getByLabel('Date', { exact: true }).fill(`${nextYear}-05-04`);
  await manager.getByLabel('Capacity').fill('5');
  await manager.getByLabel('Partnership agreement price', { exact: true }).fill('0');
  await manager.getByLabel('Outside partnership price').fill('0');
  await manager.getByLabel('Out-of-area price').fill('0');
  await manager.getByRole('button', { name: 'Create draft course' }).click();
  await expect(manager.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const courseUrl = manager.url();
  const courseId = courseUrl.split('/').pop() ?? '';
  await manager.getByRole('button', { name: 'Publish to the catalogue' }).click();
  await expect(manager.getByRole('link', { name: 'See its public page' })).toBeVisible();

  // The head names two delegates.
  const head = await (await browser.newContext()).newPage();
  await signInWithMagicLink(head, 'head@grange.sch.example');
  await head.goto(`${courseUrl}/book`);
  const fill = async (page: Page, n: number, name: string, address: string) => {
    const group = page.getByRole('group', { name: `Delegate ${n}` });
    await group.getByLabel('Name', { exact: true }).fill(name);
    await group.getByLabel('Email', { exact: true }).fill(address);
  };
  await fill(head, 1, 'Fay Came', email('fay'));
  await head.getByRole('button', { name: 'Add another delegate' }).click();
  await fill(head, 2, 'Gus Absent', email('gus'));
  await expect(head.getByText(/2 places for/)).toBeVisible();
  await head.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(head.getByRole('status').filter({ hasText: '2 places confirmed' })).toBeVisible();
  const placeOf = async (n: string) =>
    new URL(await latestEmailedLink(email(n), /https?:\/\/\S+\/place\/[\w-]+/)).pathname;
  const fayPlace = await placeOf('fay');
  const gusPlace = await placeOf('gus');

  // The course begins earlier today (its one session from midnight): the catalogue list, rendered now, says
  // booking has closed, as the course page does, and no longer counts places left.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  await moveSession(courseId, today, '00:00', '23:59');
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/courses/hsip?q=${stamp}`);
  const entry = visitor.getByRole('listitem').filter({ hasText: title });
  await expect(entry).toContainText('Booking closed');
  await expect(entry).not.toContainText('places left');
  await expectAccessible(visitor);
  await entry.getByRole('link', { name: title }).click();
  await expect(visitor.getByText('This course has already started.')).toBeVisible();

  // Before the course has finished, a place page says nothing of feedback.
  await visitor.goto(fayPlace);
  await expect(visitor.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(visitor.getByTestId('feedback')).toHaveCount(0);

  // It ran yesterday: Fay came, Gus did not.
  const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
    new Date(Date.now() - 86_400_000),
  );
  await moveSession(courseId, yesterday, '09:30', '15:30');
  await manager.goto(`${courseUrl}/register`);
  const mark = async (name: string, as: RegExp) => {
    const row = manager.getByRole('listitem').filter({ hasText: name });
    await row.getByRole('button', { name: as }).click();
    await expect(row).toContainText('Marked:');
  };
  await mark('Fay Came', /^Attended/);
  await mark('Gus Absent', /^Absent/);

  // Fay's own page (her confirmation's link, no sign-in) offers feedback, on the same form as the request email.
  const fay = await (await browser.newContext()).newPage();
  await fay.goto(fayPlace);
  await fay.getByRole('link', { name: 'Give your feedback' }).click();
  await expect(fay.getByRole('heading', { name: `Evaluation: ${title}`, level: 1 })).toBeVisible();
  await expectAccessible(fay);
  for (const question of [
    'The content of the course',
    'The facilitation',
    'The likely impact on your practice',
    'The course overall',
  ])
    await fay.getByRole('group', { name: question }).getByLabel('4').check();
  await fay.getByLabel(/Anything else/).fill(`From the place page ${stamp}`);
  await fay.getByRole('button', { name: 'Send your evaluation' }).click();
  await expect(fay.getByRole('status').filter({ hasText: 'Thank you' })).toBeVisible();
  await fay.getByRole('link', { name: 'Back to your place' }).click();
  await expect(fay.getByTestId('feedback')).toHaveText(
    /^Thank you, feedback received on \d{1,2} \w+ \d{4}\.$/,
  );
  await expect(fay.getByRole('link', { name: 'Give your feedback' })).toHaveCount(0);
  await expectAccessible(fay);

  // Gus, absent throughout, is offered none.
  await fay.goto(gusPlace);
  await expect(fay.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(fay.getByTestId('feedback')).toHaveCount(0);

  // The organisers read it with the rest.
  await manager.goto(`${courseUrl}/evaluations`);
  await expect(manager.getByText(`From the place page ${stamp}`)).toBeVisible();
});
