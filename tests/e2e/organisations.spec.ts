import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { giasCsv, giasRow } from '../fixtures/gias';
import { academicYearLabel, academicYearOf, todayInLondon } from '../../server/catalogue/academic-year';
import {
  acceptInvitation,
  expectAccessible,
  latestEmail,
  latestEmailedLink,
  signInWithMagicLink,
} from './support';

// One new workspace per run, so a kept database does not clash.
const run = Date.now().toString(36);
const slug = `tsip-${run}`;
const workspaceName = `Tamworth Schools Improvement ${run}`;
const managerEmail = `manager-${run}@tsip.example`;
const adviserEmail = `adviser-${run}@tsip.example`;
const headEmail = `head-${run}@oak.sch.example`;
const urn = 600_000 + (Date.now() % 100_000);
const schoolName = `Oak Lane Primary School ${urn}`;

async function signOut(page: Page) {
  await page.context().clearCookies();
}

const workspace = { slug, name: workspaceName };

test.describe.configure({ mode: 'serial' });

let dir: string;
test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stride-e2e-orgs-'));
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a production build has no demo sign-in and no development outbox', async ({ page, request }) => {
  const providers = (await (await request.get('/api/auth/providers')).json()) as Record<string, unknown>;
  expect(Object.keys(providers)).not.toContain('demo');
  expect((await request.get('/dev/outbox')).status()).toBe(404);
  const outbox = await request.get('/api/trpc/dev.outbox');
  expect(outbox.status()).toBe(404);
  // A buy-back link of the wrong length is "not valid", like any unknown one (was a 500).
  for (const token of ['short', 'x'.repeat(300)]) {
    await page.goto(`/renew/hsip/${token}`);
    await expect(page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible();
  }
  await expectAccessible(page);
});

test('the platform administrator creates a workspace; its manager invites an adviser and a headteacher', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInWithMagicLink(page, 'platform@stride.example');
  await page.goto('/platform');
  await expect(page.getByRole('heading', { name: 'Platform administration' })).toBeVisible();
  await expectAccessible(page);
  const created = new Date(Date.now() - 1000);
  await page.getByLabel('Full name').fill(workspaceName);
  await page.getByLabel('Short name').fill('TSIP');
  await page.getByLabel('Web address name').fill(slug);
  await page.getByRole('radio', { name: 'School improvement partnership' }).check();
  await page.getByLabel('LA codes').fill('330');
  await page.getByRole('checkbox', { name: 'Traded services' }).check();
  await page.getByRole('checkbox', { name: 'CPD courses and bookings' }).check();
  await page.getByRole('checkbox', { name: 'Invoicing and payments' }).check();
  await page.getByLabel(/Manager.s email address/).fill(managerEmail);
  await page.getByLabel(/Manager.s name/).fill('Maya Manager');
  await page.getByRole('button', { name: 'Create workspace and invite its manager' }).click();
  await expect(page.getByRole('heading', { name: workspaceName, level: 1 })).toBeVisible();
  // The administrator sees the invitation went and waits for the manager.
  await expect(
    page
      .getByRole('table', { name: 'Manager invitations, newest first' })
      .getByRole('row', { name: managerEmail }),
  ).toContainText('Waiting');
  await expectAccessible(page);
  await signOut(page);

  // The manager accepts through the emailed link and imports the workspace's first school from GIAS.
  await acceptInvitation(
    page,
    { email: managerEmail, after: created, workspace },
    'Maya Manager',
    'Maya Manager',
  );
  const file = path.join(dir, 'edubasealldata.csv');
  await writeFile(
    file,
    giasCsv([giasRow({ urn, name: schoolName, town: 'Birmingham' })], { header: 'full' }),
  );
  await page.goto(`/${slug}/schools/import`);
  await page.getByLabel('GIAS establishment fields file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check file' }).click();
  await page.getByRole('button', { name: 'Import 1 school' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 1 school');

  // Invites an adviser and the school's headteacher.
  await page
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: 'People and roles' })
    .click();
  await expect(page.getByRole('heading', { name: 'People and roles', level: 1 })).toBeVisible();
  await expectAccessible(page);
  const invited = new Date(Date.now() - 1000);
  const invite = page.getByRole('region', { name: 'Invite someone' });
  await invite.getByLabel('Email address').fill(adviserEmail);
  await invite.getByLabel('Role').selectOption({ label: 'Adviser' });
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Invitation sent to ${adviserEmail}` }),
  ).toBeVisible();
  await invite.getByLabel('Email address').fill(headEmail);
  await invite.getByLabel('Role').selectOption({ label: 'Headteacher / school business manager' });
  // A school role needs its school: the form says so.
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Choose the school');
  await expectAccessible(page);
  await invite.getByLabel('School', { exact: true }).selectOption({ label: `${schoolName} (${urn})` });
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${headEmail}` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Invitations sent from this workspace' })).toContainText(
    headEmail,
  );
  await signOut(page);

  // Each lands in the right place.
  await acceptInvitation(page, { email: adviserEmail, after: invited, workspace }, 'Ade Adviser');
  await expect(page.getByText(/Your role: Adviser/)).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Signed in as Ade Adviser');
  await expect(page.getByRole('link', { name: 'People and roles' })).toHaveCount(0);
  // Their own account, from their name in the header: how every workspace names them, and their workspaces.
  await page.getByRole('banner').getByRole('link', { name: 'Ade Adviser (your account)' }).click();
  await expect(page.getByRole('heading', { name: 'Your account', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your workspaces' })).toContainText('Your roles: Adviser');
  await expectAccessible(page);
  await page.getByLabel('Your name').fill(' ');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Enter your name.');
  await page.getByLabel('Your name').fill('Ade Adeyemi');
  await page.getByLabel('Job title (optional)').fill('Primary adviser');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Signed in as Ade Adeyemi');
  await page.reload();
  await expect(page.getByLabel('Job title (optional)')).toHaveValue('Primary adviser');

  // The partnership moves to a new email domain: Ade changes the address they sign in with, proved by a link
  // sent to it; the old address is told.
  const newAdviserEmail = `ade-${run}@tamworth-si.example`;
  const addressForm = page.getByRole('region', { name: 'Change your sign-in address' });
  const sendLink = addressForm.getByRole('button', { name: 'Send a link to the new address' });
  await addressForm.getByLabel('New sign-in address').fill(adviserEmail.toUpperCase());
  await sendLink.click();
  await expect(addressForm.getByRole('alert', { name: 'There is a problem' })).toContainText(
    'That is already the address you sign in with.',
  );
  await addressForm.getByLabel('New sign-in address').fill(`ade-${run}@tamworth-si.exmaple`);
  await sendLink.click();
  await expect(addressForm).toContainText(`We sent a link to ade-${run}@tamworth-si.exmaple`);
  await addressForm.getByRole('button', { name: 'Cancel this change' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled.' })).toBeVisible();
  await expect(addressForm).not.toContainText('We sent a link to');
  const askedForAddress = new Date(Date.now() - 1000);
  await addressForm.getByLabel('New sign-in address').fill(newAdviserEmail);
  await sendLink.click();
  await expect(
    page.getByRole('status').filter({ hasText: `We have sent a link to ${newAdviserEmail}` }),
  ).toBeVisible();
  await expect(addressForm).toContainText(`We sent a link to ${newAdviserEmail}`);
  await expect(addressForm).toContainText('The link expires on');
  await expectAccessible(page);
  const notice = await latestEmail(adviserEmail, /sign-in address was asked for/, askedForAddress);
  expect(notice.text).toContain(`asked to sign in with ${newAdviserEmail} instead of ${adviserEmail}`);
  const confirmLink = await latestEmailedLink(
    newAdviserEmail,
    /https?:\/\/\S+\/account\/confirm-email\?token=[\w-]+/,
    askedForAddress,
  );
  await page.goto(confirmLink);
  await expect(
    page.getByRole('heading', { name: 'Confirm your new sign-in address', level: 1 }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: `Confirm ${newAdviserEmail}` }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Your sign-in address is now ${newAdviserEmail}` }),
  ).toBeVisible();
  await expectAccessible(page);
  // The link works once.
  await page.goto(confirmLink);
  await expect(page.getByText('This link is not valid')).toBeVisible();
  await signOut(page);
  // The new address signs in to the same account, with its workspace and role.
  await signInWithMagicLink(page, newAdviserEmail);
  await page.goto('/account');
  await expect(page.getByRole('region', { name: 'Your details' })).toContainText(newAdviserEmail);
  await expect(page.getByRole('region', { name: 'Your workspaces' })).toContainText('Your roles: Adviser');
  await expect(page.getByRole('banner')).toContainText('Signed in as Ade Adeyemi');
  await signOut(page);
  await acceptInvitation(page, { email: headEmail, after: invited, workspace }, 'Hana Head');
  await expect(page.getByTestId('my-school')).toContainText(schoolName);
  await expectAccessible(page);
});

test('the new workspace runs its first course: published, found in its catalogue, booked by the head at the school’s price, invoiced from fresh settings', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `First course ${run}`;
  const manager = await (await browser.newContext()).newPage();
  await signInWithMagicLink(manager, managerEmail);
  await manager.goto(`/${slug}/courses/new`);
  await manager.getByLabel('Title', { exact: true }).fill(title);
  await manager.getByLabel('Teachers', { exact: true }).check();
  await manager.getByLabel('Format').selectOption('online');
  await manager.getByLabel('Joining link').fill('https://meet.example/tsip-first');
  await manager.getByLabel('Date', { exact: true }).fill(`${new Date().getUTCFullYear() + 1}-02-02`);
  await manager.getByLabel('Capacity').fill('12');
  await manager.getByLabel('Member price', { exact: true }).fill('30');
  await manager.getByLabel('Non-member price').fill('45');
  await manager.getByLabel('Out-of-area price').fill('60');
  await manager.getByRole('button', { name: 'Create draft course' }).click();
  await expect(manager.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await manager.getByRole('button', { name: 'Publish to the catalogue' }).click();
  await expect(manager.getByRole('link', { name: 'See its public page' })).toBeVisible();
  const courseUrl = manager.url();

  // Anyone finds it in the workspace's own catalogue.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/courses/${slug}`);
  await expect(visitor.getByRole('heading', { name: `Courses from ${workspaceName}` })).toBeVisible();
  await expect(visitor.getByRole('link', { name: title })).toBeVisible();
  await expectAccessible(visitor);

  // The imported school is not a partnership member and is in the workspace's LA (330): non-member price.
  const head = await (await browser.newContext()).newPage();
  await signInWithMagicLink(head, headEmail);
  await head.goto(`/courses/${slug}`);
  await head.getByRole('link', { name: title }).click();
  await head.getByRole('link', { name: 'Book places' }).click();
  const delegate = head.getByRole('group', { name: 'Delegate 1' });
  await delegate.getByLabel('Name', { exact: true }).fill('Olu Oak');
  await delegate.getByLabel('Email', { exact: true }).fill(`olu-${run}@oak.sch.example`);
  await expect(head.getByText(`1 place for ${schoolName}`)).toBeVisible();
  await expect(head.getByText(/1 charged at £45\.00 each \(non-member price\)/)).toBeVisible();
  // The school's finance office pays against its own purchase order: the head gives its number.
  await head.getByLabel('Purchase order number (optional)').fill(`PO-${run}`);
  await expectAccessible(head);
  await head.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(head.getByRole('status').filter({ hasText: '1 place confirmed' })).toBeVisible();
  await expect(head.getByRole('status')).toContainText(`Purchase order PO-${run} will be on the invoice.`);

  // The manager sees the delegate on the course.
  await manager.goto(courseUrl);
  await expect(manager.getByRole('row', { name: /Olu Oak/ })).toContainText('Confirmed');
  await expectAccessible(manager);

  // …sets up invoicing from nothing, bills the charge and issues the invoice; the head sees it.
  await manager.goto(`/${slug}/invoices/settings`);
  await manager.getByLabel('Legal name on invoices').fill(workspaceName);
  await manager.getByLabel('Address').fill('1 Marmion House, Tamworth B79 7BZ');
  await manager.getByLabel('Invoice number prefix').fill('TSIP-');
  await manager.getByLabel('Payment terms (days)').fill('30');
  await manager.getByRole('button', { name: 'Save settings' }).click();
  await expect(manager.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await manager.goto(`/${slug}/invoices/billing`);
  await manager.getByLabel('All uninvoiced charges to date').check();
  await manager.getByRole('button', { name: 'Preview' }).click();
  await expect(manager.getByRole('rowheader', { name: schoolName })).toBeVisible();
  await expectAccessible(manager);
  await manager.getByRole('button', { name: /Create 1 draft invoice/ }).click();
  const thisRun = manager.getByRole('row', { name: /charges/i }).first();
  await expect(thisRun.getByTestId('run-progress')).toContainText('1 of 1 school, 1 invoice (finished)', {
    timeout: 30_000,
  });
  await thisRun.getByRole('button', { name: /Issue 1 draft/ }).click();
  await expect(thisRun.getByRole('status').filter({ hasText: /Issued 1\./ })).toBeVisible();
  await head.goto(`/${slug}/invoices`);
  await head.getByRole('link', { name: 'TSIP-000001' }).click();
  await expect(head.getByRole('heading', { name: 'Invoice TSIP-000001', level: 1 })).toBeVisible();
  await expect(head.getByText(title).first()).toBeVisible();
  await expect(head.getByText(`PO-${run}`)).toBeVisible();
  await expectAccessible(head);
});

test('a teacher with no account asks to join their school and the head approves', async ({ page }) => {
  test.setTimeout(120_000);
  const teacher = `teacher-${run}@grange.sch.example`;
  await signInWithMagicLink(page, teacher);
  await expect(page.getByRole('heading', { name: 'You have no workspace yet' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Ask to join a school' }).click();
  await page.getByRole('link', { name: "Harrow Schools' Improvement Partnership" }).click();
  await page.getByLabel('Your name').fill('Tara Teacher');
  await page.getByLabel('Job title').fill('Year 4 teacher');
  await page.getByLabel(/URN/).fill('102232');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('status')).toContainText('Your request to join Grange Primary School was sent');
  await expectAccessible(page);
  // The name she gave is the one she is signed in under.
  await page.goto('/request-access');
  await expect(page.getByRole('banner')).toContainText('Signed in as Tara Teacher');
  // Still nothing to see.
  await page.goto('/hsip');
  await expect(page.getByRole('heading', { name: 'Your school' })).toHaveCount(0);
  await signOut(page);

  await signInWithMagicLink(page, 'head@grange.sch.example');
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Colleagues' }).click();
  const table = page.getByRole('table', { name: 'Requests to join a school, waiting for an answer' });
  await expect(table).toContainText('Tara Teacher');
  await expectAccessible(page);
  await table.getByRole('button', { name: 'Approve Tara Teacher' }).click();
  await expect(page.getByText('No requests are waiting.')).toBeVisible();

  // The head also invites a colleague straight to the school; the colleague accepts and is in.
  const colleague = `colleague-${run}@grange.sch.example`;
  const invitedAt = new Date(Date.now() - 1000);
  await page.getByLabel('Colleague’s email address').fill(colleague);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Invitation sent to ${colleague}.` }),
  ).toBeVisible();
  // The page lists it as waiting, beside who already has access (Tara, just approved).
  await expect(
    page.getByRole('table', { name: 'Invitations to your school not yet accepted' }).getByRole('row', {
      name: new RegExp(colleague),
    }),
  ).toContainText('Waiting until');
  await expect(page.getByRole('table', { name: 'People with access to your school' })).toContainText(
    'Tara Teacher',
  );
  await expectAccessible(page);
  await signOut(page);
  await acceptInvitation(
    page,
    {
      email: colleague,
      after: invitedAt,
      workspace: { slug: 'hsip', name: "Harrow Schools' Improvement Partnership" },
    },
    'Colin Colleague',
  );
  await expect(page.getByTestId('my-school')).toContainText('Grange Primary School');
  await signOut(page);

  await signInWithMagicLink(page, teacher);
  await expect(page).toHaveURL(/\/hsip$/);
  await expect(page.getByTestId('my-school')).toContainText('Grange Primary School');
});

test('a suspended workspace refuses sign-in with a clear page', async ({ page }) => {
  test.setTimeout(120_000);
  await signInWithMagicLink(page, 'platform@stride.example');
  await page.goto('/platform');
  await page.getByRole('link', { name: workspaceName }).click();
  await page.getByLabel('Why suspend it').fill('Contract ended');
  await page.getByRole('button', { name: 'Suspend the workspace' }).click();
  await expect(page.getByRole('button', { name: 'Reinstate the workspace' })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signInWithMagicLink(page, managerEmail);
  await expect(page).toHaveURL(/\/suspended/);
  await expect(page.getByRole('heading', { name: 'This workspace is suspended' })).toBeVisible();
  await expectAccessible(page);
  // No session was made: the workspace asks for a sign-in, which ends on the same page.
  await page.goto(`/${slug}`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});

test('a new local authority with no Ofsted results or categories yet plans visits and opens a case on a safeguarding concern', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const la = { slug: `northshire-${run}`, name: `Northshire County Council ${run}` };
  const laManager = `si.lead-${run}@northshire.example`;
  const firstUrn = 700_000 + (Date.now() % 100_000);
  const schoolsOfLa = [
    giasRow({ urn: firstUrn, laCode: '999', laName: 'Northshire', name: `Northtown Primary ${firstUrn}` }),
    giasRow({
      urn: firstUrn + 1,
      laCode: '999',
      laName: 'Northshire',
      name: `Westbrook Academy ${firstUrn}`,
      type: 'Academy converter',
      typeGroup: 'Academies',
      trust: 'Northshire Learning Trust',
      website: '',
    }),
  ];
  await signInWithMagicLink(page, 'platform@stride.example');
  await page.goto('/platform');
  const created = new Date(Date.now() - 1000);
  await page.getByLabel('Full name').fill(la.name);
  await page.getByLabel('Short name').fill('Northshire');
  await page.getByLabel('Web address name').fill(la.slug);
  await page.getByRole('radio', { name: 'Local authority' }).check();
  await page.getByLabel('LA codes').fill('999');
  await page.getByRole('checkbox', { name: 'Statutory monitoring' }).check();
  await page.getByRole('checkbox', { name: 'CPD courses and bookings' }).check();
  await page.getByRole('checkbox', { name: 'Invoicing and payments' }).check();
  await page.getByLabel(/Manager.s email address/).fill(laManager);
  await page.getByRole('button', { name: 'Create workspace and invite its manager' }).click();
  await expect(page.getByRole('heading', { name: la.name, level: 1 })).toBeVisible();
  await signOut(page);
  await acceptInvitation(page, { email: laManager, after: created, workspace: la }, 'Sam Okafor');
  const file = path.join(dir, 'northshire.csv');
  await writeFile(file, giasCsv(schoolsOfLa, { header: 'full' }));
  await page.goto(`/${la.slug}/schools/import`);
  await page.getByLabel('GIAS establishment fields file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check file' }).click();
  await page.getByRole('button', { name: 'Import 2 schools' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 2 schools');

  // Its first job is on the dashboard: the schools with no LA category yet, which the register lists.
  await page.goto(`/${la.slug}`);
  await page.getByRole('link', { name: '2 schools on the register with no LA category yet' }).click();
  await expect(page.getByRole('heading', { name: 'School register', level: 1 })).toBeVisible();
  await expect(page.getByLabel('LA category')).toHaveValue('none');
  await expect(page.getByRole('link', { name: `Northtown Primary ${firstUrn}` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Westbrook Academy ${firstUrn}` })).toBeVisible();
  await expectAccessible(page);

  // Its catalogue promises only what it runs: no ECT induction or governor training modules.
  await page.goto(`/courses/${la.slug}`);
  await expect(page.getByRole('main')).toContainText(
    'CPD courses, subject networks and headteacher seminars.',
  );
  await expect(page.getByRole('main')).not.toContainText('ECT induction');
  await expect(page.getByRole('main')).not.toContainText('governor training');

  // Its own maintained schools start outside the scope of VAT, and the form says why.
  await page.goto(`/${la.slug}/invoices/settings`);
  const maintained = page.getByLabel('Maintained schools in your area');
  await expect(maintained).toHaveValue('outside_scope');
  await expect(
    page.getByText('An LA’s supplies to its own maintained schools are normally outside'),
  ).toBeVisible();
  await expectAccessible(page);

  // Nobody is named as DCS yet: the form starts at the Director, and People and roles is a link.
  await page.goto(`/${la.slug}/concern/dcs`);
  await expect(page.getByRole('radio', { name: 'Director of Children’s Services' })).toBeChecked();
  await expect(page.getByRole('main').getByRole('link', { name: 'People and roles' })).toHaveAttribute(
    'href',
    `/${la.slug}/members`,
  );
  await expectAccessible(page);

  // Its schools join not categorised: generating the plan says why nothing was planned, and where to fix it.
  await page.goto(`/${la.slug}/visits`);
  await page.getByRole('button', { name: /^Generate the \d{4}\/\d{2} plan$/ }).click();
  const generated = page.getByRole('status').filter({ hasText: 'visits added' });
  await expect(generated).toContainText(
    '2 schools have no LA category yet, so no visits are planned for them: set each one’s category on the School register',
  );
  await expectAccessible(page);
  await generated.getByRole('link', { name: 'School register' }).click();
  await page.getByRole('link', { name: `Northtown Primary ${firstUrn}` }).click();
  await expect(page.getByRole('heading', { name: `Northtown Primary ${firstUrn}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'LA category history' })).toContainText(
    'Not categorised yet: choose its category under “Change LA category” below.',
  );
  await expect(page.getByTestId('no-advisers')).toBeVisible();
  // A manager working alone may hold the adviser role as well.
  await expect(
    page
      .getByTestId('no-advisers')
      .getByRole('link', { name: 'give yourself the adviser role on People and roles' }),
  ).toHaveAttribute('href', `/${la.slug}/members#your-roles`);
  await expectAccessible(page);

  // With no adviser yet, an additional visit has no one to go to: the page says whom to invite, not a dead form.
  await page.goto(`/${la.slug}/visits/additional`);
  await expect(page.getByTestId('no-advisers')).toContainText(
    'no one in this workspace has the adviser role yet',
  );
  await expect(
    page.getByTestId('no-advisers').getByRole('link', { name: 'People and roles', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByTestId('no-advisers').getByRole('link', { name: /give yourself the adviser role/ }),
  ).toBeVisible();
  await expectAccessible(page);

  // The manager takes on the adviser role themselves on People and roles: no invitation to their own address.
  await page
    .getByTestId('no-advisers')
    .getByRole('link', { name: /give yourself the adviser role/ })
    .click();
  await expect(page.getByRole('heading', { name: 'People and roles', level: 1 })).toBeVisible();
  const ownRoles = page.getByRole('group', { name: 'Your roles' });
  await expect(ownRoles.getByRole('checkbox', { name: /^Manager/ })).toBeChecked();
  // The only manager keeps managing, and is told why.
  await ownRoles.getByRole('checkbox', { name: /^Manager/ }).uncheck();
  await ownRoles.getByRole('checkbox', { name: 'Adviser', exact: true }).check();
  await page.getByRole('button', { name: 'Save your roles' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'only manager' }).first()).toBeVisible();
  await expectAccessible(page);
  await ownRoles.getByRole('checkbox', { name: /^Manager/ }).check();
  await page.getByRole('button', { name: 'Save your roles' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: added Adviser.' })).toBeVisible();
  await expectAccessible(page);
  // Now there is an adviser to give a visit to: the manager.
  await page.goto(`/${la.slug}/visits/additional`);
  await expect(page.getByTestId('no-advisers')).toHaveCount(0);
  await expect(page.getByLabel('Adviser', { exact: true })).toContainText('Sam Okafor');

  // No Ofsted result or category makes a candidate, yet a safeguarding concern still opens a case.
  await page.goto(`/${la.slug}/concern`);
  await expect(page.getByRole('region', { name: /Possible candidates/ })).toContainText('None.');
  const other = page.getByRole('form', { name: 'Open a case for another school' });
  await other.getByLabel('School').selectOption({ label: `Northtown Primary ${firstUrn} (${firstUrn})` });
  await expectAccessible(page);
  await other.getByRole('button', { name: 'Continue' }).click();
  await expect(
    page.getByRole('heading', { name: `Open a case for Northtown Primary ${firstUrn}`, level: 1 }),
  ).toBeVisible();
  await expect(page.getByText('Neither Ofsted’s latest result nor the LA category makes it')).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel('Summary of the concerns')
    .fill('Referral from the LADO about safer recruitment checks.');
  await page
    .getByLabel('Trigger the LA judges met')
    .selectOption({ label: 'Pupils’ safety threatened or safeguarding unsatisfactory' });
  await page.getByLabel('Evidence').fill('Single central record incomplete at the visit on 2 December.');
  await page.getByRole('button', { name: 'Open candidate case' }).click();
  // Exact: the form's own heading ("Open a case for …") also contains the school's name.
  await expect(
    page.getByRole('heading', { name: `Northtown Primary ${firstUrn}`, level: 1, exact: true }),
  ).toBeVisible();
  await page.goto(`/${la.slug}/concern`);
  await expect(page.getByRole('region', { name: /On the schools causing concern register/ })).toContainText(
    `Northtown Primary ${firstUrn}`,
  );
});

test('a new Appropriate Body with no LA codes imports its schools by URN, is told where to start, and counts induction served elsewhere', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const abSlug = `nlth-${run}`;
  const ab = { slug: abSlug, name: `Northern Lights Teaching Hub ${run}` };
  const abManager = `director-${run}@nlth.example`;
  const base = 710_000 + (Date.now() % 10_000) * 3;
  await signInWithMagicLink(page, 'platform@stride.example');
  await page.goto('/platform');
  const created = new Date(Date.now() - 1000);
  await page.getByLabel('Full name').fill(ab.name);
  await page.getByLabel('Short name').fill('NLTH');
  await page.getByLabel('Web address name').fill(abSlug);
  await page.getByRole('radio', { name: 'Appropriate body' }).check();
  // Monitoring schools and commissioning are a local authority's: an appropriate body is not offered them.
  await expect(page.getByRole('checkbox', { name: 'Statutory monitoring' })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Commissioning' })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'ECT induction' }).check();
  await page.getByLabel(/Manager.s email address/).fill(abManager);
  await page.getByRole('button', { name: 'Create workspace and invite its manager' }).click();
  await expect(page.getByRole('heading', { name: ab.name, level: 1 })).toBeVisible();
  await signOut(page);
  await acceptInvitation(page, { email: abManager, after: created, workspace: ab }, 'Dana Director');

  // The schools it serves are in several local authorities: an academy, an independent school, a primary.
  const primary = `Aurora Primary School ${base}`;
  const file = path.join(dir, 'ab-edubasealldata.csv');
  await writeFile(
    file,
    giasCsv(
      [
        giasRow({ urn: base, name: primary, laCode: '391', laName: 'Newcastle upon Tyne' }),
        giasRow({
          urn: base + 1,
          name: `Borealis Academy ${base}`,
          laCode: '929',
          laName: 'Northumberland',
          type: 'Academy converter',
          typeGroup: 'Academies',
          trust: 'Northern Star Trust',
        }),
        giasRow({
          urn: base + 2,
          name: `Kielder Independent School ${base}`,
          laCode: '840',
          laName: 'County Durham',
          type: 'Other independent school',
          typeGroup: 'Independent schools',
        }),
      ],
      { header: 'full' },
    ),
  );
  await page.goto(`/${abSlug}/schools/import`);
  await page.getByLabel('GIAS establishment fields file').setInputFiles(file);
  await page.getByLabel(/URNs to import/).fill(`${base}\n${base + 1}, ${base + 2}`);
  await page.getByRole('button', { name: 'Check file' }).click();
  await page.getByRole('button', { name: 'Import 3 schools' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 3 schools');

  // Its term dates follow the local authorities its schools are in, not one of its own.
  await page.goto(`/${abSlug}/term-dates`);
  await expect(
    page.getByText('from the calendar of the local authorities your schools are in'),
  ).toBeVisible();
  await expectAccessible(page);
  // An induction begun in an earlier year counts its terms: that year's dates can be set too.
  const lastYear = academicYearLabel(academicYearOf(todayInLondon()) - 1);
  await page.getByRole('navigation', { name: 'Earlier years' }).getByRole('link', { name: lastYear }).click();
  await expect(page.getByRole('heading', { name: lastYear, level: 2 })).toBeVisible();
  await expectAccessible(page);

  // No ECT yet: the induction page says how they come, not that none "match".
  await page.goto(`/${abSlug}/induction`);
  const list = page.getByRole('region', { name: 'Early career teachers' });
  await expect(list).toContainText('No ECTs are registered yet.');
  await expect(list).not.toContainText('match');
  await expect(list.getByRole('link', { name: 'People and roles' })).toHaveAttribute(
    'href',
    `/${abSlug}/members`,
  );
  await expectAccessible(page);

  // An ECT with two terms served with another AB: the record says they do not count until reduced.
  await page.getByRole('link', { name: 'Register an ECT' }).click();
  await page.getByLabel('School', { exact: true }).selectOption({ label: primary });
  await page.getByLabel('Teacher reference number (TRN)').fill(String(1_000_000 + (base % 8_999_999)));
  await page.getByLabel('ECT’s full name').fill('Amira Patel');
  await page.getByLabel('ECT’s email address').fill(`amira-${run}@aurora.sch.example`);
  await page.getByLabel('Induction start date').fill('2026-09-02');
  await page.getByLabel('FTE').fill('1');
  await page.getByLabel('Induction tutor’s name').fill('Tom Tutor');
  await page.getByLabel('Induction tutor’s email').fill(`tutor-${run}@aurora.sch.example`);
  await page.getByLabel('Mentor’s name').fill('Mary Mentor');
  await page.getByLabel('Mentor’s email').fill(`mentor-${run}@aurora.sch.example`);
  await page
    .getByLabel('Previous induction periods (optional)')
    .fill('Two terms with Leeds Teaching School Hub, September 2025 to Easter 2026, full time.');
  await page.getByRole('button', { name: 'Register ECT' }).click();
  await expect(page.getByRole('heading', { name: 'Amira Patel', level: 1 })).toBeVisible();
  await expect(page.getByTestId('previous-induction-not-counted')).toContainText(
    'Not counted in the terms to serve',
  );
  await expectAccessible(page);
  await page.getByLabel('Reduction (terms)').fill('2');
  await page.getByLabel('Reason', { exact: true }).fill('Two terms served with Leeds Teaching School Hub.');
  await page.getByRole('button', { name: 'Save reduction' }).click();
  await expect(page.getByText(/Saved: 4\.0 terms to serve/)).toBeVisible();
  await expect(page.getByTestId('previous-induction-not-counted')).toHaveCount(0);

  // The school's page leads to its early career teachers.
  await page.goto(`/${abSlug}/schools`);
  await page.getByRole('link', { name: primary, exact: true }).click();
  await page.getByRole('link', { name: 'Early career teachers at this school' }).click();
  await expect(
    page.getByRole('region', { name: 'Early career teachers' }).getByRole('link', { name: 'Amira Patel' }),
  ).toBeVisible();
  await expectAccessible(page);
});
