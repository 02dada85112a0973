import { expect, test } from '@playwright/test';
import { signInAndWait } from './support';

test('the audit log reads in words: what was done, by whom, each changed field before and after; filtered and exported', async ({ page }) => {
  await signInAndWait(page, 'admin@demo.kz');
  // A change to audit: the short name of a party in the registry.
  await page.goto('/staff/admin/parties');
  await page.getByRole('link', { name: 'Edit Respublica' }).click();
  const form = page.getByRole('form', { name: 'Edit party' });
  await form.getByLabel('Short name').fill('Respublica (audit e2e)');
  await form.getByRole('button', { name: 'Save party' }).click();
  await expect(page.getByText('The party has been saved.')).toBeVisible();

  await page.goto('/staff/admin/audit');
  const filters = page.getByRole('form', { name: 'Filter the audit log' });
  await filters.getByLabel('Person').fill('admin@demo');
  await filters.getByLabel('Action').selectOption({ label: 'Party record changed' });
  await filters.getByLabel('Record type').selectOption({ label: 'Party' });
  await filters.getByRole('button', { name: 'Apply filter' }).click();
  // Other tests change parties too: narrow to this party's record by the number the entry shows.
  const found = page.getByTestId('audit-entry').filter({ hasText: 'Respublica (audit e2e)' });
  await expect(found).toHaveCount(1);
  const recordNumber = /#(\d+)/.exec(await found.innerText())![1]!;
  await filters.getByLabel('Record number').fill(recordNumber);
  await filters.getByRole('button', { name: 'Apply filter' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'entr' })).toHaveText('1 entry');

  const entry = page.getByTestId('audit-entry');
  await expect(entry.getByText('Party record changed')).toBeVisible();
  await expect(entry).toContainText('Administrator');
  await expect(entry).not.toContainText('{');
  const shortName = entry.getByRole('row', { name: /Short name/ });
  await expect(shortName.getByRole('cell').nth(0)).toHaveText('Respublica');
  await expect(shortName.getByRole('cell').nth(1)).toHaveText('Respublica (audit e2e)');

  await page.getByRole('button', { name: 'Қазақша' }).click();
  await expect(page.getByTestId('audit-entry').getByText('Партия туралы жазба өзгертілді')).toBeVisible();
  await expect(page.getByTestId('audit-entry').getByRole('row', { name: /Қысқаша атауы/ })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();

  // The export holds exactly the filtered entries, Excel-ready.
  const exportLink = page.getByRole('link', { name: 'Download these entries (CSV)' });
  const response = await page.request.get(new URL((await exportLink.getAttribute('href'))!, page.url()).toString());
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = body.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('id,time,user_email,user_name,user_role,action,action_words,record_type,record_id,region,changes');
  expect(lines.filter((line) => /^\d+,/.test(line))).toHaveLength(1);
  expect(lines[1]).toContain('parties.update,Party record changed,party');
  expect(body.toString('utf8')).toContain('Short name: Respublica → Respublica (audit e2e)');
});

test('the audit export obeys the audit permission', async ({ browser, request }) => {
  expect((await request.get('/staff/admin/audit/export.csv', { maxRedirects: 0 })).status()).toBe(307);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, 'operator.aktobe@demo.kz');
  expect((await page.request.get('/staff/admin/audit/export.csv')).status()).toBe(403);
  await context.close();
});
