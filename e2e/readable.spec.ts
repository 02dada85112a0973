import { expect, test } from '@playwright/test';
import { signInAndWait } from './support';

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

test('the public results open on the election being counted, with totals and spacing that read right', async ({ page }) => {
  await page.goto('/results');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Elections of district akims (demo, counting)');
  // The voters on the lists are all of them; the part in reported precincts is said separately.
  const voters = page.getByTestId('headline').getByText('Voters on the lists', { exact: true }).locator('..');
  await expect(voters).toContainText('of them in the reported precincts');
  // "(AMANAT Party) (leading)": a real space between the party and the state of the count.
  const leading = page.getByTestId('winners-table').getByRole('cell').filter({ hasText: '(leading)' }).first();
  await expect(leading).toHaveText(/\) \(leading\)$/);
});

test('the public candidate filter offers only the chosen region’s constituencies', async ({ page }) => {
  await page.goto('/candidates?election=akim-2027');
  const constituency = page.getByLabel('Constituency');
  await expect(constituency.locator('option')).toContainText(['Karasay District', 'Shalkar District']);
  await page.getByLabel('Region').selectOption({ label: 'Almaty Region' });
  await expect(constituency.locator('option', { hasText: 'Shalkar District' })).toHaveCount(0);
  await expect(constituency.locator('option', { hasText: 'Karasay District' })).toHaveCount(1);
});

test('staff navigation: the current page is marked, dashboard figures open their queues, users can be searched, dates read as dates', async ({ page }) => {
  await signInAndWait(page, 'admin@demo.kz');
  const navigation = page.getByRole('navigation', { name: 'Staff navigation' });
  await expect(navigation.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
  await page
    .getByRole('link', { name: /^Lists waiting for review: / })
    .first()
    .click();
  await expect(page).toHaveURL(/\/staff\/lists\/review$/);
  await expect(navigation.getByRole('link', { name: 'Constituency lists' })).toHaveAttribute('aria-current', 'page');
  await expect(navigation.getByRole('link', { name: 'Dashboard' })).not.toHaveAttribute('aria-current', 'page');

  await navigation.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('searchbox', { name: 'Find a user' }).fill('almaty');
  await page.getByRole('button', { name: 'Search' }).click();
  const emails = await page.locator('tbody tr td:nth-child(2)').allInnerTexts();
  expect(emails.length).toBeGreaterThan(1);
  for (const email of emails) expect(email).toContain('almaty');

  for (const path of ['/staff/elections', '/staff/lists/review', '/staff/candidates/review']) {
    await page.goto(path);
    expect(await page.locator('main').innerText(), path).not.toMatch(ISO_DATE);
  }
});
