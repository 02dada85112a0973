import { expect, test } from '@playwright/test';

test('the home page shows the demo elections with their figures', async ({ page }) => {
  await page.goto('/');
  const pilot = page.getByRole('article').filter({ hasText: 'Pilot elections' });
  await expect(pilot).toContainText('45');
  await expect(pilot).toContainText('1,491');
  await expect(pilot).toContainText('1,062,327');
  await expect(pilot).toContainText('161');
});

test('the language switch changes the interface language and keeps the page', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вход для сотрудников');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await page.getByRole('button', { name: 'Қазақша' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff sign-in');
});
