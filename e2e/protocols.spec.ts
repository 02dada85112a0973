import { expect, test, type Page } from '@playwright/test';
import { balanced, candidateLine, line, lineValues, listFigure, session, signInAndWait, typeProtocol } from './support';

async function openFirstMissingPrecinct(page: Page, constituency: string) {
  await page.goto('/staff/protocols?election=akim-counting');
  await page.getByTestId('progress-table').getByRole('link', { name: constituency }).click();
  const row = page
    .getByRole('row')
    .filter({ has: page.getByTestId('protocol-status').getByText('Not entered', { exact: true }) })
    .first();
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Enter the protocol' })).toBeVisible();
  return page.url();
}

/** The "approved" column of the dashboard's total row. */
async function approvedInRegion(page: Page) {
  await page.goto('/staff/protocols?election=akim-counting');
  const row = page.getByTestId('progress-table').getByRole('row', { name: /Total/ });
  return Number((await row.getByRole('cell').nth(5).innerText()).replace(/\D/g, ''));
}

test('two operators enter protocols blind; a match is approved, a mismatch is resolved then approved; results and progress update', async ({ browser }) => {
  const operator = await session(browser, 'operator.aktobe@demo.kz');
  const operator2 = await session(browser, 'operator2.aktobe@demo.kz');
  const reviewer = await session(browser, 'reviewer.aktobe@demo.kz');
  const approvedBefore = await approvedInRegion(reviewer.page);
  // A member of the public watches Kobda's results page (served from the shared caches).
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/results/akim-counting/constituency/aktobe-kobda');
  await expect(visitor.getByTestId('reported')).toContainText('0 of');

  // Matching copies.
  const matchUrl = await openFirstMissingPrecinct(operator.page, 'Martuk District');
  const voters = await listFigure(operator.page);
  const candidateCount = await operator.page.getByLabel(/^10\.\d+ /).count();
  const figures = balanced(voters, candidateCount);
  // A broken relation is named with its line numbers and numbers, and blocks the save.
  const form = operator.page.getByRole('form', { name: 'Protocol entry' });
  const values = lineValues({ ...figures, received: figures.received + 1 });
  for (const [index, value] of values.entries()) await form.getByLabel(line(index + 1)).fill(String(value));
  for (const [index, votes] of figures.votes.entries()) await form.getByLabel(candidateLine(index + 1)).fill(String(votes));
  await form.getByLabel(line(11)).fill(String(figures.againstAll));
  await expect(form.getByTestId('relations')).toContainText(`Line 2, ballots received (${(figures.received + 1).toLocaleString('en-US')}), must equal`);
  await expect(form.getByRole('button', { name: 'Save protocol' })).toBeDisabled();
  await operator.page.reload();
  await typeProtocol(operator.page, figures);
  await expect(operator.page.getByTestId('protocol-status')).toHaveText('Entered once');
  await expect(operator.page.getByText('Another operator must enter the second copy.')).toBeVisible();

  await operator2.page.goto(matchUrl);
  await expect(operator2.page.getByRole('heading', { level: 2, name: 'Enter the second copy' })).toBeVisible();
  await expect(operator2.page.getByTestId('figures-table')).toHaveCount(0);
  await typeProtocol(operator2.page, figures);
  await expect(operator2.page.getByTestId('protocol-status')).toHaveText('Awaiting review');

  await reviewer.page.goto(matchUrl);
  // No image of the paper was attached: approval needs the reviewer's reason.
  await reviewer.page.getByRole('button', { name: 'Approve protocol' }).click();
  // It asks first, naming what approval does.
  await expect(reviewer.page.getByRole('dialog', { name: 'Approve this protocol?' })).toContainText('count in the constituency');
  await reviewer.page.getByRole('dialog', { name: 'Approve this protocol?' }).getByRole('button', { name: 'Approve the protocol' }).click();
  await expect(reviewer.page.getByLabel('Reason for approving without an image')).toHaveAttribute('aria-invalid', 'true');
  await reviewer.page.getByLabel('Reason for approving without an image').fill('Checked against the paper at the district commission');
  await reviewer.page.getByRole('button', { name: 'Approve protocol' }).click();
  await reviewer.page.getByRole('dialog', { name: 'Approve this protocol?' }).getByRole('button', { name: 'Approve the protocol' }).click();
  await expect(reviewer.page.getByTestId('protocol-status')).toHaveText('Approved');
  await expect(reviewer.page.getByTestId('notice')).toContainText('The protocol has been approved');

  // A genuine protocol: 37 voters added on the day, 12 ballots taken out in mobile boxes.
  // The copies differ in the mobile-box line; the reviewer resolves the disputed fields from the paper.
  const mismatchUrl = await openFirstMissingPrecinct(operator.page, 'Kobda District');
  const temirFigures = balanced(await listFigure(operator.page), await operator.page.getByLabel(/^10\.\d+ /).count(), { added: 37, outside: 12 });
  await operator.page.getByLabel(line(1)).fill(String(temirFigures.atClose));
  await expect(operator.page.getByTestId('voters-added')).toHaveText('+37 added on the day');
  await operator.page.getByLabel(line(1)).fill('');
  await operator.page.getByLabel(line(1)).focus();
  await typeProtocol(operator.page, temirFigures);
  await expect(operator.page.getByTestId('protocol-status')).toHaveText('Entered once');
  await operator2.page.goto(mismatchUrl);
  const typo = { ...temirFigures, stationary: temirFigures.stationary + 1, mobile: temirFigures.mobile - 1 };
  await typeProtocol(operator2.page, typo);
  await expect(operator2.page.getByTestId('protocol-status')).toHaveText('Copies differ');

  await reviewer.page.goto(mismatchUrl);
  await expect(reviewer.page.getByTestId('figures-table').locator('tr[data-differs]')).toHaveCount(2);
  await expect(reviewer.page.getByTestId('figures-table').locator('tr[data-line="ballotsFoundMobile"]')).toHaveAttribute('data-differs', 'true');
  const resolution = reviewer.page.getByRole('form', { name: 'Resolve the differing fields' });
  await expect(resolution.getByLabel(line(2))).toHaveAttribute('readonly', '');
  await resolution.getByLabel(line(5)).fill(String(temirFigures.stationary));
  await resolution.getByLabel(line(6)).fill(String(temirFigures.mobile));
  await resolution.getByRole('button', { name: 'Save resolution' }).click();
  await expect(reviewer.page.getByTestId('protocol-status')).toHaveText('Awaiting review');
  await reviewer.page.getByLabel('Reason for approving without an image').fill('Checked against the paper at the district commission');
  await reviewer.page.getByRole('button', { name: 'Approve protocol' }).click();
  await reviewer.page.getByRole('dialog', { name: 'Approve this protocol?' }).getByRole('button', { name: 'Approve the protocol' }).click();
  await expect(reviewer.page.getByTestId('protocol-status')).toHaveText('Approved');
  await expect(reviewer.page.getByTestId('notice')).toContainText('The protocol has been approved');
  await expect(reviewer.page.getByRole('region', { name: 'Approved figures' }).getByRole('row', { name: /Ballots found in mobile boxes/ })).toContainText(
    String(temirFigures.mobile),
  );

  expect(await approvedInRegion(reviewer.page)).toBe(approvedBefore + 2);
  await reviewer.page.getByTestId('progress-table').getByRole('link', { name: 'Kobda District' }).click();
  await expect(reviewer.page.getByTestId('reported')).toContainText('1 of');
  // The public sees the approval within seconds (results poll + page cache, decisions 004 and 005).
  await expect(async () => {
    await visitor.reload();
    await expect(visitor.getByTestId('reported')).toContainText('1 of', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // The public precinct page shows both kinds of boxes and the voters added on the day.
  await visitor.goto(mismatchUrl.replace(/.*\/staff\/protocols\/precinct\//, '/results/akim-counting/precinct/'));
  const boxes = visitor.getByTestId('boxes');
  await expect(boxes).toContainText(`in stationary boxes: ${temirFigures.stationary.toLocaleString('en-US')}`);
  await expect(boxes).toContainText(`in mobile boxes (voting outside the premises): ${temirFigures.mobile}`);
  await expect(boxes).toContainText('37 added on the day');

  await operator.close();
  await operator2.close();
  await reviewer.close();
});

test('an observer sees progress and results but no entry form', async ({ page }) => {
  await signInAndWait(page, 'observer@demo.kz');
  await page.goto('/staff/protocols?election=akim-2023');
  await expect(page.getByTestId('progress-table').getByRole('row', { name: /Total/ })).toContainText('1,491');
  await page.getByTestId('progress-table').getByRole('link').first().click();
  await expect(page.getByTestId('outcome')).toContainText('Elected:');
  await page.getByRole('link', { name: /^\d+$/ }).first().click();
  await expect(page.getByRole('form')).toHaveCount(1); // the language switch only
  await expect(page.getByTestId('figures-table')).toBeVisible();
});
