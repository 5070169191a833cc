import { readFile } from 'node:fs/promises';
import { expect, test, type Browser } from '@playwright/test';
import postgres from 'postgres';
import { expectAccessible, latestEmail, latestEmailedLink, signInWithMagicLink } from './support';

const sql = postgres(process.env.E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/stride_e2e', {
  max: 1,
});

/** St Catherine's clerk adds a co-opted governor (a name and address of this run's own) on the board's register. */
async function clerkAddsGovernor(browser: Browser, fullName: string, mailbox: string) {
  const clerk = await (await browser.newContext()).newPage();
  await signInWithMagicLink(clerk, 'clerk@stcatherines.sch.example');
  await clerk.goto('/barnet/governance');
  await clerk.getByRole('link', { name: 'The board’s register' }).click();
  const add = clerk.getByRole('region', { name: 'Add a governor' });
  const stamp = Date.now().toString(36);
  const name = `${fullName} ${stamp}`;
  const email = `${mailbox}.${stamp}@governors.example`;
  await add.getByLabel('Name').fill(name);
  await add.getByLabel('Category').selectOption('co_opted');
  await add.getByLabel('Email').fill(email);
  await add.getByLabel('Appointed on').fill('2025-09-01');
  await add.getByRole('button', { name: 'Add to the board' }).click();
  await expect(add.getByRole('status')).toContainText(`Added ${name} to the board.`);
  return { clerk, name, email, row: clerk.getByTestId('governor-row').filter({ hasText: name }) };
}

test('a clerk adds a governor and the vacancy closes; the LA sees chairs and multi-board governors; a governor books statutory training at £0', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // The clerk of St Catherine's keeps the board's register.
  const clerk = await (await browser.newContext()).newPage();
  await signInWithMagicLink(clerk, 'clerk@stcatherines.sch.example');
  await clerk.goto('/barnet/governance');
  await clerk.getByRole('link', { name: 'The board’s register' }).click();
  await expect(
    clerk.getByRole('heading', { name: /St Catherine's RC Primary School: governing board/ }),
  ).toBeVisible();
  const vacancies = async () => Number((await clerk.getByTestId('vacancy-total').innerText()).split(' ')[0]);
  const before = await vacancies();
  expect(before).toBeGreaterThan(0);
  await expectAccessible(clerk);
  const add = clerk.getByRole('region', { name: 'Add a governor' });
  const name = `Teresa Byrne ${Date.now().toString(36)}`;
  await add.getByLabel('Name').fill(name);
  await add.getByLabel('Category').selectOption('foundation');
  await add.getByLabel('Email').fill(`${Date.now().toString(36)}@governors.example`);
  await add.getByLabel('Appointed on').fill('2025-09-01');
  await add.getByRole('button', { name: 'Add to the board' }).click();
  await expect(add.getByRole('status')).toContainText(`Added ${name} to the board.`);
  await expect(clerk.getByTestId('governor-row').filter({ hasText: name })).toBeVisible();
  await expect.poll(vacancies).toBe(before - 1);

  // The LA officer sees the chairs' contact list and a governor on two boards.
  const officer = await (await browser.newContext()).newPage();
  await signInWithMagicLink(officer, 'la.officer@barnet.example');
  await officer.goto('/barnet/governance');
  await expect(officer.getByRole('heading', { name: 'Governance', level: 1 })).toBeVisible();
  const margaret = officer.getByTestId('multi-board-row').filter({ hasText: 'Margaret Olu' });
  await expect(margaret).toContainText('St Catherine');
  await expect(margaret).toContainText('Coppetts Wood');
  await expectAccessible(officer);
  await officer.getByRole('link', { name: 'Chairs and vice-chairs' }).click();
  await expect(officer.getByTestId('chair-row').filter({ hasText: 'Eileen Murphy' })).toContainText('Chair');
  await expectAccessible(officer);

  // A parent governor of a maintained school books the statutory course at no cost.
  const governor = await (await browser.newContext()).newPage();
  await signInWithMagicLink(governor, 'governor@stcatherines.sch.example');
  await governor.goto('/barnet/governance');
  await governor.getByRole('link', { name: 'My training and booking' }).click();
  await expect(governor.getByRole('heading', { name: 'Training record: Tobias Ellery' })).toBeVisible();
  const course = governor
    .getByTestId('governor-course')
    .filter({ hasText: 'Safeguarding and Prevent for governors' });
  await expect(course.getByTestId('course-cost')).toHaveText('Free: statutory governor training');
  await expectAccessible(governor);
  await course.getByRole('button', { name: 'Book Safeguarding and Prevent for governors' }).click();
  // Booked: the course moves to the record, paid by no one (free by statute).
  await expect(course).toContainText('Booked.');
  await expect(
    governor.getByTestId('training-course').filter({ hasText: 'Safeguarding and Prevent' }),
  ).toContainText('Free');
});

test('a governor cancels their own place from Your places, told first what it costs the school', async ({
  browser,
}) => {
  // The parent governor booked the statutory course in the journey above: cancelling it now is free.
  const governor = await (await browser.newContext()).newPage();
  await signInWithMagicLink(governor, 'governor@stcatherines.sch.example');
  await governor.goto('/barnet/courses');
  const places = governor.getByRole('region', { name: 'Your places' });
  const place = places.getByRole('row').filter({ hasText: 'Safeguarding and Prevent for governors' });
  await expect(place).toContainText('Confirmed');
  await expectAccessible(governor);
  let asked = '';
  governor.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.accept();
  });
  await place
    .getByRole('button', { name: 'Cancel your place on Safeguarding and Prevent for governors' })
    .click();
  await expect(place).toHaveCount(0);
  expect(asked).toBe(
    'Cancel your place on Safeguarding and Prevent for governors? There is no charge for cancelling it now.',
  );
  // The place is gone from the governor's training record too: the course may be booked again.
  await governor.goto('/barnet/governance');
  await governor.getByRole('link', { name: 'My training and booking' }).click();
  await expect(
    governor
      .getByTestId('governor-course')
      .filter({ hasText: 'Safeguarding and Prevent for governors' })
      .getByRole('button', { name: 'Book Safeguarding and Prevent for governors' }),
  ).toBeVisible();
});

test('a governor books a paid course from the courses page and the school’s head is emailed the charge', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // The manager publishes a paid course for teachers (not governor training).
  const title = `Reading for pleasure ${Date.now().toString(36)}`;
  const manager = await (await browser.newContext()).newPage();
  await signInWithMagicLink(manager, 'head.si@barnet.example');
  await manager.goto('/barnet/courses/new');
  await manager.getByLabel('Title', { exact: true }).fill(title);
  await manager.getByLabel('Teachers', { exact: true }).check();
  await manager.getByLabel('Format').selectOption('online');
  await manager.getByLabel('Joining link').fill('https://meet.example/bpsi-reading');
  await manager.getByLabel('Date', { exact: true }).fill(`${new Date().getUTCFullYear() + 1}-03-09`);
  await manager.getByLabel('Capacity').fill('12');
  await manager.getByLabel('Member price', { exact: true }).fill('40');
  await manager.getByLabel('Non-member price').fill('40');
  await manager.getByLabel('Out-of-area price').fill('40');
  await manager.getByRole('button', { name: 'Create draft course' }).click();
  await expect(manager.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await manager.getByRole('button', { name: 'Publish to the catalogue' }).click();
  await expect(manager.getByRole('link', { name: 'See its public page' })).toBeVisible();
  const courseUrl = manager.url();

  // The parent governor books himself a place, charged to St Catherine's (which approves no staff bookings).
  const booked = new Date(Date.now() - 1000);
  const governor = await (await browser.newContext()).newPage();
  await signInWithMagicLink(governor, 'governor@stcatherines.sch.example');
  await governor.goto(`${courseUrl}/book`);
  await governor.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(
    governor.getByRole('status').filter({ hasText: 'The school’s headteacher has been told of the charge.' }),
  ).toBeVisible();
  await expectAccessible(governor);
  // The head hears of it by email, before the invoice arrives.
  const told = await latestEmail(
    'head@stcatherines.sch.example',
    new RegExp(`^A governor’s course place charged to St Catherine's .+: ${title}$`),
    booked,
  );
  expect(told.text).toContain(`Tobias Ellery booked a place on ${title}`);
  expect(told.text).toContain('Tobias Ellery: £40.00');
});

test('the clerk invites a governor from the board’s register and the register says when', async ({
  browser,
}) => {
  const { clerk, name, email, row } = await clerkAddsGovernor(browser, 'Niamh Walsh', 'niamh');
  await expect(row).toContainText('No access, not invited');
  const sent = new Date(Date.now() - 1000);
  await row.getByRole('button', { name: `Invite to Stride ${name}` }).click();
  await expect(row.getByRole('status')).toHaveText(`Invitation sent to ${email}.`);
  await expect(row).toContainText(
    /Invited \d{1,2} [A-Za-z]+ \d{4}; the link works until \d{1,2} [A-Za-z]+ \d{4}/,
  );
  await expect(row.getByRole('button', { name: `Invite again ${name}` })).toBeVisible();
  await expectAccessible(clerk);
  // The invitation really went out, with its link.
  expect(
    await latestEmailedLink(email, /https?:\/\/\S+\/invite\/[a-z0-9-]+\/[A-Za-z0-9_-]+/, sent),
  ).toContain('/invite/barnet/');
});

test('the clerk withdraws an invitation from the register and its link stops working', async ({
  browser,
}) => {
  const { clerk, name, email, row } = await clerkAddsGovernor(browser, 'Rory Quinn', 'rory');
  const sent = new Date(Date.now() - 1000);
  await row.getByRole('button', { name: `Invite to Stride ${name}` }).click();
  await expect(row).toContainText(/Invited \d{1,2} [A-Za-z]+ \d{4}; the link works until/);
  const invitation = await latestEmailedLink(
    email,
    /https?:\/\/\S+\/invite\/[a-z0-9-]+\/[A-Za-z0-9_-]+/,
    sent,
  );

  await row.getByRole('button', { name: `Withdraw invitation to ${name}` }).click();
  await expect(row.getByRole('status')).toHaveText(
    `Invitation to ${email} withdrawn: its link no longer works.`,
  );
  await expect(row).toContainText('No access, not invited');
  await expect(row.getByRole('button', { name: `Invite to Stride ${name}` })).toBeVisible();
  await expect(row.getByRole('button', { name: /Withdraw invitation/ })).toHaveCount(0);
  await expectAccessible(clerk);

  // The invited person opens the emailed link: it no longer works.
  const invitee = await (await browser.newContext()).newPage();
  await signInWithMagicLink(invitee, email);
  await invitee.goto(new URL(invitation).pathname);
  await expect(invitee.getByText('This invitation was withdrawn or replaced by a newer one.')).toBeVisible();
  await expect(invitee.getByRole('button', { name: /Accept/ })).toHaveCount(0);
});

test('the manager opens the governance reports from the menu, filters them, finds a school by typing and downloads what is shown as CSV', async ({
  browser,
}) => {
  const manager = await (await browser.newContext()).newPage();
  await signInWithMagicLink(manager, 'bpsi.manager@barnet.example');
  await manager.goto('/barnet');
  await manager
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: 'Governance reports' })
    .click();
  await expect(manager.getByRole('heading', { name: 'Governance reports', level: 1 })).toBeVisible();
  await expect(manager.getByRole('heading', { name: 'Vacancies by school', level: 2 })).toBeVisible();
  const vacancyRows = manager.getByTestId('report-vacancy-row');
  await expect(vacancyRows.filter({ hasText: "St Catherine's RC Primary School" })).toBeVisible();
  expect(await vacancyRows.count()).toBeGreaterThan(1);
  await expectAccessible(manager);

  // One school's board: the address carries the filter, the count and the CSV link say so.
  const filters = manager.getByRole('form', { name: 'Filter the reports' });
  await filters
    .getByLabel('School', { exact: true })
    .selectOption({ label: "St Catherine's RC Primary School" });
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(manager).toHaveURL(/[?&]school=[0-9a-f-]{36}/);
  const school = new URL(manager.url()).searchParams.get('school') ?? '';
  await expect(vacancyRows).toHaveCount(1);
  await expect(vacancyRows).toContainText("St Catherine's RC Primary School");
  await expect(manager.getByTestId('report-count').first()).toHaveText('1 board shown (filtered).');
  await expect(filters.getByLabel('School', { exact: true })).toHaveValue(school);
  const link = manager.getByRole('link', { name: 'Download vacancies (CSV)' });
  expect(await link.getAttribute('href')).toContain(`school=${school}`);
  await expectAccessible(manager);
  const downloading = manager.waitForEvent('download');
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^governor-vacancies-\d{4}-\d{2}-\d{2}\.csv$/);
  // The file starts with a byte-order mark for Excel.
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header).toBe('School,Governors,Vacancies,Vacant places');
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatch(/^St Catherine's RC Primary School,/);

  // Clear filters shows every board again.
  await manager.getByRole('link', { name: 'Clear filters' }).click();
  await expect(manager).toHaveURL(/\/barnet\/governance\/reports$/);
  await expect.poll(() => vacancyRows.count()).toBeGreaterThan(1);

  // A board found by typing part of the school's name, in any case: the address and the CSV carry the search.
  const search = filters.getByLabel('Search by school name or URN');
  await search.fill('catherine');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(manager).toHaveURL(/[?&]q=catherine(&|$)/);
  await expect(vacancyRows).toHaveCount(1);
  await expect(vacancyRows).toContainText("St Catherine's RC Primary School");
  await expect(manager.getByTestId('report-count').first()).toHaveText('1 board shown (filtered).');
  await expect(search).toHaveValue('catherine');
  await expectAccessible(manager);
  const searched = manager.waitForEvent('download');
  await manager.getByRole('link', { name: 'Download vacancies (CSV)' }).click();
  const searchedCsv = (await readFile(await (await searched).path(), 'utf8')).replace(/^\uFEFF/, '');
  const searchedRows = searchedCsv.trim().split(/\r?\n/).slice(1);
  expect(searchedRows).toHaveLength(1);
  expect(searchedRows[0]).toMatch(/^St Catherine's RC Primary School,/);

  // …or by its URN; Clear filters empties the search too.
  await search.fill('101335');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(manager).toHaveURL(/[?&]q=101335(&|$)/);
  await expect(vacancyRows).toHaveCount(1);
  await expect(vacancyRows).toContainText("St Catherine's RC Primary School");
  await manager.getByRole('link', { name: 'Clear filters' }).click();
  await expect(manager).toHaveURL(/\/barnet\/governance\/reports$/);
  await expect(search).toHaveValue('');
  await expect.poll(() => vacancyRows.count()).toBeGreaterThan(1);
});

test('an academy’s board has the trust’s categories and no LA governor', async ({ browser }) => {
  const [academy] = await sql<{ id: string }[]>`
    select s.id from schools s join tenants t on t.id = s.tenant_id
    where t.slug = 'barnet' and s.name = 'Mill Hill Vale Academy'`;
  expect(academy).toBeDefined();
  const manager = await (await browser.newContext()).newPage();
  await signInWithMagicLink(manager, 'bpsi.manager@barnet.example');
  await manager.goto(`/barnet/governance/${academy?.id}`);
  await expect(
    manager.getByRole('heading', { name: 'Mill Hill Vale Academy: governing board', level: 1 }),
  ).toBeVisible();
  await expect(
    manager.getByText(/An academy: its board \(local governing body or trust board\)/),
  ).toBeVisible();
  const places = manager.getByRole('region', { name: 'Places and vacancies' });
  const categories = await places.getByRole('rowheader').allInnerTexts();
  expect(categories).toContain('Local governor');
  expect(categories).not.toContain('LA governor');
  const options = await manager
    .getByRole('region', { name: 'Add a governor' })
    .getByLabel('Category')
    .locator('option')
    .allInnerTexts();
  expect(options).toEqual(expect.arrayContaining(['Trustee', 'Local governor', 'Parent governor']));
  expect(options).not.toContain('LA governor');
  await expectAccessible(manager);
});

test('the clerk records a board meeting and who came, and the published attendance is counted from it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const clerk = await (await browser.newContext()).newPage();
  await signInWithMagicLink(clerk, 'clerk@stcatherines.sch.example');
  await clerk.goto('/barnet/governance');
  await clerk.getByRole('link', { name: 'The board’s register' }).click();
  await clerk.getByRole('link', { name: 'Published information' }).click();
  // No meetings recorded yet: the attendance typed on each entry is published, and the page says so. (A retry
  // of this journey finds the meeting its first attempt added.)
  const first = test.info().retry === 0;
  const today = new Date().toISOString().slice(0, 10);
  const tobias = clerk.getByRole('row').filter({ hasText: 'Tobias Ellery' });
  if (first) {
    await expect(clerk.getByTestId('attendance-source')).toContainText(
      `No meetings are recorded since 1 September ${academicYears(today).last.slice(0, 4)}`,
    );
    await expect(tobias).toContainText('4 of 6');
  }
  const notes = `Spring budget and the school development plan ${Date.now().toString(36)}`;

  await clerk.getByRole('link', { name: 'Meetings and attendance' }).click();
  await expect(
    clerk.getByRole('heading', {
      name: "St Catherine's RC Primary School: meetings and attendance",
      level: 1,
    }),
  ).toBeVisible();
  await expectAccessible(clerk);
  const add = clerk.getByRole('region', { name: 'Add a meeting' });
  const heldOn = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  await add.getByLabel('Date of the meeting').fill(heldOn);
  await add.getByLabel('Full board').check();
  await add.getByLabel('Notes').fill(notes);
  await add.getByRole('button', { name: 'Add the meeting' }).click();
  await expect(add.getByRole('status')).toContainText('Added the full board meeting');
  const row = clerk.getByTestId('meeting-row').filter({ hasText: notes });
  await expect(row).toContainText('Full board meeting');
  await row.getByRole('link').click();

  await expect(clerk.getByRole('heading', { level: 1 })).toHaveText(
    /^Full board meeting, \d{1,2} \w+ \d{4}$/,
  );
  // Held a week ago and nobody marked yet: the clerk is told attendance is still to record.
  await expect(clerk.getByTestId('attendance-to-record')).toHaveText(
    /^Attendance not recorded for \d+ members: mark each one below\.$/,
  );
  const form = clerk.getByRole('form', { name: 'Attendance' });
  await form
    .getByRole('group', { name: /^Tobias Ellery/ })
    .getByLabel('Present', { exact: true })
    .check();
  await form
    .getByRole('group', { name: /^Margaret Olu/ })
    .getByLabel('Apologies accepted', { exact: true })
    .check();
  await form.getByRole('button', { name: 'Save attendance' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved: 1 present, 1 with apologies, 0 absent.');
  await expectAccessible(clerk);

  await clerk.getByRole('link', { name: "St Catherine's RC Primary School: meetings" }).click();
  await expect(row).toContainText('1 present, 1 apology, 0 absent');
  // The rest of the board was not marked: the meeting is flagged, not counted as all present.
  await expect(row.getByTestId('attendance-to-record')).toHaveText(
    /^Attendance not recorded for \d+ members?$/,
  );
  await expect(clerk.getByTestId('meetings-to-record')).toContainText(
    /Attendance still to record at \d+ meetings?/,
  );
  await clerk.getByRole('link', { name: 'Published information' }).click();
  await expect(clerk.getByTestId('attendance-source')).toContainText(
    first
      ? `and ${academicYears(heldOn).current} so far (since 1 September ${academicYears(heldOn).current.slice(0, 4)}, 1 meeting)`
      : new RegExp(
          `and ${academicYears(heldOn).current} so far \\(since 1 September \\d{4}, \\d+ meetings?\\)`,
        ),
  );
  await expect(tobias).toContainText(first ? '1 of 1 meeting' : /\d+ of \d+ meetings?/);
  await expect(clerk.getByRole('row').filter({ hasText: 'Margaret Olu' })).toContainText(
    first ? '0 of 1 meeting (1 apology)' : /0 of \d+ meetings? \(\d+ apolog/,
  );
  // Those expected and never marked are published as not recorded, not dropped.
  await expect(clerk.getByRole('cell', { name: /^Not recorded at \d+ meetings?$/ }).first()).toBeVisible();
  await expectAccessible(clerk);
});

test('the clerk keeps a committee; its meeting lists only its members; the governor’s personal data shows it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // A committee of this run's own name: a retry adds another and leaves the first attempt's alone.
  const stamp = Date.now().toString(36);
  const name = `Admissions ${stamp}`;
  const clerk = await (await browser.newContext()).newPage();
  await signInWithMagicLink(clerk, 'clerk@stcatherines.sch.example');
  // Straight from the board's card on the governance page.
  await clerk.goto('/barnet/governance');
  await clerk.getByRole('link', { name: 'Committees', exact: true }).click();
  await expect(
    clerk.getByRole('heading', { name: "St Catherine's RC Primary School: committees", level: 1 }),
  ).toBeVisible();
  const add = clerk.getByRole('region', { name: 'Add a committee' });
  await add.getByRole('button', { name: 'Add the committee' }).click();
  await expect(clerk.getByRole('alert', { name: 'There is a problem' })).toContainText(
    'Enter the committee’s name',
  );
  await add.getByLabel('Name of the committee').fill(name);
  await add.getByLabel(/^Tobias Ellery/).check();
  await add.getByLabel(/^Margaret Olu/).check();
  // They joined ten days ago: the clerk gives the day (a day to come is refused).
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  await add.getByLabel('Date they joined the committee').fill(day(-2));
  await add.getByRole('button', { name: 'Add the committee' }).click();
  await expect(add.getByText('The date they joined cannot be in the future.').first()).toBeVisible();
  await add.getByLabel('Date they joined the committee').fill(day(10));
  await add.getByRole('button', { name: 'Add the committee' }).click();
  await expect(add.getByRole('status')).toHaveText(`Added the ${name} committee.`);
  const committee = clerk.getByRole('region', { name, exact: true });
  await expect(committee).toContainText('Members: Margaret Olu, Tobias Ellery.');
  await expect(committee.getByTestId('member-since')).toContainText(
    `Tobias Ellery: member since ${longDay(day(10))}`,
  );
  await expectAccessible(clerk);

  // The register shows each governor's committees.
  await clerk.getByRole('link', { name: 'The board’s register' }).click();
  await expect(clerk.getByTestId('governor-row').filter({ hasText: 'Tobias Ellery' })).toContainText(name);

  // A meeting of the committee lists only its two members for attendance.
  await clerk.getByRole('link', { name: 'Meetings and attendance' }).click();
  const meeting = clerk.getByRole('region', { name: 'Add a meeting' });
  await meeting
    .getByLabel('Date of the meeting')
    .fill(new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10));
  await meeting.getByLabel('A committee').check();
  await meeting.getByLabel('Committee', { exact: true }).selectOption({ label: `${name} committee` });
  await meeting.getByLabel('Notes').fill(`Admissions appeals ${stamp}`);
  await meeting.getByRole('button', { name: 'Add the meeting' }).click();
  await expect(meeting.getByRole('status')).toContainText(`Added the ${name.toLowerCase()} committee`);
  await clerk
    .getByTestId('meeting-row')
    .filter({ hasText: `Admissions appeals ${stamp}` })
    .getByRole('link')
    .click();
  await expect(clerk.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`^${name} committee, `));
  const form = clerk.getByRole('form', { name: 'Attendance' });
  await expect(form.getByRole('group')).toHaveCount(2);
  await form
    .getByRole('group', { name: /^Tobias Ellery/ })
    .getByLabel('Present', { exact: true })
    .check();
  await form
    .getByRole('group', { name: /^Margaret Olu/ })
    .getByLabel('Absent', { exact: true })
    .check();
  await form.getByRole('button', { name: 'Save attendance' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved: 1 present, 0 with apologies, 1 absent.');
  await expectAccessible(clerk);

  // The published information counts the last complete academic year and this one so far, each named.
  const published = await clerk.context().newPage();
  await published.goto(clerk.url().replace(/\/meetings\/[^/]+$/, '/published'));
  const { last, current } = academicYears(day(3));
  await expect(published.getByTestId('attendance-source')).toContainText(
    `over the ${last} academic year (1 September ${last.slice(0, 4)} to 31 August ${Number(last.slice(0, 4)) + 1}`,
  );
  await expect(
    published.getByRole('columnheader', { name: `Attendance, ${last} academic year` }),
  ).toBeVisible();
  await expect(published.getByRole('columnheader', { name: `Attendance, ${current} so far` })).toBeVisible();
  await expectAccessible(published);
  await published.close();

  // The governance officer finds Tobias's committee and the meeting in his personal data.
  const officer = await (await browser.newContext()).newPage();
  await signInWithMagicLink(officer, 'la.officer@barnet.example');
  await officer.goto('/barnet/personal-data');
  await officer.getByLabel('Name, email or TRN').fill('Tobias Ellery');
  await officer.getByRole('button', { name: 'Search' }).click();
  await officer.getByRole('link', { name: 'Tobias Ellery' }).first().click();
  await expect(officer.getByRole('heading', { name: 'Tobias Ellery', level: 1 })).toBeVisible();
  await expect(officer.getByRole('definition').filter({ hasText: name })).toBeVisible();
  await expectAccessible(officer);
  const json = await officer.request.get(
    (await officer.getByRole('link', { name: 'Download as JSON' }).getAttribute('href')) ?? '',
  );
  const data = (await json.json()) as {
    governance: { meetings: { meeting: string; attendance: string }[]; committees: { name: string }[] }[];
  };
  expect(data.governance.flatMap((g) => g.committees.map((c) => c.name))).toContain(name);
  expect(data.governance.flatMap((g) => g.meetings)).toContainEqual(
    expect.objectContaining({ meeting: `${name} committee`, attendance: 'Present' }),
  );

  // Renamed, the committee's meeting takes the new name; Margaret, taken off it, is listed as a former member
  // with her dates; deleted, the meeting and its attendance stay.
  await clerk.getByRole('link', { name: "St Catherine's RC Primary School: meetings" }).click();
  await clerk.getByRole('link', { name: 'Keep the board’s committees' }).click();
  await committee.getByText('Rename or change the members').click();
  await committee.getByLabel('Name of the committee').fill(`${name} and appeals`);
  await committee.getByLabel(/^Margaret Olu/).uncheck();
  await committee.getByRole('button', { name: 'Save the committee' }).click();
  const renamed = clerk.getByRole('region', { name: `${name} and appeals`, exact: true });
  await expect(renamed).toContainText('Members: Tobias Ellery.');
  await expect(renamed.getByTestId('former-members')).toContainText(
    /Margaret Olu: member from \d{1,2} \w+ \d{4} to \d{1,2} \w+ \d{4}/,
  );
  await expectAccessible(clerk);

  // Margaret's record (the clerk reads it from the board's training) shows the committee as a past one;
  // Tobias reads his own and finds the committee he sits on.
  const records = await clerk.context().newPage();
  await records.goto(clerk.url().replace(/\/committees$/, '/training'));
  await records.getByRole('link', { name: 'Margaret Olu', exact: true }).click();
  await expect(
    records.getByTestId('governor-committee').filter({ hasText: `${name} and appeals committee` }),
  ).toContainText('(past member)');
  await expectAccessible(records);
  const tobias = await (await browser.newContext()).newPage();
  await signInWithMagicLink(tobias, 'governor@stcatherines.sch.example');
  await tobias.goto('/barnet/governance');
  await tobias.getByRole('link', { name: 'My training and booking' }).first().click();
  await expect(
    tobias.getByRole('heading', { name: 'Training record: Tobias Ellery', level: 1 }),
  ).toBeVisible();
  await expect(
    tobias.getByTestId('governor-committee').filter({ hasText: `${name} and appeals committee` }),
  ).toContainText('Current member');
  await expectAccessible(tobias);
  // The section stays open after saving (the page refreshes in place); opened again if not.
  const remove = renamed.getByRole('button', { name: `Delete the ${name} and appeals committee` });
  if (!(await remove.isVisible())) await renamed.getByText('Rename or change the members').click();
  clerk.once('dialog', (dialog) => void dialog.accept());
  await remove.click();
  await expect(renamed).toHaveCount(0);
  await clerk.getByRole('link', { name: "St Catherine's RC Primary School: meetings" }).click();
  await expect(
    clerk.getByTestId('meeting-row').filter({ hasText: `Admissions appeals ${stamp}` }),
  ).toContainText(`${name} and appeals committee`);
});

/** "6 December 2026", as the pages write a day. */
function longDay(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The academic years around a day, as the published page names them: "2025/26" (complete) and "2026/27". */
function academicYears(iso: string): { last: string; current: string } {
  const [year = 0, month = 0] = iso.split('-').map(Number);
  const start = month >= 9 ? year : year - 1;
  const name = (y: number) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
  return { last: name(start - 1), current: name(start) };
}
