import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, latestEmail, signInWithMagicLink } from './support';

const openSection = async (page: Page, name: string) => {
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
};

/** The value (dd) shown against a term (dt) in a description list. */
const valueOf = (scope: Locator, term: string) => scope.locator(`dt:text-is("${term}") + dd`);

test('a partnership manager creates a package with two lines and finds it in the catalogue', async ({
  page,
}) => {
  const code = `E2E-${Date.now()}`;
  const name = `Wellbeing support ${code}`;
  await signInWithMagicLink(page, 'manager@hsip.example');
  await expect(page).toHaveURL(/\/hsip$/);
  await expectAccessible(page);

  await page
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: 'Packages and services' })
    .click();
  await expect(page.getByRole('heading', { name: 'Packages and services', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Advisory, curriculum and leadership' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'New package or service' }).click();
  await expect(page.getByRole('heading', { name: 'New package or service', level: 1 })).toBeVisible();
  // HSIP is VAT-registered: a package starts at the rate its invoice settings charge on packages.
  await expect(page.getByLabel('VAT rate (%)')).toHaveValue('20');
  await expect(page.getByLabel('VAT', { exact: true })).toHaveAccessibleDescription(
    /^Your invoice settings charge 20% on packages\./,
  );
  await expectAccessible(page);

  // Nothing typed: the summary lists what is missing and each entry takes you to its field.
  const create = page.getByRole('button', { name: 'Create package' });
  await create.click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /^Give the item a short code/ })).toBeVisible();
  await summary.getByRole('link', { name: 'Enter the partnership agreement price.' }).click();
  await expect(page.getByLabel('Partnership agreement price', { exact: true })).toBeFocused();
  await expectAccessible(page);

  // Prices typed but no code, name or line details: the server's errors appear beside their fields.
  await page.getByLabel('Partnership agreement price', { exact: true }).fill('1,200');
  await page.getByLabel('Outside partnership price', { exact: true }).fill('1500.50');
  const line1 = page.getByRole('group', { name: 'Line 1' });
  await line1.getByLabel('Quantity').fill('2');
  await create.click();
  await expect(summary.getByRole('link', { name: 'Enter the partnership agreement price.' })).toHaveCount(0);
  await expect(summary.getByRole('link', { name: 'Line 1: Choose what the line gives.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Give the item a name.' })).toBeVisible();
  await expect(line1.getByLabel('Entitlement')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Description (optional)').fill('Adviser time and courses on staff wellbeing.');
  await line1.getByLabel('Entitlement').selectOption({ label: 'Adviser days' });
  await line1.getByLabel('Description', { exact: true }).fill('2 wellbeing adviser days');
  await line1.getByLabel('Price of one bought separately (optional)').fill('600');
  await page.getByRole('button', { name: 'Add a line' }).click();
  const line2 = page.getByRole('group', { name: 'Line 2' });
  await expect(line2.getByLabel('Entitlement')).toBeFocused();
  await line2.getByLabel('Entitlement').selectOption({ label: 'Course places' });
  await line2.getByLabel('Unlimited').check();
  await line2.getByLabel('Category (optional)').fill('Wellbeing courses');
  await line2.getByLabel('Description', { exact: true }).fill('Wellbeing courses: unlimited places');
  await create.click();

  await expect(page).toHaveURL(/\/hsip\/catalogue\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const gives = page.getByRole('table', { name: `What ${name} gives` });
  await expect(gives.getByRole('row', { name: /2 wellbeing adviser days/ })).toContainText('2 adviser days');
  await expect(gives.getByRole('row', { name: /Wellbeing courses: unlimited places/ })).toContainText(
    'Unlimited',
  );
  await expect(valueOf(page.locator('main'), 'Outside partnership')).toHaveText('£1,500.50 per school');
  await expectAccessible(page);

  await page.getByRole('link', { name: /All packages and services/ }).click();
  const article = page.getByRole('article', { name });
  await expect(article).toContainText(code.toUpperCase());
  await expect(valueOf(article, 'Partnership agreement')).toHaveText('£1,200.00 per school');
  await expectAccessible(page);
});

test('a headteacher sees their price and saving, subscribes with a purchase order and sees the entitlements', async ({
  page,
}, testInfo) => {
  const purchaseOrder = `PO-E2E-${Date.now() % 1_000_000}`;
  await signInWithMagicLink(page, 'head@grange.sch.example');
  await expect(page).toHaveURL(/\/hsip$/);
  await expectAccessible(page);

  await openSection(page, 'Packages and services');
  const ema = page.getByRole('article', { name: 'Ethnic minority achievement' });
  await expect(valueOf(ema, 'Partnership agreement')).toHaveText('£2,800.00 per school');
  await expect(valueOf(ema, 'Outside partnership')).toHaveText('£3,600.00 per school');
  const yourPrice = ema.getByTestId('your-price');
  await expect(yourPrice).toContainText('Grange Primary School pays partnership agreement prices');
  await expect(valueOf(yourPrice, 'Full-year price')).toHaveText('£2,800.00');
  await expect(valueOf(yourPrice, 'Bought separately')).toHaveText('£3,600.00');
  await expect(valueOf(yourPrice, 'You save')).toHaveText('£800.00');
  await expectAccessible(page);

  // Grange starts unsubscribed; only a retry of this journey finds it already subscribed.
  const subscribe = ema.getByRole('link', { name: 'Subscribe' });
  if (testInfo.retry === 0 || (await subscribe.isVisible())) {
    await subscribe.click();
    await expect(page.getByRole('heading', { name: 'Ethnic minority achievement', level: 1 })).toBeVisible();
    const quote = page.getByTestId('quote');
    await expect(valueOf(quote, 'Price for the year')).toHaveText('£2,800.00 (partnership agreement)');
    // What is charged depends on the term we are in, so read it rather than assume it.
    const net = (await page.getByTestId('net-price').textContent()) ?? '';
    expect(net).toMatch(/^£[\d,]+\.\d\d$/);
    await expectAccessible(page);

    await page.getByLabel('Purchase-order number (optional)').fill(purchaseOrder);
    const ordered = new Date(Date.now() - 1000);
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const confirmation = page.getByRole('status');
    await expect(confirmation).toContainText(
      'Grange Primary School now subscribes to Ethnic minority achievement',
    );
    await expect(confirmation).toContainText(`Net price ${net}, purchase order ${purchaseOrder}`);
    await expect(confirmation).toContainText('An order confirmation, saying when it will be invoiced');

    // The order confirmation is in the outbox: what, for which year, the price and when it will be invoiced.
    const order = await latestEmail(
      'head@grange.sch.example',
      /^Order confirmed: Ethnic minority achievement for Grange Primary School, \d{4}\/\d{2}$/,
      ordered,
    );
    expect(order.text).toContain('Package: Ethnic minority achievement');
    expect(order.text).toMatch(/Year: \d{4}\/\d{2}/);
    expect(order.text).toContain(`Price: ${net} before VAT`);
    expect(order.text).toContain(`Purchase-order number: ${purchaseOrder}`);
    expect(order.text).toMatch(/[Ii]nvoiced/);
    // The partnership's managers are told of the new subscription.
    await latestEmail(
      'manager@hsip.example',
      /^New subscription: Grange Primary School, Ethnic minority achievement, \d{4}\/\d{2}$/,
      ordered,
    );
    await expectAccessible(page);
    await confirmation.getByRole('link', { name: 'See your entitlement statement' }).click();
  } else {
    await openSection(page, 'Subscriptions and entitlements');
  }

  await expect(page.getByRole('heading', { name: 'Subscriptions and entitlements', level: 1 })).toBeVisible();
  const subscriptions = page.getByRole('table', { name: /^Subscriptions for/ });
  const row = subscriptions.getByRole('row', { name: /Ethnic minority achievement/ });
  await expect(row).toContainText('Active');
  await expect(row).toContainText(/PO-E2E-\d+/);

  // A late joiner gets each line in proportion to the terms it pays for (issue 11): 6 half days × terms ÷ 3.
  const terms = Number(/(\d) of 3/.exec((await row.textContent()) ?? '')?.[1]);
  const granted = `${(6 * terms) / 3} adviser half days`;
  for (const [category, line] of [
    ['EMA training', '6 × ½ day school-based training'],
    ['EMA community consultation', '6 × ½ day consultation with communities'],
  ]) {
    const balance = page.getByRole('region', { name: `Adviser half days: ${category}` });
    await expect(
      balance.getByRole('row', { name: new RegExp(`Ethnic minority achievement: ${line}`) }),
    ).toContainText(`+${(6 * terms) / 3}`);
    await expect(valueOf(balance, 'Granted')).toHaveText(granted);
    await expect(valueOf(balance, 'Used')).toHaveText('0 adviser half days');
    await expect(valueOf(balance, 'Left')).toHaveText(granted);
  }
  await expectAccessible(page);

  // And the catalogue now says so.
  await openSection(page, 'Packages and services');
  await expect(ema).toContainText('Grange Primary School subscribes to this package');
  await expect(ema.getByRole('link', { name: 'Subscribe' })).toHaveCount(0);
});

test('the manager keeps the LA term dates and sees a school’s categorised lines on its statement', async ({
  page,
}) => {
  await signInWithMagicLink(page, 'manager@hsip.example');
  await openSection(page, 'Term dates');
  await expectAccessible(page);
  // Seeded with Harrow's pattern for this year; next year can be set (and saved again) here.
  const [first] = await page.getByRole('heading', { level: 2 }).allTextContents();
  const thisYear = Number(first?.slice(0, 4));
  await expect(page.getByTestId(`source-${thisYear}`)).toHaveText('Set for this workspace.');
  const next = page.getByRole('region', {
    name: `${thisYear + 1}/` + String((thisYear + 2) % 100).padStart(2, '0'),
  });
  await next.getByLabel('First day of the spring term').fill(`${thisYear + 2}-01-05`);
  await next.getByRole('button', { name: /^Save .* term dates$/ }).click();
  await expect(next.getByRole('status')).toContainText('term dates saved');
  await expect(page.getByTestId(`source-${thisYear + 1}`)).toHaveText('Set for this workspace.');
  // A backwards term is refused beside its field.
  await next.getByLabel('Last day of the summer term').fill(`${thisYear + 2}-04-01`);
  await next.getByRole('button', { name: /^Save .* term dates$/ }).click();
  await expect(next.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'Summer term must end after it starts.',
  );
  await expectAccessible(page);

  // A seeded subscriber to Advisory, curriculum and leadership: each half day sits on its own line (004 387–388).
  await openSection(page, 'Subscriptions and entitlements');
  const uptake = page.getByRole('table', { name: 'By school' });
  await uptake
    .getByRole('row', { name: /Advisory, curriculum and leadership/ })
    .first()
    .getByRole('link')
    .click();
  for (const [line, left] of [
    ['Adviser half days: Specialist', '3 adviser half days'],
    ['Adviser half days: Inspection support', '2 adviser half days'],
    ['Adviser days: School review', '2 adviser days'],
  ] as const) {
    await expect(valueOf(page.getByRole('region', { name: line }), 'Left')).toHaveText(left);
  }
  await expectAccessible(page);
});

test('the manager takes a school’s order by phone: chooses the school, sees its price and subscribes it', async ({
  page,
}) => {
  await signInWithMagicLink(page, 'manager@hsip.example');
  await openSection(page, 'Packages and services');
  await page.getByRole('article', { name: 'Ethnic minority achievement' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Ethnic minority achievement', level: 1 })).toBeVisible();
  const choose = page.getByRole('form', { name: 'Choose the school' });
  const school = choose.getByLabel('School');
  // Any open school but Grange (the headteacher's journey subscribes Grange).
  const options = await school.locator('option').allTextContents();
  const label = options.find((o) => o && o !== 'Choose a school' && !o.startsWith('Grange'));
  if (!label) throw new Error('no other school in HSIP');
  await school.selectOption({ label });
  await choose.getByRole('button', { name: 'Show its price' }).click();
  const name = label.replace(/ \(\d+\)$/, '');
  await expect(page.getByTestId('quote')).toBeVisible();
  await expectAccessible(page);
  // The form speaks of the school, not to "you": the manager is not the one whose school orders.
  const purchaseOrder = page.getByLabel('Purchase-order number (optional)');
  await expect(purchaseOrder).toHaveAccessibleDescription(
    'If the school raised a purchase order for it, its number goes on the invoice.',
  );
  await purchaseOrder.fill('PO-PHONE-1');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  const done = page
    .getByRole('status')
    .filter({ hasText: `${name} now subscribes to Ethnic minority achievement` });
  await expect(done).toBeVisible();
  await expect(done).toContainText('The entitlements are in its statement now.');
  await expectAccessible(page);
  // …and opens that school's statement, not the list of every school's.
  await done.getByRole('link', { name: `See ${name}’s entitlement statement` }).click();
  await expect(page).toHaveURL(/\/hsip\/entitlements\?school=[0-9a-f-]{36}$/);
  await expect(page.getByText(name).first()).toBeVisible();
});

test('a closed school’s page says it takes nothing new, and the manager is not offered it to subscribe', async ({
  page,
}) => {
  await signInWithMagicLink(page, 'head.si@barnet.example');
  // Totteridge Lane is closed in the demo register (GIAS "Closed", CloseDate 31-08-2025).
  await page.goto('/barnet/schools?show=closed');
  await page.getByRole('link', { name: 'Totteridge Lane Primary School' }).click();
  await expect(page.getByRole('heading', { name: 'Totteridge Lane Primary School', level: 1 })).toBeVisible();
  await expect(valueOf(page.locator('dl').first(), 'Status')).toHaveText('Closed on 31 August 2025');
  await expect(page.getByTestId('school-closed')).toHaveText(
    'Totteridge Lane Primary School is closed: it cannot be booked onto courses, subscribe to packages or be offered renewals. Its bookings, subscriptions, invoices and history stay here.',
  );
  await expectAccessible(page);
  const closedId = page.url().split('/').at(-1) ?? '';

  // Taking an order by phone: the school is not among those offered, even asked for by its address.
  await openSection(page, 'Packages and services');
  await page.getByRole('article', { name: 'BPSI subscription' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'BPSI subscription', level: 1 })).toBeVisible();
  const asked = new URL(page.url());
  asked.searchParams.set('school', closedId);
  await page.goto(asked.toString());
  const forSchool = page.getByRole('region', { name: 'Subscribe a school' });
  await expect(forSchool).toContainText('Closed schools are not listed: they take no new subscriptions.');
  await expect(forSchool.getByLabel('School').locator('option', { hasText: 'Totteridge Lane' })).toHaveCount(
    0,
  );
  await expect(page.getByTestId('quote')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Subscribe' })).toHaveCount(0);
  await expectAccessible(page);
});
