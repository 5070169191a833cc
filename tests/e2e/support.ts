import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import postgres from 'postgres';

const sql = postgres(process.env.E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/stride_e2e', {
  max: 1,
});

/** Fails on any serious or critical WCAG 2.2 AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const blockingNow = async () => {
    // Next streams metadata after the body on dynamic pages; check the page as a person finally sees it.
    await page.waitForFunction(() => document.title.length > 0);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  };
  let blocking = await blockingNow();
  // A refresh after a form (router.refresh) can swap the head's <title> out and back while axe reads the page
  // (seen once in CI): a missing title is read again once the title is back, every other finding stands.
  if (blocking.some((v) => v.id === 'document-title')) blocking = await blockingNow();
  expect(
    blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
  ).toEqual([]);
}

/** The newest link matching `pattern` emailed to an address (the outbox holds emails when no SMTP server is set). */
export async function latestEmailedLink(
  email: string,
  pattern: RegExp,
  after = new Date(0),
): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt++) {
    // An email's body is written when the email job renders and delivers it: until then its text is null.
    const rows = await sql<{ text: string | null }[]>`
      select text from outbox_emails where "to" = ${email} and created_at >= ${after} order by created_at desc limit 5`;
    const link = rows.map((r) => r.text?.match(pattern)?.[0]).find(Boolean);
    if (link) return link;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email with a matching link reached ${email}`);
}

/**
 * The newest email to an address whose subject matches `subject`, once the email job has rendered its text (the
 * outbox holds emails when no SMTP server is set).
 */
export async function latestEmail(
  email: string,
  subject: RegExp,
  after = new Date(0),
): Promise<{ subject: string; text: string }> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const rows = await sql<{ subject: string; text: string | null }[]>`
      select subject, text from outbox_emails where "to" = ${email} and created_at >= ${after}
      order by created_at desc limit 10`;
    const found = rows.find((r) => subject.test(r.subject) && r.text !== null);
    if (found?.text) return { subject: found.subject, text: found.text };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email with a subject matching ${subject} reached ${email}`);
}

/** Signs in as a real user would: asks for a magic link, opens it from the email. */
export async function signInWithMagicLink(page: Page, email: string) {
  const asked = new Date(Date.now() - 1000);
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const link = await latestEmailedLink(email, /https?:\/\/\S+\/api\/auth\/callback\/email\S+/, asked);
  await page.goto(link);
}

/**
 * Opens the newest invitation to `workspace` emailed to an address, signs in by magic link and accepts it
 * under `name` (`prefilled`: what the name box holds first, the name the inviter gave, or nothing).
 */
export async function acceptInvitation(
  page: Page,
  invite: { email: string; after: Date; workspace: { slug: string; name: string } },
  name: string,
  prefilled = '',
) {
  const { email, workspace } = invite;
  await page.goto(
    await latestEmailedLink(email, /https?:\/\/\S+\/invite\/[a-z0-9-]+\/[A-Za-z0-9_-]+/, invite.after),
  );
  await expect(page.getByRole('heading', { name: 'You have been invited to Stride' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Sign in to accept' }).click();
  const asked = new Date(Date.now() - 1000);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.goto(await latestEmailedLink(email, /https?:\/\/\S+\/api\/auth\/callback\/email\S+/, asked));
  await expect(page.getByRole('heading', { name: `Join ${workspace.name}` })).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue(prefilled);
  await expectAccessible(page);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: `Accept and open ${workspace.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/${workspace.slug}$`));
}
