import { expect, test } from '@playwright/test';
import { expectAccessible, signInWithMagicLink } from './support';

// An id that is not an id (a link cut short where an email wrapped it) is a page that does not exist: the 404
// page, never a server error. Every page with an id in its address, for someone allowed to see that kind of page.
const bad = 'abc123';
const byUser: Record<string, string[]> = {
  'manager@hsip.example': [
    `/hsip/catalogue/${bad}`,
    `/hsip/commissioning/${bad}`,
    `/hsip/courses/${bad}`,
    `/hsip/courses/${bad}/book`,
    `/hsip/courses/${bad}/edit`,
    `/hsip/courses/${bad}/evaluations`,
    `/hsip/courses/${bad}/register`,
    `/hsip/courses/places/${bad}/evaluate`,
    `/hsip/courses/places/${bad}/substitute`,
    `/hsip/governance/${bad}`,
    `/hsip/governance/${bad}/published`,
    `/hsip/governance/${bad}/training`,
    `/hsip/governance/bulletins/${bad}`,
    `/hsip/governance/training/${bad}`,
    `/hsip/induction/${bad}`,
    `/hsip/invoices/${bad}`,
    `/hsip/invoices/statement/${bad}`,
    `/hsip/register/${bad}`,
    `/hsip/schools/${bad}`,
    `/courses/hsip/${bad}`,
    `/courses/hsip/claim/${bad}`,
    `/courses/hsip/evaluate/${bad}`,
    `/courses/hsip/place/${bad}`,
    `/invite/hsip/${bad}`,
    `/unsubscribe/hsip/${bad}`,
  ],
  'la.officer@barnet.example': [
    `/barnet/concern/${bad}`,
    `/barnet/concern/${bad}/plan`,
    `/barnet/concern/${bad}/interventions`,
    `/barnet/concern/meetings/${bad}`,
    `/barnet/concern/open/${bad}`,
    `/barnet/visits/notes/${bad}`,
    `/barnet/register/${bad}`,
  ],
  'platform@stride.example': [`/platform/${bad}`],
};

// A place link's own 404 says why such a link stops working (a new one is emailed when the course's dates move).
const headingOf = (path: string) =>
  path.startsWith('/courses/hsip/place/') ? 'This link to a place no longer works' : 'Page not found';

test('an address whose id is cut short is "Page not found", never a server error', async ({ browser }) => {
  test.setTimeout(120_000);
  for (const [email, paths] of Object.entries(byUser)) {
    const page = await (await browser.newContext()).newPage();
    await signInWithMagicLink(page, email);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(headingOf(path));
    }
    await expectAccessible(page);
    await page.context().close();
  }
});
