import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { shortDate } from '../../server/format/dates';
import { expectAccessible, latestEmail, latestEmailedLink, signInWithMagicLink } from './support';

const nextYear = new Date().getUTCFullYear() + 1;
const sql = postgres(process.env.E2E_DATABASE_URL ?? '', { max: 1 });
test.afterAll(() => sql.end());

test('catalogue browse; a head books two, cancels one; the waiting delegate claims; certificate; evaluation seen by the manager', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `Evaluation journey ${stamp}`;
  const email = (n: string) => `${n}.${stamp}@grange.sch.example`;

  // The manager makes a two-place course and publishes it.
  const manager = await (await browser.newContext()).newPage();
  await signInWithMagicLink(manager, 'manager@hsip.example');
  await manager.goto('/hsip/courses/new');
  await manager.getByLabel('Title', { exact: true }).fill(title);
  await manager.getByLabel('Teachers', { exact: true }).check();
  await manager.getByLabel('Format').selectOption('in_person');
  await manager.getByLabel('Venue').fill('Harrow Teachers’ Centre');
  await manager.getByLabel('Facilitators').fill('Sam Facilitator');
  await manager.getByLabel('Date', { exact: true }).fill(`${nextYear}-03-03`);
  await manager.getByLabel('Capacity').fill('2');
  await manager.getByLabel('Partnership agreement price', { exact: true }).fill('40');
  await manager.getByLabel('Outside partnership price').fill('40');
  await manager.getByLabel('Out-of-area price').fill('40');
  await manager.getByRole('button', { name: 'Create draft course' }).click();
  await expect(manager.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const courseUrl = manager.url();
  const courseId = courseUrl.split('/').pop() ?? '';
  // The catalogue page for this search is rendered and cached while the course is still a draft…
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/courses/hsip?q=${stamp}`);
  await expect(visitor.getByRole('heading', { name: 'No courses match' })).toBeVisible();
  await manager.getByRole('button', { name: 'Publish to the catalogue' }).click();
  await expect(manager.getByRole('link', { name: 'See its public page' })).toBeVisible();

  // …and publishing expires it: anyone, signed out, finds the course with a filter at once.
  await visitor.goto('/courses/hsip');
  await visitor.getByLabel('Search').fill(stamp);
  await visitor.getByRole('button', { name: 'Show courses' }).click();
  await expect(visitor.getByRole('link', { name: title })).toBeVisible();
  await expectAccessible(visitor);
  await visitor.getByRole('link', { name: title }).click();
  await expect(visitor.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expectAccessible(visitor);
  // Search engines are pointed at the public catalogues only, find the new course in the sitemap, and read its
  // dates and place from the page.
  const described = JSON.parse(
    (await visitor.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
  ) as { hasCourseInstance?: unknown };
  expect(described.hasCourseInstance).toMatchObject({
    courseMode: 'onsite',
    location: 'Harrow Teachers’ Centre',
    startDate: `${nextYear}-03-03`,
  });
  const robots = await (await visitor.request.get('/robots.txt')).text();
  expect(robots).toContain('Allow: /courses/');
  expect(robots).toContain('Disallow: /\n');
  expect(robots).toMatch(/Sitemap: https?:\/\/[^\s]+\/sitemap\.xml/);
  const sitemap = await (await visitor.request.get('/sitemap.xml')).text();
  expect(sitemap).toContain(`/courses/hsip/${courseId}</loc>`);

  // Only a member signed in is led from the catalogue back into the workspace (the cached list asks for it in
  // the browser); a visitor signed out, or someone of another workspace, is offered nothing new.
  await expect(visitor.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'Go to your workspace' })).toHaveCount(0);
  await manager.goto('/courses/hsip');
  await expect(manager.getByRole('banner').getByRole('link', { name: 'Go to your workspace' })).toBeVisible();
  await expectAccessible(manager);
  await manager.getByRole('banner').getByRole('link', { name: 'Go to your workspace' }).click();
  await expect(manager).toHaveURL(/\/hsip$/);
  const outsider = await (await browser.newContext()).newPage();
  await signInWithMagicLink(outsider, 'la.officer@barnet.example');
  const askedWorkspaces = outsider.waitForResponse((r) => r.url().includes('/api/trpc/workspaces.mine'));
  await outsider.goto('/courses/hsip');
  await askedWorkspaces;
  await expect(outsider.getByRole('banner')).toContainText('Signed in as');
  await expect(outsider.getByRole('link', { name: 'Go to your workspace' })).toHaveCount(0);

  // The head names two delegates, seeing the charge first; a third, started in another tab while places were
  // left, finds the course full when confirmed and is offered the waiting list, which she joins.
  const headContext = await browser.newContext();
  const head = await headContext.newPage();
  await signInWithMagicLink(head, 'head@grange.sch.example');
  // The organiser's page of the course is not hers: she is shown its public page, where she can book.
  await head.goto(courseUrl);
  await expect(head).toHaveURL(new RegExp(`/courses/hsip/${courseId}$`));
  await expect(head.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  // She belongs to the workspace: the course page's header leads back into it.
  await expect(head.getByRole('banner').getByRole('link', { name: 'Go to your workspace' })).toHaveAttribute(
    'href',
    '/hsip',
  );
  const fillOn = (page: Page) => async (n: number, name: string, address: string) => {
    const group = page.getByRole('group', { name: `Delegate ${n}` });
    await group.getByLabel('Name', { exact: true }).fill(name);
    await group.getByLabel('Email', { exact: true }).fill(address);
  };
  const fill = fillOn(head);
  const later = await headContext.newPage();
  await later.goto(`${courseUrl}/book`);
  await fillOn(later)(1, 'Cat Clarke', email('cat'));
  await expect(later.getByText(/1 place for/)).toBeVisible();
  await head.goto(`${courseUrl}/book`);
  // One click names the head herself as a delegate (she books others instead, typing over it).
  await head.getByRole('button', { name: 'Add myself' }).click();
  await expect(
    head.getByRole('group', { name: 'Delegate 1' }).getByLabel('Email', { exact: true }),
  ).toHaveValue('head@grange.sch.example');
  await expect(head.getByRole('button', { name: 'Add myself' })).toHaveCount(0);
  await fill(1, 'Ada Ahmed', email('ada'));
  await head.getByRole('button', { name: 'Add another delegate' }).click();
  await fill(2, 'Ben Brown', email('ben'));
  await head
    .getByRole('group', { name: 'Delegate 2' })
    .getByLabel('Access or dietary needs (optional)')
    .fill('Step-free access, please');
  await expect(head.getByText(/2 places for/)).toBeVisible();
  await expect(
    head.getByText(/charged at £40\.00 each|covered by your school’s entitlement/).first(),
  ).toBeVisible();
  await expectAccessible(head);
  await head.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(head.getByRole('status').filter({ hasText: '2 places confirmed' })).toBeVisible();
  // The form gives way to what happened: no second "Confirm booking" for the same delegates.
  await expect(head.getByRole('button', { name: 'Confirm booking' })).toHaveCount(0);
  await expect(head.getByRole('link', { name: 'See your school’s places' })).toBeVisible();
  await later.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(later.getByRole('status')).toContainText(
    'The course filled up before Cat Clarke could have a place',
  );
  await expectAccessible(later);
  await later.getByRole('button', { name: 'Join the waiting list' }).click();
  await expect(later.getByRole('status').filter({ hasText: '1 on the waiting list' })).toBeVisible();
  // Booking a course already full says so before confirming, and the button joins the waiting list.
  await later.reload();
  await fillOn(later)(1, 'Dan Dixon', email('dan'));
  await expect(later.getByText('1 will go on the waiting list: the course is full')).toBeVisible();
  await later.getByRole('button', { name: 'Join the waiting list' }).click();
  await expect(later.getByRole('status').filter({ hasText: '1 on the waiting list' })).toBeVisible();
  await later.close();

  // The head cancels Ada's place from the school's list: Cat is offered it by email and claims it.
  const offeredAfter = new Date(Date.now() - 1000);
  await head.goto('/hsip/courses');
  // The school's waiting lists: Cat next in line, Dan behind her; the head takes Dan off.
  const waiting = head.getByRole('table', { name: 'Your school’s waiting lists' });
  await expect(waiting.getByRole('row', { name: /Cat Clarke/ })).toContainText('Waiting: next in line');
  await expect(waiting.getByRole('row', { name: /Dan Dixon/ })).toContainText('Waiting: number 2 in line');
  await expectAccessible(head);
  head.once('dialog', (dialog) => dialog.accept());
  await waiting.getByRole('button', { name: /Take off the waiting list.*Dan Dixon/ }).click();
  await expect(waiting.getByRole('row', { name: /Dan Dixon/ })).toHaveCount(0);
  head.once('dialog', (dialog) => dialog.accept());
  await head.getByRole('button', { name: 'Cancel place for Ada Ahmed' }).click();
  await expect(head.getByRole('button', { name: 'Cancel place for Ada Ahmed' })).toHaveCount(0);
  const claim = await latestEmailedLink(email('cat'), /https?:\/\/\S+\/claim\/[\w-]+/, offeredAfter);
  const cat = await (await browser.newContext()).newPage();
  await cat.goto(new URL(claim).pathname);
  await expectAccessible(cat);
  await cat.getByRole('button', { name: 'Claim the place' }).click();
  await expect(cat.getByRole('status').filter({ hasText: 'The place is yours' })).toBeVisible();

  // The manager's course page lists the delegates: Ada cancelled, Ben and Cat confirmed.
  await manager.goto(courseUrl);
  await expect(manager.getByRole('row', { name: /Cat Clarke/ })).toContainText('Confirmed');
  await expect(manager.getByRole('row', { name: /Ada Ahmed/ })).toContainText('Cancelled');
  await expect(manager.getByRole('row', { name: /Ben Brown/ })).toContainText('Step-free access, please');
  await expectAccessible(manager);

  // The manager emails the two with a place joining instructions; Cat receives them, Ada (cancelled) does not.
  const messagedAfter = new Date(Date.now() - 1000);
  await manager.getByLabel('Subject').fill('Joining instructions');
  await manager.getByLabel('Message').fill(`Sign in at reception.\n\nBring a laptop (${stamp}).`);
  await manager.getByRole('button', { name: 'Send the message' }).click();
  await expect(manager.getByRole('status').filter({ hasText: 'Sent to 2 people.' })).toBeVisible();
  await expect(manager.getByRole('row', { name: /Joining instructions/ })).toContainText('2 people');
  await expectAccessible(manager);
  const message = await latestEmail(email('cat'), /^Joining instructions: /, messagedAfter);
  expect(message.text).toContain(`Bring a laptop (${stamp}).`);
  const [toAda] = await sql<{ n: number }[]>`select count(*)::int as n from outbox_emails
    where "to" = ${email('ada')} and subject like 'Joining instructions:%'`;
  expect(toAda?.n).toBe(0);
  // The delegate list downloads as CSV: the places (Ada's cancelled) for a sign-in sheet.
  const listHref = await manager
    .getByRole('link', { name: 'Download the delegate list (CSV)' })
    .getAttribute('href');
  const list = await manager.request.get(listHref ?? '');
  expect(list.status()).toBe(200);
  expect(list.headers()['content-type']).toContain('text/csv');
  const rows = (await list.text()).split(/\r?\n/);
  expect(rows.find((r) => r.startsWith('Cat Clarke'))).toContain(',Confirmed,');
  expect(rows.find((r) => r.startsWith('Ada Ahmed'))).toContain(',Cancelled,');

  // Before the day the register lists who is coming, with nothing to mark; Cat's place has no certificate.
  await manager.goto(`${courseUrl}/register`);
  await expect(manager.getByText(/You can mark the register from that day/)).toBeVisible();
  await expect(manager.getByRole('listitem').filter({ hasText: 'Cat Clarke' })).toBeVisible();
  await expect(manager.getByRole('button', { name: /^Attended/ })).toHaveCount(0);
  const place = await latestEmailedLink(email('cat'), /https?:\/\/\S+\/place\/[\w-]+/, offeredAfter);
  const token = place.match(/\/place\/([\w-]+)/)?.[1] ?? '';
  await cat.goto(`/courses/hsip/place/${token}`);
  await expect(cat.getByRole('link', { name: /Download your certificate/ })).toHaveCount(0);
  // Cat's place came from the waiting list with no needs given: she adds her own from her place link.
  await cat.getByLabel('Anything the organisers should arrange for you (optional)').fill('Vegetarian lunch');
  await cat.getByRole('button', { name: 'Save' }).click();
  await expect(
    cat.getByRole('status').filter({ hasText: 'Saved: the organisers can see it.' }),
  ).toBeVisible();
  await expectAccessible(cat);
  await manager.goto(courseUrl);
  await expect(manager.getByRole('row', { name: /Cat Clarke/ })).toContainText('Vegetarian lunch');
  await manager.goto(`${courseUrl}/register`);
  await expect(manager.getByText('Needs: Vegetarian lunch')).toBeVisible();

  // The course has run (its day moved to yesterday): the facilitator marks Cat attended, Cat downloads her
  // certificate from her own link, and the evaluation job asks the delegates.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await sql`update course_sessions set "on" = ${yesterday},
      starts_at = (${yesterday}::date + time '09:30') at time zone 'Europe/London',
      ends_at = (${yesterday}::date + time '15:30') at time zone 'Europe/London'
    where course_id = ${courseId}`;
  await sql`update courses set starts_on = ${yesterday}, ends_on = ${yesterday} where id = ${courseId}`;
  await manager.reload();
  const catRow = manager.getByRole('listitem').filter({ hasText: 'Cat Clarke' });
  await catRow.getByRole('button', { name: /^Attended/ }).click();
  await expect(catRow).toContainText('Marked: attended');
  await cat.reload();
  const certificate = cat.getByRole('link', { name: /Download your certificate/ });
  await expect(certificate).toBeVisible();
  const pdf = await cat.request.get((await certificate.getAttribute('href')) ?? '');
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  await expectAccessible(cat);
  await sql`delete from job_runs where job = 'course-evaluations'
    and tenant_id = (select id from tenants where slug = 'hsip')`;
  const askedAfter = new Date(Date.now() - 1000);
  await manager.goto('/hsip/jobs');
  await manager.getByRole('button', { name: 'Run Course evaluation requests now' }).click();
  await expect(manager.getByText(/Ran for/)).toBeVisible();
  const evaluate = await latestEmailedLink(email('cat'), /https?:\/\/\S+\/evaluate\/[\w-]+/, askedAfter);
  await cat.goto(new URL(evaluate).pathname);
  await expectAccessible(cat);
  for (const question of ['The content of the course', 'The facilitation', 'The course overall'])
    await cat.getByRole('group', { name: question }).getByLabel('5 Excellent').check();
  await cat.getByRole('group', { name: 'The likely impact on your practice' }).getByLabel('4').check();
  await cat.getByLabel(/Anything else/).fill(`Loved the practical tasks ${stamp}`);
  await cat.getByRole('button', { name: 'Send your evaluation' }).click();
  await expect(cat.getByRole('status').filter({ hasText: 'Thank you' })).toBeVisible();

  await manager.goto(`${courseUrl}/evaluations`);
  await expect(manager.getByText(/1 of 2 delegates asked have answered \(50%\)/)).toBeVisible();
  await expect(manager.getByText(`Loved the practical tasks ${stamp}`)).toBeVisible();
  await expect(manager.getByRole('row', { name: /The course overall/ })).toContainText('5.0');
  await expectAccessible(manager);
  await manager.goto('/hsip/courses/evaluations');
  await expect(manager.getByRole('row', { name: /Sam Facilitator/ })).toBeVisible();
  await expectAccessible(manager);
});

test('a school’s approval switch; a delegate sends a colleague instead; the signed-in evaluation', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const colleague = `colleague.${stamp}@grange.sch.example`;

  // The manager makes and publishes two courses.
  const manager = await (await browser.newContext()).newPage();
  await signInWithMagicLink(manager, 'manager@hsip.example');
  const makeCourse = async (title: string, on: string) => {
    await manager.goto('/hsip/courses/new');
    await manager.getByLabel('Title', { exact: true }).fill(title);
    await manager.getByLabel('Teachers', { exact: true }).check();
    await manager.getByLabel('Format').selectOption('in_person');
    await manager.getByLabel('Venue').fill('Harrow Teachers’ Centre');
    await manager.getByLabel('Date', { exact: true }).fill(on);
    await manager.getByLabel('Capacity').fill('5');
    await manager.getByLabel('Partnership agreement price', { exact: true }).fill('40');
    await manager.getByLabel('Outside partnership price').fill('40');
    await manager.getByLabel('Out-of-area price').fill('40');
    await manager.getByRole('button', { name: 'Create draft course' }).click();
    await expect(manager.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await manager.getByRole('button', { name: 'Publish to the catalogue' }).click();
    await expect(manager.getByRole('link', { name: 'See its public page' })).toBeVisible();
    return manager.url();
  };
  const passOnTitle = `Pass-on journey ${stamp}`;
  const passOnUrl = await makeCourse(passOnTitle, `${nextYear}-04-21`);
  const ranTitle = `Signed-in evaluation ${stamp}`;
  const ranUrl = await makeCourse(ranTitle, `${nextYear}-04-22`);
  const ranId = ranUrl.split('/').pop() ?? '';

  // Grange's head switches on approval for every staff booking at the school.
  const head = await (await browser.newContext()).newPage();
  await signInWithMagicLink(head, 'head@grange.sch.example');
  await head.goto('/hsip/courses');
  await head.getByLabel('Staff bookings need my approval').check();
  await head.getByRole('button', { name: 'Save booking approval' }).click();
  await expect(head.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expectAccessible(head);

  try {
    // The SENCo books herself on a course that does not ask for approval: the school's switch holds it.
    const senco = await (await browser.newContext()).newPage();
    await signInWithMagicLink(senco, 'senco@grange.sch.example');
    await senco.goto(`${passOnUrl}/book`);
    await senco.getByRole('button', { name: 'Confirm booking' }).click();
    await expect(
      senco.getByRole('status').filter({ hasText: '1 held until your headteacher or business manager' }),
    ).toBeVisible();
    await head.goto('/hsip/courses');
    const held = head.getByRole('row', { name: new RegExp(passOnTitle) });
    await held.getByRole('button', { name: 'Approve Helen Wojcik’s booking' }).click();
    // Approving says first what the place costs the school, and takes the school's purchase order for the invoice.
    const approval = held.getByRole('form', { name: 'Approve Helen Wojcik’s booking' });
    await expect(approval.getByRole('status')).toHaveText(
      /^The place costs £40\.00( plus VAT \(£48\.00\))?, charged to Grange Primary School\.$/,
    );
    const purchaseOrder = `PO-APPROVED-${stamp}`;
    await approval.getByLabel(/Purchase order number/).fill(`${purchaseOrder}-${'x'.repeat(40)}`);
    await approval.getByRole('button', { name: 'Confirm approval of Helen Wojcik’s booking' }).click();
    await expect(approval.getByRole('alert', { name: 'There is a problem' })).toContainText(
      'Keep the purchase order number to 40 characters.',
    );
    await expectAccessible(head);
    await approval.getByLabel(/Purchase order number/).fill(purchaseOrder);
    await approval.getByRole('button', { name: 'Confirm approval of Helen Wojcik’s booking' }).click();
    await expect(held).toContainText('Confirmed');
    // The place's charge carries the number: the billing run would invoice it apart, with the number on it.
    await manager.goto('/hsip/invoices/billing');
    await manager.getByLabel('All uninvoiced charges to date').check();
    await manager.getByRole('button', { name: 'Preview' }).click();
    await expect(manager.getByRole('row', { name: new RegExp(purchaseOrder) })).toContainText(
      'Grange Primary School',
    );

    // She cannot go: she sends a colleague instead, from her own places.
    const passedAfter = new Date(Date.now() - 1000);
    await senco.goto('/hsip/courses');
    await expectAccessible(senco);
    await senco.getByRole('link', { name: `Send a colleague instead to ${passOnTitle}` }).click();
    await expect(senco.getByRole('heading', { name: 'Send a colleague instead', level: 1 })).toBeVisible();
    await expectAccessible(senco);
    await senco.getByRole('button', { name: 'Send this colleague instead' }).click();
    await expect(senco.getByRole('alert', { name: 'There is a problem' })).toContainText(
      'Enter the delegate’s name',
    );
    await senco.getByLabel('Name', { exact: true }).fill('Colin Colleague');
    await senco.getByLabel('Email', { exact: true }).fill(colleague);
    await senco.getByRole('button', { name: 'Send this colleague instead' }).click();
    await expect(
      senco.getByRole('status').filter({ hasText: 'The place has passed to Colin Colleague' }),
    ).toBeVisible();
    await latestEmailedLink(colleague, /https?:\/\/\S+\/place\/[\w-]+\/calendar/, passedAfter);
    await expect(senco.getByRole('link', { name: `Send a colleague instead to ${passOnTitle}` })).toHaveCount(
      0,
    );
    await head.goto('/hsip/courses');
    await expect(head.getByRole('row', { name: /Colin Colleague/ })).toContainText(passOnTitle);

    // The head named her on a course that has now run: she evaluates it signed in, without the emailed link.
    await head.goto(`${ranUrl}/book`);
    const group = head.getByRole('group', { name: 'Delegate 1' });
    await group.getByLabel('Name', { exact: true }).fill('Helen Wojcik');
    await group.getByLabel('Email', { exact: true }).fill('senco@grange.sch.example');
    await head.getByRole('button', { name: 'Confirm booking' }).click();
    await expect(head.getByRole('status').filter({ hasText: '1 place confirmed' })).toBeVisible();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await sql`update course_sessions set "on" = ${yesterday},
        starts_at = (${yesterday}::date + time '09:30') at time zone 'Europe/London',
        ends_at = (${yesterday}::date + time '15:30') at time zone 'Europe/London'
      where course_id = ${ranId}`;
    await sql`update courses set starts_on = ${yesterday}, ends_on = ${yesterday} where id = ${ranId}`;
    await senco.goto('/hsip/courses');
    await expect(senco.getByText(/awaiting your evaluation/)).toBeVisible();
    await senco.getByRole('link', { name: `Give your evaluation of ${ranTitle}` }).click();
    await expectAccessible(senco);
    for (const question of ['The content of the course', 'The facilitation', 'The course overall'])
      await senco.getByRole('group', { name: question }).getByLabel('5 Excellent').check();
    await senco.getByRole('group', { name: 'The likely impact on your practice' }).getByLabel('4').check();
    await senco.getByRole('button', { name: 'Send your evaluation' }).click();
    await expect(senco.getByRole('status').filter({ hasText: 'Thank you' })).toBeVisible();
    await senco.goto('/hsip/courses');
    await expect(senco.getByRole('row', { name: new RegExp(ranTitle) })).toContainText('Given, thank you');

    await manager.goto(`${ranUrl}/evaluations`);
    await expect(manager.getByRole('row', { name: /The course overall/ })).toContainText('5.0');
  } finally {
    await head.goto('/hsip/courses');
    await head.getByLabel('Staff bookings need my approval').uncheck();
    await head.getByRole('button', { name: 'Save booking approval' }).click();
    await expect(head.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  }
});

test('a draft with a past session is not published until it is re-dated; a published course’s session cannot move into the past', async ({
  page,
}) => {
  const title = `Re-dating ${Date.now().toString(36)}`;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await signInWithMagicLink(page, 'manager@hsip.example');
  await page.goto('/hsip/courses/new');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Teachers', { exact: true }).check();
  await page.getByLabel('Format').selectOption('in_person');
  await page.getByLabel('Venue').fill('Harrow Teachers’ Centre');
  // A draft may hold a past day (a copy of an old course, say)…
  await page.getByLabel('Date', { exact: true }).fill(yesterday);
  await page.getByRole('button', { name: 'Create draft course' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const courseUrl = page.url();

  // …but it is not published with it: the manager is told which session, and what to do.
  await page.getByRole('button', { name: 'Publish to the catalogue' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText(
    /This course has a session on .+, which is in the past\. Edit the course and move that session to today or later, then publish it\./,
  );
  await expectAccessible(page);
  // A draft offers only what a draft can do: no one can book it, so there is no register, no evaluations and
  // no one to message, and cancelling it emails no one.
  await expect(page.getByRole('link', { name: 'Take the register', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Evaluations', exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Message the delegates' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Cancel this draft' })).toBeVisible();
  await expect(page.getByText('No one can book a draft, so no one is emailed.')).toBeVisible();
  await expect(page.getByText(/everyone waiting is emailed/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Make a draft copy' })).toBeVisible();
  await page.getByRole('link', { name: 'Edit the course' }).click();
  await page.getByLabel('Date', { exact: true }).fill(`${nextYear}-04-21`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(courseUrl);
  await page.getByRole('button', { name: 'Publish to the catalogue' }).click();
  await expect(page.getByRole('link', { name: 'See its public page' })).toBeVisible();
  // Published, it has everything: the register, evaluations, messaging and cancelling the whole course.
  await expect(page.getByRole('link', { name: 'Take the register', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Evaluations', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Message the delegates' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Cancel the whole course' })).toBeVisible();
  await expectAccessible(page);

  // Published: moving the session to yesterday is refused on that session's date.
  await page.getByRole('link', { name: 'Edit the course' }).click();
  const date = page.getByLabel('Date', { exact: true });
  await date.fill(yesterday);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText(
    'is in the past: a published course’s sessions can only be moved to today or later.',
  );
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription(
    /is in the past: a published course’s sessions can only be moved/,
  );
  await expectAccessible(page);
  await page.goto(courseUrl);
  await expect(page.getByText(`21 April ${nextYear}`).first()).toBeVisible();
});

/**
 * HSIP's manager signs in and publishes a one-session, in-person course for teachers on `on`; `extra` fills
 * whatever else the journey needs before the draft is created. Returns the course page's address.
 */
async function publishCourseAsManager(page: Page, title: string, on: string, extra: () => Promise<unknown>) {
  await signInWithMagicLink(page, 'manager@hsip.example');
  await page.goto('/hsip/courses/new');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Teachers', { exact: true }).check();
  await page.getByLabel('Format').selectOption('in_person');
  await page.getByLabel('Venue').fill('Harrow Teachers’ Centre');
  await page.getByLabel('Date', { exact: true }).fill(on);
  await extra();
  await page.getByRole('button', { name: 'Create draft course' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const courseUrl = page.url();
  await page.getByRole('button', { name: 'Publish to the catalogue' }).click();
  await expect(page.getByRole('link', { name: 'See its public page' })).toBeVisible();
  return courseUrl;
}

test('a course below its minimum numbers as its go/no-go date nears: the managers are emailed to decide', async ({
  page,
}) => {
  const title = `Go or no-go ${Date.now().toString(36)}`;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await publishCourseAsManager(page, title, `${nextYear}-05-18`, async () => {
    await page.getByLabel('Minimum numbers').fill('8');
    await page.getByLabel('Go or no-go date').fill(tomorrow);
  });

  // The manager's dashboard flags it: the figure opens the course list's decisions, and the course its page.
  await page.goto('/hsip');
  const coursesPanel = page.getByRole('region', { name: 'Courses', exact: true });
  await expect(
    coursesPanel.getByRole('link', { name: /place.* booked in the last 7 days|No places booked/ }),
  ).toBeVisible();
  await expect(coursesPanel.getByRole('link', { name: /starting in the next fortnight/ })).toBeVisible();
  await expectAccessible(page);
  await coursesPanel
    .getByRole('link', { name: /^\d+ courses? below minimum numbers: go\/no-go decision due$/ })
    .click();
  await expect(page).toHaveURL(/\/hsip\/courses#decisions$/);
  const decisions = page.getByRole('region', { name: 'Go/no-go decisions due' });
  await decisions.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  // The course list downloads as CSV, with the course's minimum numbers and go/no-go date.
  await page.goto('/hsip/courses');
  const listHref = await page.getByRole('link', { name: 'Download this list (CSV)' }).getAttribute('href');
  const listCsv = await page.request.get(listHref ?? '');
  expect(listCsv.status()).toBe(200);
  expect((await listCsv.text()).split(/\r?\n/).find((r) => r.startsWith(title))).toContain(
    `,8,${shortDate(tomorrow)},`,
  );

  await sql`delete from job_runs where job = 'course-go-no-go'
    and tenant_id = (select id from tenants where slug = 'hsip')`;
  const warnedAfter = new Date(Date.now() - 1000);
  await page.goto('/hsip/jobs');
  await expect(page.getByText('Go/no-go warnings')).toBeVisible();
  await page.getByRole('button', { name: 'Run Go/no-go warnings now' }).click();
  await expect(page.getByText(/Ran for/)).toBeVisible();
  await expectAccessible(page);
  const warning = await latestEmail('manager@hsip.example', /^Go\/no-go: /, warnedAfter);
  expect(warning.text).toContain(`${title}: 0 of a minimum 8 places taken; decide by`);
});

test('raising a full course’s capacity, the manager chooses to offer the new place to the person waiting', async ({
  page,
}) => {
  const title = `Raised ${Date.now().toString(36)}`;
  const courseUrl = await publishCourseAsManager(page, title, `${nextYear}-06-09`, () =>
    page.getByLabel('Capacity').fill('1'),
  );
  // The course is full and someone waits (set up directly: the booking journeys above cover how).
  const courseId = courseUrl.split('/').at(-1) ?? '';
  await sql`update courses set places_taken = 1 where id = ${courseId}`;
  // First in line, a delegate of a school that has closed since they joined: the place passes over them.
  const closedUrn = 900_000 + (Date.now() % 100_000);
  const closedName = `Closing Lane Primary School ${closedUrn}`;
  await sql`insert into schools (tenant_id, urn, la_code, la_name, establishment_number, name, type, type_group,
      phase, status, closed_on)
    select tenant_id, ${closedUrn}, la_code, la_name, establishment_number, ${closedName}, type, type_group, phase,
      'closed', '2025-08-31'
    from schools where urn = '102232' and tenant_id = (select tenant_id from courses where id = ${courseId})`;
  await sql`insert into course_waitlist_entries (tenant_id, course_id, school_id, delegate_name, delegate_email)
    select c.tenant_id, c.id, s.id, 'Cole Closed', ${`cole.${courseId.slice(0, 8)}@closing.sch.example`}
    from courses c join schools s on s.tenant_id = c.tenant_id and s.urn = ${closedUrn} where c.id = ${courseId}`;
  await sql`insert into course_waitlist_entries (tenant_id, course_id, school_id, delegate_name, delegate_email)
    select c.tenant_id, c.id, s.id, 'Wren Waiting', ${`wren.${courseId.slice(0, 8)}@grange.sch.example`}
    from courses c join schools s on s.tenant_id = c.tenant_id and s.urn = '102232' where c.id = ${courseId}`;

  await page.getByRole('link', { name: 'Edit the course' }).click();
  await page.getByLabel('Capacity', { exact: true }).fill('2');
  const offer = page.getByLabel(/If you raise the capacity, offer the new places to the 2 people waiting/);
  await expect(offer).not.toBeChecked();
  await expectAccessible(page);
  await offer.check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(courseUrl);
  await expect(page.getByRole('row', { name: /Wren Waiting/ })).toContainText('Offered, held until');
  // The manager sees who was passed over, and why; no offer went to them.
  const passed = page.getByRole('table', { name: `Passed over on the waiting list for ${title}` });
  await expect(passed.getByRole('row', { name: /Cole Closed/ })).toContainText(
    `${closedName} closed on 31 August 2025, so it cannot be booked onto courses.`,
  );
  await expectAccessible(page);
});
