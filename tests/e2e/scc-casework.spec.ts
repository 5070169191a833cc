import { expect, test, type Browser } from '@playwright/test';
import postgres from 'postgres';
import { expectAccessible, signInWithMagicLink } from './support';

async function pageFor(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithMagicLink(page, email);
  return page;
}

/** The seeded designated case of a Barnet school (the register that links to it belongs to the concern module). */
async function barnetCaseId(urn: number): Promise<string> {
  const sql = postgres(process.env.E2E_DATABASE_URL ?? '', { max: 1 });
  try {
    const [row] = await sql<{ id: string }[]>`
      select c.id from scc_cases c
      join schools s on s.tenant_id = c.tenant_id and s.id = c.school_id
      join tenants t on t.id = c.tenant_id
      where t.slug = 'barnet' and s.urn = ${urn} and c.status = 'designated'`;
    if (!row) throw new Error(`no designated case for ${urn}`);
    return row.id;
  } finally {
    await sql.end();
  }
}

test('the Lead Officer updates a Statement of Action and records a progress review; a school sees its plan read-only', async ({
  browser,
}) => {
  const stamp = Date.now();
  const evidence = `Maths monitoring visit: teaching now secure in four of six classes (${stamp})`;
  const notes = `Reading recovery on track; maths support extended to spring (${stamp})`;
  const caseId = await barnetCaseId(101270);

  const officer = await pageFor(browser, 'la.officer@barnet.example');
  await officer.goto(`/barnet/concern/${caseId}/plan`);
  await expect(
    officer.getByRole('heading', { name: 'Statement of Action: Brunswick Park Primary School', level: 1 }),
  ).toBeVisible();
  await expectAccessible(officer);

  const item = officer
    .getByTestId('plan-item')
    .filter({ hasText: 'Brokered support from a strong local school' });
  await item.getByLabel('RAG rating').selectOption({ label: 'Amber' });
  await item.getByLabel('Evidence').fill(evidence);
  await item.getByRole('button', { name: 'Save progress' }).click();
  await expect(item.getByRole('status')).toContainText('Progress saved');
  await expect(item.getByRole('definition').filter({ hasText: evidence })).toBeVisible();
  await expect(item.getByText('RAG rating: Amber')).toBeAttached();

  await officer.getByLabel('Kind of meeting').selectOption({ label: 'School Progress Review' });
  await officer.getByLabel('Date of meeting').fill('2026-11-19');
  await officer.getByLabel('Attendees').fill('Interim executive headteacher, chair of the IEB, Lead Officer');
  await officer.getByLabel('Notes').fill(notes);
  await officer.getByRole('button', { name: 'Record meeting' }).click();
  await expect(officer.getByTestId('scc-meeting').filter({ hasText: notes })).toBeVisible();
  await expect(officer.getByTestId('scc-meeting').filter({ hasText: notes })).toContainText(
    'School Progress Review, 19 November 2026',
  );
  await expectAccessible(officer);

  const head = await pageFor(browser, 'head@stcatherines.sch.example');
  await head.goto('/barnet/support');
  await expect(head.getByRole('heading', { name: 'Our school improvement', level: 1 })).toBeVisible();
  await expect(head.getByRole('heading', { name: 'Action plan', level: 2 })).toBeVisible();
  await expect(
    head.getByTestId('plan-item').filter({ hasText: 'Subject leader development for foundation subjects' }),
  ).toBeVisible();
  await expect(head.getByRole('button', { name: 'Save progress' })).toHaveCount(0);
  await expect(head.getByText(/warning notice/i)).toHaveCount(0);
  await expect(head.getByRole('link', { name: 'Our school improvement' })).toBeVisible();
  await expectAccessible(head);
});

test('the officer sees intervention eligibility and requests an SCC budget payment', async ({ browser }) => {
  const purpose = `Interim leadership costs, spring term (${Date.now()})`;
  const caseId = await barnetCaseId(101270);
  const officer = await pageFor(browser, 'la.officer@barnet.example');
  await officer.goto(`/barnet/concern/${caseId}/interventions`);
  await expect(
    officer.getByRole('heading', { name: /Warning notices and intervention: Brunswick Park Primary School/ }),
  ).toBeVisible();
  await expect(officer.getByTestId('eligibility')).toContainText('special measures');
  await expectAccessible(officer);

  await officer.goto('/barnet/concern/budget');
  await expect(officer.getByRole('heading', { name: 'SCC budget', level: 1 })).toBeVisible();
  await officer.getByLabel('School').selectOption({ label: 'Brunswick Park Primary School' });
  await officer.getByLabel('Amount in pounds').fill('2500');
  await officer.getByLabel('Purpose').fill(purpose);
  await officer.getByRole('button', { name: 'Request payment' }).click();
  const payment = officer.getByTestId('payment').filter({ hasText: purpose });
  await expect(payment).toContainText('£2,500.00 to Brunswick Park Primary School');
  await expect(payment).toContainText('Requested');
  await expectAccessible(officer);
});

test('an officer recommends a formal warning notice; the DCS issues it and the notice goes to the school as a letter', async ({
  browser,
}) => {
  const caseId = await barnetCaseId(101270);
  const officer = await pageFor(browser, 'la.officer@barnet.example');
  await officer.goto(`/barnet/concern/${caseId}/interventions`);
  await officer.getByLabel('Kind of notice').selectOption('formal_s60');
  await officer.getByLabel('Unacceptably low standards of performance').check();
  await officer.getByLabel('The school has not engaged with the support and challenge offered').check();
  await officer.getByRole('button', { name: 'Record recommendation' }).click();
  await expect(officer.getByText(/issues this notice/).first()).toBeVisible();

  const dcs = await pageFor(browser, 'dcs@barnet.example');
  await dcs.goto(`/barnet/concern/${caseId}/interventions`);
  const issue = dcs.locator('form').filter({ has: dcs.getByRole('heading', { name: 'Issue the notice' }) });
  await issue.first().getByLabel('Date of the DCS decision').fill('2026-12-04');
  await issue.first().getByLabel('Date issued').fill('2026-12-05');
  await issue.first().getByLabel('Comply by').fill('2027-01-15');
  // The Director recording their own decision: "Decided by" offers the others, not themselves twice.
  await expect(issue.first().getByLabel('Decided by').getByRole('option', { name: 'Me' })).toBeAttached();
  await issue.first().getByRole('button', { name: 'Issue notice' }).click();
  const letter = dcs.getByRole('link', { name: 'The warning notice as sent (PDF)' }).first();
  await expect(letter).toBeVisible();
  await expectAccessible(dcs);
  const pdf = await dcs.request.get((await letter.getAttribute('href')) ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');

  await officer.goto(`/barnet/concern/${caseId}`);
  await expect(
    officer.getByRole('link', { name: /Warning notice, \d+ \w+ \d{4} \(PDF\)/ }).first(),
  ).toBeVisible();
});
