import { expect, test, type Browser } from '@playwright/test';
import { expectAccessible, latestEmailedLink, signInWithMagicLink } from './support';

async function pageFor(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithMagicLink(page, email);
  return page;
}

test('the link adviser writes a note of visit, sends it, the headteacher agrees it and it is locked', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const marker = `Strong coaching culture (${Date.now()})`;

  const adviser = await pageFor(browser, 'adviser@barnet.example');
  await adviser.goto('/barnet/visits/notes');
  await expect(adviser.getByRole('heading', { name: 'Notes of visit', level: 1 })).toBeVisible();
  await expectAccessible(adviser);
  await adviser.getByRole('link', { name: 'Write a note of visit' }).click();
  await expect(adviser.getByRole('heading', { name: 'Write a note of visit', level: 1 })).toBeVisible();
  await expectAccessible(adviser);

  await adviser
    .getByLabel('School', { exact: true })
    .selectOption({ label: 'Coppetts Wood Primary School (101262) – your school' });
  await adviser.getByLabel('Date of visit').fill('2026-11-23');
  const behaviour = adviser.getByRole('group', { name: 'Behaviour, attendance and routines' });
  await behaviour.getByLabel('In focus on this visit').check();
  await behaviour.getByLabel('Judgement').selectOption('Secure');
  await behaviour.getByLabel('School’s self-evaluation (optional)').selectOption('Highly Effective');
  await behaviour.getByLabel('I disagree with the school’s self-evaluation').check();
  await behaviour.getByLabel('Commentary').fill('Calm classrooms; routines are well established.');
  await adviser.getByLabel('Strengths').fill(marker);
  await adviser.getByLabel('Areas for development').fill('Persistent absence of a small group of pupils.');
  const action = adviser.getByRole('group', { name: 'Action 1' });
  await action.getByLabel('Action', { exact: true }).fill('Attendance panel each fortnight');
  await action.getByLabel('Owner').fill('Headteacher');
  await action.getByLabel('Due by').fill('2027-01-29');

  // Disagreeing needs a reason: the form says so beside the field.
  await adviser.getByRole('button', { name: 'Save draft' }).click();
  await expect(adviser.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(adviser.getByRole('link', { name: /Say why you disagree/ })).toBeVisible();
  await expectAccessible(adviser);
  await behaviour.getByLabel('Why you disagree').fill('Persistent absence is above the Barnet average.');
  await adviser.getByRole('button', { name: 'Save draft' }).click();

  await expect(
    adviser.getByRole('heading', { name: 'Note of visit: Coppetts Wood Primary School' }),
  ).toBeVisible();
  await expect(adviser.getByTestId('note-status')).toHaveText('Draft');
  await expect(adviser.getByText(marker).first()).toBeVisible();
  await expectAccessible(adviser);
  const noteUrl = adviser.url();
  const sentAt = new Date(Date.now() - 1000);
  await adviser.getByRole('button', { name: 'Send to the headteacher' }).click();
  await expect(adviser.getByTestId('note-status')).toHaveText('Sent to the headteacher (version 1)');

  // The headteacher follows the emailed link, signs in and agrees the note.
  const link = await latestEmailedLink(
    'head@coppettswood.sch.example',
    /https?:\/\/\S+\/barnet\/visits\/notes\/[0-9a-f-]{36}/,
    sentAt,
  );
  expect(new URL(link).pathname).toBe(new URL(noteUrl).pathname);
  const head = await pageFor(browser, 'head@coppettswood.sch.example');
  await head.goto(link);
  await expect(
    head.getByRole('heading', { name: 'Note of visit: Coppetts Wood Primary School' }),
  ).toBeVisible();
  await expect(head.getByText(marker).first()).toBeVisible();
  await expectAccessible(head);
  await head.getByRole('button', { name: 'Agree this note' }).click();
  await expect(head.getByTestId('note-status')).toHaveText('Agreed (version 1)');
  await expect(head.getByTestId('note-locked')).toContainText(
    'This note is locked and can no longer be changed.',
  );
  await expectAccessible(head);

  // The adviser sees it agreed and locked: no edit form, only sharing with governors.
  await adviser.reload();
  await expect(adviser.getByTestId('note-status')).toHaveText('Agreed (version 1)');
  await expect(adviser.getByTestId('note-locked')).toContainText('Agreed by Anita Shah');
  await expect(adviser.getByRole('heading', { name: 'Edit the note' })).toHaveCount(0);
  await expect(adviser.getByRole('button', { name: 'Share with the chair of governors' })).toBeVisible();
  await expectAccessible(adviser);

  const pdfHref = await head.getByRole('link', { name: 'Download the note as a PDF' }).getAttribute('href');
  const pdf = await head.request.get(pdfHref ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

test('a governor reads the notes shared with the board, and is not asked to agree them', async ({
  browser,
}) => {
  const governor = await pageFor(browser, 'governor@stcatherines.sch.example');
  await governor.goto('/barnet/visits/notes');
  await expect(governor.getByRole('heading', { name: 'Notes of visit', level: 1 })).toBeVisible();
  await expect(
    governor.getByText('shared with the governing body once the headteacher has agreed them'),
  ).toBeVisible();
  await expect(governor.getByRole('link', { name: 'Write a note of visit' })).toHaveCount(0);
  await expect(governor.getByRole('cell', { name: 'Shared with the chair of governors' })).toBeVisible();
  await expectAccessible(governor);
});
