import { expect, test } from '@playwright/test';
import { expectAccessible, signInWithMagicLink } from './support';

test('the finance dashboard shows what schools owe and what is overdue, each opening the invoice list filtered the same way', async ({
  page,
}) => {
  await signInWithMagicLink(page, 'finance@barnet.example');
  await page.goto('/barnet');
  const money = page.getByRole('region', { name: 'Invoices: money owed' });
  await expect(money).toBeVisible();
  // The demo seed issues Barnet's first charges: some still owed, two of them long enough ago to be overdue.
  const owed = money.getByRole('link', { name: /^£[\d,]+\.\d\d owed on \d+ issued invoices?$/ });
  const overdue = money.getByRole('link', { name: /^\d+ invoices? overdue: £[\d,]+\.\d\d$/ });
  await expect(owed).toBeVisible();
  await expect(overdue).toBeVisible();
  await expectAccessible(page);

  // The overdue figure opens the list of just those invoices, as many as it counted.
  const overdueCount = Number(/^\d+/.exec((await overdue.textContent()) ?? '')?.[0]);
  await overdue.click();
  await expect(page).toHaveURL(/\/barnet\/invoices\?owing=overdue$/);
  const list = page.getByRole('table', { name: 'Invoices: overdue, newest first' });
  await expect(list).toBeVisible();
  await expect(list.getByRole('link', { name: /^INV-\d{6}$/ })).toHaveCount(overdueCount);
  await expect(
    page.getByRole('navigation', { name: 'Filter by status' }).getByRole('link', { name: 'Overdue' }),
  ).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page);

  // The amount owed opens every invoice still owed.
  await page.goto('/barnet');
  const owedCount = Number(/on (\d+) issued/.exec((await owed.textContent()) ?? '')?.[1]);
  await owed.click();
  await expect(page).toHaveURL(/\/barnet\/invoices\?owing=outstanding$/);
  await expect(
    page
      .getByRole('table', { name: 'Invoices: still owed, newest first' })
      .getByRole('link', { name: /^INV-\d{6}$/ }),
  ).toHaveCount(owedCount);
});

test('finance sets up invoicing, previews and runs subscription billing, issues the drafts; a headteacher opens the invoice and its PDF', async ({
  page,
  browser,
}) => {
  // A long journey (a billing run, issuing, a second person, credit, statements): three times the usual time.
  test.slow();
  await signInWithMagicLink(page, 'finance@barnet.example');
  await page.goto('/barnet/invoices');
  await expect(page.getByRole('heading', { name: 'Invoices', level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Invoice settings' }).click();
  await expect(page.getByRole('heading', { name: 'Invoice settings', level: 1 })).toBeVisible();
  await page.getByLabel('Legal name on invoices').fill('London Borough of Barnet');
  await page.getByLabel('Address').fill('2 Bristol Avenue, Colindale, London NW9 4EW');
  await page.getByLabel('VAT registration number (optional)').fill('GB123456789');
  await page.getByLabel('Invoice number prefix').fill('E2E-');
  await page.getByLabel('Maintained schools in your area').selectOption('outside_scope');
  await page
    .getByLabel('Academies, free schools and other schools not maintained in your area')
    .selectOption('standard');
  await page.getByLabel('Payment terms (days)').fill('thirty');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('link', { name: /Enter the payment terms in days/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Payment terms (days)').fill('30');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await page.goto('/barnet/invoices/billing');
  await page.getByLabel('Subscriptions for an academic year').check();
  // One invoice per school for everything it owes: the charges made by the same date go on it too.
  await page.getByLabel('Also bill course places and services charged by this date').check();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(
    page.getByRole('heading', {
      name: /Preview: Subscriptions \d{4}\/\d{2} begun, and uninvoiced charges made, by/,
    }),
  ).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Coppetts Wood Primary School' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: /Create \d+ draft invoices/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /Billing run started/ })).toBeVisible();
  // The job creates the invoices school by school; the page follows its progress until it has finished.
  // The demo seed's own run (charges) also has drafts left to issue: act on this run's row only.
  const thisRun = page.getByRole('row', { name: /Subscriptions \d{4}\/\d{2}/ });
  await expect(thisRun.getByTestId('run-progress')).toContainText('(finished)', { timeout: 30_000 });
  // Drafts whose school has no one to email them to are left out of it (issued one by one, and sent by hand).
  const issueDrafts = thisRun.getByRole('button', { name: /Issue \d+ drafts?/ });
  await expect(issueDrafts).toBeVisible();
  await expectAccessible(page);

  // Running it again finds nothing left to bill.
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(
    page.getByText(
      /^Nothing to bill: no subscription for \d{4}\/\d{2} has a part begun by .*, and no charge made by then is waiting for one\.$/,
    ),
  ).toBeVisible();

  await issueDrafts.click();
  await expect(thisRun.getByRole('status').filter({ hasText: /Issued \d+\./ })).toBeVisible();

  // Barnet's demo schools mostly have no finance contact and no headteacher with an account: their drafts are
  // named, each linking to the draft, which says so and is issued only once someone says they will send it.
  const nobody = thisRun.getByTestId('no-recipient');
  await expect(nobody).toContainText(
    /\d+ drafts? with no one to send (it|them) to, not issued with the rest\./,
  );
  const draftLink = nobody.getByRole('link').first();
  const school = (await draftLink.textContent()) ?? '';
  await page.goto('/barnet/invoices?status=draft');
  await expect(
    page.getByRole('row').filter({ hasText: school }).filter({ hasText: 'No one to send it to' }).first(),
  ).toBeVisible();
  await page.goto('/barnet/invoices/billing');
  // (A school billed for two packages has a draft for each: open the first.)
  await thisRun.getByTestId('no-recipient').getByRole('link', { name: school }).first().click();
  await expect(page.getByRole('heading', { name: `Draft invoice for ${school}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No one to send it to' })).toContainText(
    'so issuing would email this invoice to nobody',
  );
  await expect(page.getByRole('link', { name: 'Add a finance contact to the school' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Issue invoice' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toContainText(`No one to send it to: ${school} has no finance contact`);
  await expectAccessible(page);
  await page.getByLabel('Issue it without emailing anyone: I will send it to the school myself').check();
  await page.getByRole('button', { name: 'Issue invoice' }).click();
  // Issued, and no longer a draft: the page is now the numbered invoice's.
  await expect(page.getByRole('heading', { name: /Invoice E2E-\d{6}/, level: 1 })).toBeVisible();

  // The headteacher of Coppetts Wood sees the school's own issued invoice, and downloads the PDF.
  const headContext = await browser.newContext();
  const head = await headContext.newPage();
  await signInWithMagicLink(head, 'head@coppettswood.sch.example');
  // Their dashboard says what the school has to pay, opening its invoices still owed.
  await head.goto('/barnet');
  const toPay = head.getByRole('region', { name: 'Invoices to pay' });
  await expect(
    toPay.getByRole('link', { name: /^£[\d,]+\.\d\d to pay on \d+ issued invoices?$/ }),
  ).toBeVisible();
  await expect(toPay.getByRole('link', { name: /overdue/ })).toBeVisible();
  await expectAccessible(head);
  await toPay.getByRole('link', { name: /to pay on/ }).click();
  await expect(head).toHaveURL(/\/barnet\/invoices\?owing=outstanding$/);
  await expect(head.getByRole('link', { name: /^E2E-\d{6}$/ }).first()).toBeVisible();
  await head.goto('/barnet/invoices');
  await expect(head.getByText(/charged to your school are invoiced when .+ runs its billing/)).toBeVisible();
  const link = head.getByRole('link', { name: /^E2E-\d{6}$/ }).first();
  await expect(link).toBeVisible();
  await expectAccessible(head);
  await link.click();
  await expect(head.getByRole('heading', { name: /Invoice E2E-\d{6}/, level: 1 })).toBeVisible();
  await expect(head.getByText('Outside the scope of VAT').first()).toBeVisible();
  await expectAccessible(head);
  const pdf = await head.request.get(`${head.url()}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await expect(head.getByRole('button', { name: 'Issue invoice' })).toHaveCount(0);
  await headContext.close();

  // Finance credits part of it.
  await page.goto('/barnet/invoices?status=issued');
  await page
    .getByRole('link', { name: /^E2E-\d{6}$/ })
    .first()
    .click();
  await page.getByLabel('Part of one line').check();
  await page.getByLabel('Net amount to credit').fill('10');
  await page.getByLabel('Reason').fill('Half day not delivered');
  await page.getByRole('button', { name: 'Raise credit note' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /Credit note CN-\d{6} raised for £10\.00/ }),
  ).toBeVisible();
  await expectAccessible(page);

  // The school's statement of account: this financial year by default; then just today, with what came
  // before brought forward; then the whole account. A period that makes no sense is explained.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  await page.getByRole('link', { name: /Statement of account for/ }).click();
  await expect(page.getByRole('heading', { name: /Statement of account: /, level: 1 })).toBeVisible();
  await expect(page.getByTestId('statement-period')).toContainText('financial year runs');
  await expect(page.getByRole('rowheader', { name: 'Balance brought forward' })).toBeVisible();
  await page.getByLabel('From').fill(today);
  await page.getByLabel('To').fill(today);
  await page.getByRole('button', { name: 'Show statement' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${today}&to=${today}`));
  await expect(page.getByRole('rowheader', { name: /^Credit note CN-\d{6}$/ }).first()).toBeVisible();
  await expect(page.getByTestId('statement-balance')).toContainText('at ');
  await expectAccessible(page);
  const statementPdf = await page.request.get(
    (await page.getByRole('link', { name: 'Download the statement (PDF)' }).getAttribute('href')) ?? '',
  );
  expect(statementPdf.status()).toBe(200);
  expect(statementPdf.headers()['content-type']).toBe('application/pdf');
  expect(statementPdf.headers()['content-disposition']).toContain(`${today}-to-${today}`);
  await page.getByRole('link', { name: 'Whole account' }).click();
  await expect(page.getByTestId('statement-period')).toContainText('Everything to');
  await expect(page.getByRole('rowheader', { name: 'Balance brought forward' })).toHaveCount(0);
  await page.goto(`${page.url().split('?')[0]}?from=${today}&to=2000-01-01`);
  await expect(page.getByRole('alert').filter({ hasText: 'That period could not be shown' })).toContainText(
    'The start date must be on or before the end date.',
  );
  await expectAccessible(page);
});
