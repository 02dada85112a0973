import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readSheet } from 'read-excel-file/universal';
import writeExcelFile from 'write-excel-file/node';
import { signInAndWait } from './support';

/**
 * The files clerks actually have: Excel's CSV in a Kazakh/Russian locale (UTF-8 with a BOM or
 * Windows-1251, semicolons, CRLF, commas in addresses) and the workbook itself. The CSV fixtures
 * are byte-exact files in e2e/fixtures; each has one bad row, and is then imported without it.
 */
const CODE = 'pavlodar-e2e-files';
const fixture = (name: string) => readFileSync(`e2e/fixtures/${name}`);
const UTF8 = 'precincts-excel-utf8-bom-semicolon.csv';
const WINDOWS_1251 = 'precincts-excel-windows-1251.csv';

/** The same bytes without one line (CRLF line ends), as the clerk would fix the file. */
function withoutLine(bytes: Buffer, line: number): Buffer {
  const lines: Buffer[] = [];
  let start = 0;
  for (let index = bytes.indexOf('\r\n'); index !== -1; index = bytes.indexOf('\r\n', start)) {
    lines.push(bytes.subarray(start, index + 2));
    start = index + 2;
  }
  return Buffer.concat(lines.filter((_, index) => index !== line - 1));
}

const upload = (page: Page, name: string, buffer: Buffer, mimeType = 'text/csv') =>
  page.getByLabel('CSV or Excel file').setInputFiles({ name, mimeType, buffer });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function expectOneError(page: Page, line: number, problem: string) {
  await expect(page.getByRole('alert').filter({ hasText: 'The file has 1 error' })).toBeVisible();
  const errorRow = page.getByTestId('file-errors').getByRole('row').nth(1);
  await expect(errorRow.getByRole('cell').first()).toHaveText(String(line));
  await expect(errorRow).toContainText(problem);
}

test('an operator imports Excel CSV in UTF-8 and Windows-1251 and an Excel workbook; bad rows are named and nothing is written', async ({ page }) => {
  await signInAndWait(page, 'operator.pavlodar@demo.kz');
  await page.goto('/staff/lists');
  await page.getByRole('region', { name: 'Early elections of district akims (demo)' }).getByRole('link', { name: 'Pavlodar Region' }).click();
  await page.getByRole('button', { name: 'Start drafting the list' }).click();
  await page.getByRole('button', { name: 'Add constituency' }).click();
  const constituency = page.getByRole('group', { name: 'Constituency 1' });
  await constituency.getByLabel('Code').fill(CODE);
  await constituency.getByLabel('Name in Kazakh').fill('Файлдар ауданы');
  await constituency.getByLabel('Name in Russian').fill('Файловый район');
  await constituency.getByLabel('Name in English').fill('Files District (E2E)');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('list-changes')).toContainText(`Constituency ${CODE}`);
  await expect(page.getByTestId('draft-totals')).toHaveText('1 constituency · 0 precincts · 0 voters on the lists');

  // UTF-8 with BOM, ';', CRLF: "12,5" voters on line 4 is the one error; the quoted and unquoted commas are fine.
  await upload(page, UTF8, fixture(UTF8));
  await expectOneError(page, 4, 'Enter a whole number.');
  await expect(page.getByTestId('file-source')).toHaveText('Read as UTF-8, separator: semicolon.');
  await expect(page.getByTestId('draft-totals')).toContainText('0 precincts');

  await upload(page, WINDOWS_1251, fixture(WINDOWS_1251));
  await expectOneError(page, 3, 'No constituency with this code in the draft.');
  await expect(page.getByTestId('file-source')).toHaveText('Read as Windows-1251, separator: semicolon.');

  const sheet = (voters: number | string) => [
    ['constituency_code', 'precinct_number', 'address', 'voters_on_list'],
    [CODE, 1, 'Павлодар қ., Естай к-сі, 5', 900],
    [CODE, 2, 'Павлодар қ., Торайғыров к-сі, 64', voters],
  ];
  await upload(page, 'precincts.xlsx', await writeExcelFile(sheet('много')).toBuffer(), XLSX);
  await expectOneError(page, 3, 'Enter a whole number.');
  await expect(page.getByTestId('file-errors').getByRole('columnheader').first()).toHaveText('Sheet row');
  await expect(page.getByTestId('file-source')).toHaveText('Read from the first sheet of the workbook.');

  await upload(page, 'precincts.xlsx', await writeExcelFile(sheet(700)).toBuffer(), XLSX);
  await expect(page.getByRole('status').filter({ hasText: '2 precincts imported. Read from the first sheet of the workbook.' })).toBeVisible();
  await expect(page.getByTestId('draft-totals')).toContainText('1,600');

  await upload(page, WINDOWS_1251, withoutLine(fixture(WINDOWS_1251), 3));
  await expect(page.getByRole('status').filter({ hasText: '2 precincts imported. Read as Windows-1251, separator: semicolon.' })).toBeVisible();
  await expect(constituency.getByLabel('Address, row 1')).toHaveValue('г. Абай, ул. Абая, 1, школа "Болашак"');

  await upload(page, UTF8, withoutLine(fixture(UTF8), 4));
  await expect(page.getByRole('status').filter({ hasText: '3 precincts imported. Read as UTF-8, separator: semicolon.' })).toBeVisible();
  await expect(constituency.getByLabel('Address, row 1')).toHaveValue('Абай қ., Абай к-сі, 1, "Болашақ" мектебі');
  await expect(constituency.getByLabel('Address, row 2')).toHaveValue('Абай қ., Құнанбаев к-сі, 15, мәдениет үйі');
  await expect(page.getByTestId('draft-totals')).toContainText('2,670');

  // The Excel template holds the draft as it now is, ready to edit and import again.
  const template = await page.request.get(page.url() + '/precincts.xlsx');
  expect(template.headers()['content-type']).toContain('spreadsheetml');
  const rows = await readSheet(await template.body().then((body) => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer));
  expect(rows[0]).toEqual(['constituency_code', 'precinct_number', 'address', 'voters_on_list']);
  expect(rows.slice(1).map((row) => row[2])).toContain('Абай қ., Құнанбаев к-сі, 15, мәдениет үйі');
});
