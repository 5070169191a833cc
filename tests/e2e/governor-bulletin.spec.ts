import { expect, test } from '@playwright/test';
import { expectAccessible, latestEmailedLink, signInWithMagicLink } from './support';

test('an LA officer composes, previews and sends the termly bulletin; the clerk unsubscribes by the emailed link and the next bulletin skips them', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const tag = Date.now().toString(36);
  const officer = await (await browser.newContext()).newPage();
  await signInWithMagicLink(officer, 'la.officer@barnet.example');
  await officer.goto('/barnet/governance');
  await officer.getByRole('link', { name: 'Governor bulletins' }).click();
  await expect(officer.getByRole('heading', { name: 'Governor bulletins', level: 1 })).toBeVisible();
  await expectAccessible(officer);

  // Compose: a mistake is shown in the summary, then the bulletin is saved and previewed.
  const title = `Spring term bulletin ${tag}`;
  await officer.getByLabel('Title').fill(title);
  await officer.getByLabel('Bulletin', { exact: true }).fill('Too short');
  await officer.getByRole('button', { name: 'Save and preview' }).click();
  await expect(officer.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'Write the bulletin (at least a sentence).',
  );
  await officer
    .getByLabel('Bulletin', { exact: true })
    .fill(
      'Welcome to the spring term.\n\nThis term:\n\n- the new **Ofsted** toolkit for boards\n- safeguarding training dates',
    );
  await officer.getByLabel('Link 1: text').fill('Governance handbook');
  await officer
    .getByLabel('Link 1: web address')
    .fill('https://www.gov.uk/government/publications/governance-handbook');
  await officer.getByRole('button', { name: 'Save and preview' }).click();
  await expect(officer.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(officer.getByTestId('bulletin-state')).toContainText('Draft: not sent yet.');
  await expect(officer.getByTestId('bulletin-text')).toContainText('Governance handbook');
  await expectAccessible(officer);
  await officer.getByRole('button', { name: 'Show the email as it will arrive' }).click();
  const preview = officer.frameLocator('iframe[title="Preview of the bulletin email"]');
  await expect(preview.getByRole('heading', { name: title })).toBeVisible();
  await expect(preview.getByText('Ofsted', { exact: true })).toBeVisible();
  await officer.getByRole('button', { name: 'Hide the email' }).click();

  // Send: one email per chair and clerk of the subscribed boards; sending again sends nothing more.
  const sentAfter = new Date(Date.now() - 1000);
  await officer.getByRole('button', { name: /^Send to \d+ people$/ }).click();
  await expect(officer.getByRole('status').filter({ hasText: 'Sent to' })).toContainText(
    /Sent to \d+ people; skipped 0 unsubscribed; \d+ with no email address\./,
  );
  await expect(officer.getByTestId('bulletin-state')).toContainText(/Sent .* to \d+ people\./);
  await expect(officer.getByRole('button', { name: 'Nobody new to send to' })).toBeDisabled();
  await officer.getByRole('link', { name: 'Governor bulletins' }).click();
  const row = officer.getByTestId('bulletin-row').filter({ hasText: title });
  await expect(row).not.toContainText('Draft');

  // The clerk of St Catherine's gets it (the outbox holds it: no SMTP server) and unsubscribes, signed out.
  const link = await latestEmailedLink(
    'clerk@stcatherines.sch.example',
    /https?:\/\/\S+\/unsubscribe\/barnet\/\S+/,
    sentAfter,
  );
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(link);
  // Opening the link changes nothing (mail scanners open links): the clerk presses Unsubscribe.
  await expect(visitor.getByRole('heading', { name: 'Unsubscribe from governor bulletins' })).toBeVisible();
  await expect(visitor.getByText('clerk@stcatherines.sch.example receives Barnet')).toBeVisible();
  await expectAccessible(visitor);
  await visitor.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(visitor.getByRole('heading', { name: 'You have unsubscribed' })).toBeVisible();
  await expect(visitor.getByRole('status')).toContainText(
    'clerk@stcatherines.sch.example will receive no more governor bulletins from Barnet',
  );
  await expectAccessible(visitor);

  // The next bulletin skips the unsubscribed clerk.
  const next = `Summer term bulletin ${tag}`;
  await officer.getByLabel('Title').fill(next);
  await officer
    .getByLabel('Bulletin', { exact: true })
    .fill('The summer term: the annual governance statement and the skills audit.');
  await officer.getByRole('button', { name: 'Save and preview' }).click();
  await expect(officer.getByRole('heading', { name: next, level: 1 })).toBeVisible();
  const skipped = officer.getByTestId('audience');
  await expect(skipped).toContainText('Skipped: unsubscribed');
  const nextAfter = new Date(Date.now() - 1000);
  await officer.getByRole('button', { name: /^Send to \d+ people$/ }).click();
  await expect(officer.getByRole('status').filter({ hasText: 'Sent to' })).toContainText(
    /skipped [1-9]\d* unsubscribed/,
  );
  const chairLink = await latestEmailedLink(
    'chair@stcatherines.sch.example',
    /https?:\/\/\S+\/unsubscribe\/barnet\/\S+/,
    nextAfter,
  );
  expect(chairLink).toContain('/unsubscribe/barnet/');
  await expect(
    latestEmailedLink('clerk@stcatherines.sch.example', /\/unsubscribe\/barnet\/\S+/, nextAfter),
  ).rejects.toThrow('no email with a matching link');

  // The chair's mail client uses the List-Unsubscribe header instead: an RFC 8058 one-click POST, no sign-in.
  const oneClick = await visitor.request.post(`${chairLink}/one-click`, {
    form: { 'List-Unsubscribe': 'One-Click' },
  });
  expect(oneClick.status()).toBe(200);
  expect(await oneClick.text()).toContain('chair@stcatherines.sch.example is unsubscribed');
  const forged = await visitor.request.post(`${chairLink}x/one-click`, {
    form: { 'List-Unsubscribe': 'One-Click' },
  });
  expect(forged.status()).toBe(404);
});
