import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { hashPlaceToken, newPlaceToken } from '../../server/courses/place-token';
import { expectAccessible, signInWithMagicLink } from './support';

const nextYear = new Date().getUTCFullYear() + 1;
const sql = postgres(process.env.E2E_DATABASE_URL ?? '', { max: 1 });
test.afterAll(() => sql.end());

/**
 * A school that closed after its delegate was offered a waiting-list place, or after its staff booking was held
 * for its head's approval: the claim page says at once that the place cannot be claimed, and the head is told
 * before confirming that the booking cannot be approved, then declines it. The school, its head, the offer and
 * the held booking are set up directly (the course journeys cover how they come about); every run makes its own.
 */
test('a closed school: its claim link says the place cannot be claimed; its head cannot approve a held booking', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const title = `Closed school places ${stamp}`;
  await signInWithMagicLink(page, 'manager@hsip.example');
  await page.goto('/hsip/courses/new');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Teachers', { exact: true }).check();
  await page.getByLabel('Format').selectOption('in_person');
  await page.getByLabel('Venue').fill('Harrow Teachers’ Centre');
  await page.getByLabel('Date', { exact: true }).fill(`${nextYear}-05-20`);
  await page.getByRole('button', { name: 'Create draft course' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const courseId = page.url().split('/').at(-1) ?? '';
  await page.getByRole('button', { name: 'Publish to the catalogue' }).click();
  await expect(page.getByRole('link', { name: 'See its public page' })).toBeVisible();

  const urn = 800_000 + (Date.now() % 100_000);
  const schoolName = `Closing Fields Primary School ${stamp}`;
  await sql`insert into schools (tenant_id, urn, la_code, la_name, establishment_number, name, type, type_group,
      phase, status, closed_on)
    select tenant_id, ${urn}, la_code, la_name, establishment_number, ${schoolName}, type, type_group, phase,
      'closed', '2025-08-31'
    from schools where urn = '102232' and tenant_id = (select tenant_id from courses where id = ${courseId})`;
  const refusal = `${schoolName} closed on 31 August 2025, so it cannot be booked onto courses.`;

  // An offer made before the school closed, still held: the link says at once that it cannot be claimed.
  const { token } = newPlaceToken();
  await sql`update courses set places_taken = places_taken + 2 where id = ${courseId}`;
  await sql`insert into course_waitlist_entries (tenant_id, course_id, school_id, delegate_name, delegate_email,
      status, offered_at, hold_expires_at, claim_token_hash)
    select c.tenant_id, c.id, s.id, 'Olly Offered', ${`olly.${stamp}@closing.sch.example`}, 'offered', now(),
      now() + interval '2 days', ${hashPlaceToken(token)}
    from courses c join schools s on s.tenant_id = c.tenant_id and s.urn = ${urn} where c.id = ${courseId}`;
  const delegate = await (await browser.newContext()).newPage();
  await delegate.goto(`/courses/hsip/claim/${token}`);
  await expect(delegate.getByText('Sorry: this place cannot be claimed.')).toBeVisible();
  await expect(delegate.getByText(refusal)).toBeVisible();
  await expect(delegate.getByRole('button', { name: 'Claim the place' })).toHaveCount(0);
  await expectAccessible(delegate);
  // Opening the link changed nothing: the offer still stands until its hold runs out.
  const [offer] = await sql<{ status: string }[]>`select status from course_waitlist_entries
    where claim_token_hash = ${hashPlaceToken(token)}`;
  expect(offer?.status).toBe('offered');

  // A staff booking held for the head's approval: approving is refused, declining frees the place.
  const headEmail = `head.${stamp}@closing.sch.example`;
  await sql`insert into users (email, name) values (${headEmail}, 'Hana Head')`;
  await sql`insert into memberships (tenant_id, user_id, role, school_id)
    select s.tenant_id, u.id, 'school_admin', s.id from schools s, users u
    where s.urn = ${urn} and u.email = ${headEmail}`;
  await sql`insert into course_bookings (tenant_id, course_id, school_id, delegate_name, delegate_email, status)
    select c.tenant_id, c.id, s.id, 'Pat Pending', ${`pat.${stamp}@closing.sch.example`}, 'pending_approval'
    from courses c join schools s on s.tenant_id = c.tenant_id and s.urn = ${urn} where c.id = ${courseId}`;
  const head = await (await browser.newContext()).newPage();
  await signInWithMagicLink(head, headEmail);
  await head.goto('/hsip/courses');
  // The school's places (its waiting lists, below, hold Olly's offer on the same course).
  const held = head
    .getByRole('table', { name: 'Your school’s places' })
    .getByRole('row', { name: /Pat Pending/ });
  await expect(held).toContainText(title);
  await held.getByRole('button', { name: 'Approve Pat Pending’s booking' }).click();
  const approval = held.getByRole('form', { name: 'Approve Pat Pending’s booking' });
  await expect(approval.getByRole('status')).toHaveText(`${refusal} Decline the booking to free the place.`);
  await expect(
    approval.getByRole('button', { name: 'Confirm approval of Pat Pending’s booking' }),
  ).toBeDisabled();
  await expectAccessible(head);
  await approval.getByRole('button', { name: 'Back to Pat Pending’s booking' }).click();
  await held.getByRole('button', { name: 'Decline Pat Pending’s booking' }).click();
  await expect(held).toContainText('Cancelled');
  await expectAccessible(head);
  // The school's waiting lists say why Olly's held place cannot be claimed, and how to pass it on now.
  const olly = head
    .getByRole('table', { name: 'Your school’s waiting lists' })
    .getByRole('row', { name: /Olly Offered/ });
  await expect(olly).toContainText(
    `${refusal} The place held cannot be claimed: take them off to pass it on now`,
  );
});
