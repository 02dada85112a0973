import { expect, test, type Page } from '@playwright/test';
import { balanced, session, signInAndWait, typeProtocol } from './support';

async function openFirstMissingPrecinct(page: Page, constituency: string) {
  await page.goto('/staff/protocols?election=akim-counting');
  await page.getByTestId('progress-table').getByRole('link', { name: constituency }).click();
  const row = page.getByRole('row').filter({ has: page.getByTestId('protocol-status').getByText('Not entered', { exact: true }) }).first();
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
  const voters = Number((await operator.page.getByTestId('voters-on-list').innerText()).replace(/\D/g, ''));
  const candidateCount = await operator.page.getByLabel(/^No\. \d+ /).count();
  const figures = balanced(voters, candidateCount);
  // A broken relation is named with its numbers and blocks the save.
  const form = operator.page.getByRole('form', { name: 'Protocol entry' });
  await form.getByLabel('Ballots received').fill(String(figures.received + 1));
  await form.getByLabel('Ballots issued to voters').fill(String(figures.issued));
  await form.getByLabel('Ballots found in the boxes').fill(String(figures.cast));
  await form.getByLabel('Spoiled and cancelled ballots').fill(String(figures.spoiled));
  await form.getByLabel('Unused ballots').fill(String(figures.unused));
  await form.getByLabel('Invalid ballots').fill(String(figures.invalid));
  for (const [index, votes] of figures.votes.entries()) await form.getByLabel(new RegExp(`^No\\. ${index + 1} `)).fill(String(votes));
  await form.getByLabel('Against all').fill(String(figures.againstAll));
  await expect(form.getByTestId('relations')).toContainText(`Ballots received (${(figures.received + 1).toLocaleString('en-US')}) must equal`);
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

  // Differing copies: the reviewer resolves the disputed fields from the paper.
  const mismatchUrl = await openFirstMissingPrecinct(operator.page, 'Kobda District');
  const temirFigures = balanced(
    Number((await operator.page.getByTestId('voters-on-list').innerText()).replace(/\D/g, '')),
    await operator.page.getByLabel(/^No\. \d+ /).count(),
  );
  await typeProtocol(operator.page, temirFigures);
  await expect(operator.page.getByTestId('protocol-status')).toHaveText('Entered once');
  await operator2.page.goto(mismatchUrl);
  const typo = { ...temirFigures, invalid: temirFigures.invalid - 1, votes: [temirFigures.votes[0]! + 1, ...temirFigures.votes.slice(1)] };
  await typeProtocol(operator2.page, typo);
  await expect(operator2.page.getByTestId('protocol-status')).toHaveText('Copies differ');

  await reviewer.page.goto(mismatchUrl);
  await expect(reviewer.page.getByTestId('figures-table').locator('tr[data-differs]')).toHaveCount(2);
  const resolution = reviewer.page.getByRole('form', { name: 'Resolve the differing fields' });
  await expect(resolution.getByLabel('Ballots received')).toHaveAttribute('readonly', '');
  await resolution.getByLabel('Invalid ballots').fill(String(temirFigures.invalid));
  await resolution.getByLabel(/^No\. 1 /).fill(String(temirFigures.votes[0]));
  await resolution.getByRole('button', { name: 'Save resolution' }).click();
  await expect(reviewer.page.getByTestId('protocol-status')).toHaveText('Awaiting review');
  await reviewer.page.getByLabel('Reason for approving without an image').fill('Checked against the paper at the district commission');
  await reviewer.page.getByRole('button', { name: 'Approve protocol' }).click();
  await reviewer.page.getByRole('dialog', { name: 'Approve this protocol?' }).getByRole('button', { name: 'Approve the protocol' }).click();
  await expect(reviewer.page.getByTestId('protocol-status')).toHaveText('Approved');
  await expect(reviewer.page.getByTestId('notice')).toContainText('The protocol has been approved');
  await expect(reviewer.page.getByRole('region', { name: 'Approved figures' }).getByRole('row', { name: /Invalid ballots/ })).toContainText(String(temirFigures.invalid));

  expect(await approvedInRegion(reviewer.page)).toBe(approvedBefore + 2);
  await reviewer.page.getByTestId('progress-table').getByRole('link', { name: 'Kobda District' }).click();
  await expect(reviewer.page.getByTestId('reported')).toContainText('1 of');
  // The public sees the approval within seconds (results poll + page cache, decisions 004 and 005).
  await expect(async () => {
    await visitor.reload();
    await expect(visitor.getByTestId('reported')).toContainText('1 of', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

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
