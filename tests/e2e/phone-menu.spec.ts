import { expect, test } from '@playwright/test';
import { expectAccessible, signInWithMagicLink } from './support';

test.use({ viewport: { width: 390, height: 844 } });

test('on a phone the workspace navigation waits behind a menu button', async ({ page }) => {
  await signInWithMagicLink(page, 'manager@bep.example');
  await expect(page).toHaveURL(/\/bep$/);
  const menu = page.getByRole('button', { name: 'Menu' });
  const nav = page.getByRole('navigation', { name: 'Workspace' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();
  // The closed menu leaves the page's own content at the top of the screen.
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('menu-closed.png') });
  await expectAccessible(page);

  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'Schools' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('menu-open.png') });
  await expectAccessible(page);

  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();

  await menu.click();
  await nav.getByRole('link', { name: 'Schools' }).click();
  await expect(page.getByRole('heading', { name: 'Schools', level: 1 })).toBeVisible();
  await expect(nav).toBeHidden();
});
