import { expect, test, type Page } from '@playwright/test';
import { signInAndWait } from './support';

const ELECTION = 'Early elections of district akims (demo)';

async function openAktobeList(page: Page) {
  await page.goto('/staff/lists');
  const section = page.getByRole('region', { name: ELECTION });
  await section.getByRole('link', { name: 'Aktobe Region' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Aktobe Region');
}

const csv = (rows: string[]) => ({
  name: 'precincts.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(['constituency_code,precinct_number,address,voters_on_list', ...rows].join('\n')),
});

test('an operator drafts a list with a CSV import, a reviewer returns it, then approves the fixed list; the public sees it', async ({ browser }) => {
  const operatorContext = await browser.newContext();
  const operator = await operatorContext.newPage();
  await signInAndWait(operator, 'operator.aktobe@demo.kz');
  await openAktobeList(operator);
  await operator.getByRole('button', { name: 'Start drafting the list' }).click();
  await expect(operator.getByRole('form', { name: 'Draft constituency list' })).toBeVisible();

  await operator.getByRole('button', { name: 'Add constituency' }).click();
  const first = operator.getByRole('group', { name: 'Constituency 1' });
  await first.getByLabel('Code').fill('aktobe-e2e-kargaly');
  await first.getByLabel('Name in Kazakh').fill('Қарғалы ауданы');
  await first.getByLabel('Name in Russian').fill('Каргалинский район');
  await first.getByLabel('Name in English').fill('Kargaly District (E2E)');
  await first.getByRole('button', { name: 'Add precinct' }).click();
  await first.getByLabel('Precinct number, row 1').fill('1');
  await first.getByLabel('Address, row 1').fill('Badamsha, School No. 1');
  await first.getByLabel('Voters on the list, row 1').fill('-3');
  await operator.getByRole('button', { name: 'Save draft' }).click();
  await expect(first.getByText('The number of voters cannot be negative.')).toBeVisible();
  await first.getByLabel('Voters on the list, row 1').fill('1500');
  await expect(operator.getByTestId('draft-totals')).toContainText('1,500');
  await operator.getByRole('button', { name: 'Save draft' }).click();
  await expect(operator.getByTestId('list-changes')).toContainText('Constituency aktobe-e2e-kargaly (Kargaly District (E2E)) added: 1 precinct, 1,500 voters');

  // A file with one bad row is refused whole, with the line named.
  await operator
    .getByLabel('CSV or Excel file')
    .setInputFiles(csv(['aktobe-e2e-kargaly,1,"Badamsha, School No. 1",1500', 'aktobe-e2e-kargaly,2,Stepnoye club,abc']));
  await expect(operator.getByRole('alert').filter({ hasText: 'The file has 1 error' })).toBeVisible();
  await expect(operator.getByTestId('file-errors').getByRole('row').nth(1)).toContainText('3');
  await expect(operator.getByTestId('file-errors')).toContainText('Enter a whole number.');
  await operator
    .getByLabel('CSV or Excel file')
    .setInputFiles(csv(['aktobe-e2e-kargaly,1,"Badamsha, School No. 1",1500', 'aktobe-e2e-kargaly,2,Stepnoye club,820']));
  await expect(operator.getByRole('status').filter({ hasText: '2 precincts imported.' })).toBeVisible();
  await expect(operator.getByTestId('draft-totals')).toContainText('2,320');
  await operator.getByRole('button', { name: 'Submit for review' }).click();
  await operator.getByRole('dialog', { name: 'Submit the list for review?' }).getByRole('button', { name: 'Submit for review' }).click();
  await expect(operator.getByRole('heading', { name: /Revision 1/ })).toContainText('Submitted');
  await expect(operator.getByTestId('notice')).toContainText('The list has been submitted for review.');

  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signInAndWait(reviewer, 'reviewer.aktobe@demo.kz');
  await reviewer.goto('/staff/lists/review');
  await reviewer.getByRole('link', { name: /Aktobe Region · Revision 1/ }).click();
  await reviewer.getByLabel('Comment for the operator (required to return)').fill('Precinct 2: voters must match the register of 1 October (835).');
  await reviewer.getByRole('button', { name: 'Return for correction' }).click();
  await reviewer.getByRole('dialog', { name: 'Return the list for correction?' }).getByRole('button', { name: 'Return for correction' }).click();
  await expect(reviewer.getByRole('heading', { name: /Revision 1/ })).toContainText('Returned');
  await expect(reviewer.getByTestId('notice')).toContainText('The list has been returned to the operator with your comment.');

  await operator.reload();
  await expect(operator.getByRole('note')).toContainText('voters must match the register');
  await operator.getByRole('group', { name: 'Constituency 1' }).getByLabel('Voters on the list, row 2').fill('835');
  await operator.getByRole('button', { name: 'Save draft' }).click();
  await expect(operator.getByTestId('list-changes')).toContainText('added: 2 precincts, 2,335 voters');
  await operator.getByRole('button', { name: 'Submit for review' }).click();
  await operator.getByRole('dialog').getByRole('button', { name: 'Submit for review' }).click();
  await expect(operator.getByRole('heading', { name: /Revision 1/ })).toContainText('Submitted');
  // After resubmission the reviewer's old comment is history, no longer a request.
  await expect(operator.getByTestId('return-comment')).toHaveCount(0);
  await expect(operator.getByTestId('return-history')).toContainText(/Earlier returned for correction by .*voters must match the register/);

  await reviewer.reload();
  await expect(reviewer.getByTestId('open-totals')).toContainText('2,335');
  await expect(reviewer.getByRole('note')).toHaveCount(0);
  await reviewer.getByRole('button', { name: 'Approve list' }).click();
  await reviewer.getByRole('dialog', { name: 'Approve this list?' }).getByRole('button', { name: 'Approve the list' }).click();
  await expect(reviewer.getByTestId('approved-totals')).toContainText('2,335');
  await expect(reviewer.getByTestId('notice')).toContainText('The list has been approved and is now in force.');

  const visitor = await browser.newPage();
  await visitor.goto('/constituencies?election=akim-2027-early');
  const aktobe = visitor.getByRole('region', { name: 'Aktobe Region' });
  const row = aktobe.getByRole('row', { name: /Kargaly District \(E2E\)/ });
  await expect(row).toContainText('2');
  await expect(row).toContainText('2,335');
  await visitor.getByRole('button', { name: 'Русский' }).click();
  await expect(visitor.getByRole('row', { name: /Каргалинский район/ })).toBeVisible();

  await operatorContext.close();
  await reviewerContext.close();
});

test('the precinct CSV route obeys the same guard as the pages', async ({ browser, request }) => {
  const anonymous = await request.get('/staff/lists/1/aktobe/precincts.csv', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, 'operator.almaty@demo.kz');
  const own = await page.request.get('/staff/lists/1/almaty/precincts.csv');
  expect(own.status()).toBe(200);
  expect((await own.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('constituency_code,precinct_number,address,voters_on_list');
  const other = await page.request.get('/staff/lists/1/aktobe/precincts.csv');
  expect(other.status()).toBe(403);
  expect((await page.request.get('/staff/lists/1/almaty/precincts.xlsx')).status()).toBe(200);
  expect((await page.request.get('/staff/lists/1/aktobe/precincts.xlsx')).status()).toBe(403);
  expect((await page.request.get('/staff/lists/1/almaty/precincts.ods')).status()).toBe(404);
  await context.close();
});
