import { expect, test, type Browser } from '@playwright/test';
import { todayInKazakhstan } from '../lib/calendar';
import { signInAndWait } from './support';

async function session(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, email);
  return { page, close: () => context.close() };
}

test('an operator proposes cancelling a registration; a reviewer records the commission’s decision; the candidate stays listed as cancelled', async ({
  browser,
}) => {
  const operator = await session(browser, 'operator.aktobe@demo.kz');
  await operator.page.goto('/staff/candidates?election=akim-2027');
  await operator.page
    .getByRole('navigation', { name: 'Ballots, elected akims and deposits by constituency' })
    .getByRole('link', { name: 'Alga District' })
    .click();
  const lines = operator.page.getByTestId('ballot-lines').getByRole('listitem');
  await expect(operator.page.getByTestId('ballots-printed')).toContainText('not printed yet');
  const before = await lines.count();
  expect(before).toBeGreaterThanOrEqual(3);
  const second = lines.nth(1).getByRole('link');
  const name = await second.innerText();
  await second.click();
  await expect(operator.page.getByTestId('candidate-status')).toHaveText('Registered');
  const proposal = operator.page.getByRole('form', { name: 'Propose cancelling the registration' });
  await proposal.getByLabel('Legal ground').selectOption({ label: 'Bribery of voters' });
  await proposal.getByLabel('Explanation').fill('Food parcels handed out at a campaign meeting (police report).');
  await proposal.getByRole('button', { name: 'Propose cancellation' }).click();
  await expect(operator.page.getByTestId('cancellation-proposal')).toContainText('Bribery of voters');
  // The proposer cannot record the decision (and an operator never can).
  await expect(operator.page.getByRole('button', { name: 'Record the cancellation' })).toHaveCount(0);

  const reviewer = await session(browser, 'reviewer.aktobe@demo.kz');
  await reviewer.page.goto('/staff/candidates/review');
  await reviewer.page.getByRole('region', { name: 'Proposals to cancel a registration' }).getByRole('link', { name }).click();
  const decision = reviewer.page.getByRole('form', { name: 'Record the commission’s decision on the cancellation' });
  await decision.getByLabel('Decision No.').fill('14/2');
  await decision.getByLabel('Date of the decision').fill(todayInKazakhstan());
  await decision.getByRole('button', { name: 'Record the cancellation' }).click();
  await reviewer.page
    .getByRole('dialog', { name: 'Record the cancellation of the registration?' })
    .getByRole('button', { name: 'Record the cancellation' })
    .click();
  await expect(reviewer.page.getByTestId('candidate-status')).toHaveText('Registration cancelled');
  await expect(reviewer.page.getByTestId('cancellation-note')).toContainText('Bribery of voters');
  await expect(reviewer.page.getByTestId('cancellation-note')).toContainText('decision No. 14/2');

  // Ballots not printed yet: the line is gone and the numbers close up.
  await reviewer.page.goto('/staff/candidates?election=akim-2027');
  await reviewer.page
    .getByRole('navigation', { name: 'Ballots, elected akims and deposits by constituency' })
    .getByRole('link', { name: 'Alga District' })
    .click();
  await expect(reviewer.page.getByTestId('ballot-lines').getByRole('listitem')).toHaveCount(before - 1);
  await expect(reviewer.page.getByTestId('ballot-lines')).not.toContainText(name);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/candidates?election=akim-2027&region=aktobe&status=cancelled');
  const row = visitor.getByTestId('candidate-table').getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Registration cancelled');
  await expect(row).toContainText('Bribery of voters');
  await operator.close();
  await reviewer.close();
});

test('after the results are official the commission’s reviewer registers the elected akim and settles the deposits; the public sees “elected and registered”', async ({
  browser,
}) => {
  const reviewer = await session(browser, 'reviewer.kostanay@demo.kz');
  await expect(reviewer.page.getByTestId('next-deadline').first()).toContainText('left');
  await reviewer.page.goto('/staff/candidates?election=akim-counting');
  await reviewer.page
    .getByRole('navigation', { name: 'Ballots, elected akims and deposits by constituency' })
    .getByRole('link', { name: 'Karabalyk District' })
    .click();
  await expect(reviewer.page.getByTestId('deposit-summary')).toContainText('Refunds due: 2');
  await expect(reviewer.page.getByTestId('deposit-summary')).toContainText('recorded: 0');
  const register = reviewer.page.getByRole('form', { name: 'Record the commission’s decision on the elected akim' });
  await register.getByLabel('Decision No.').fill('3/1');
  await register.getByLabel('Date of the decision').fill(todayInKazakhstan());
  await register.getByRole('button', { name: /^Record the registration of / }).click();
  await reviewer.page
    .getByRole('dialog', { name: /^Record the registration of .* as the elected akim\?$/ })
    .getByRole('button', { name: 'Record the registration' })
    .click();
  await expect(reviewer.page.getByTestId('akim-record')).toContainText('registered as the elected akim by decision No. 3/1');
  const sheetUrl = reviewer.page.url();

  // Each deposit due is paid back and recorded on the candidate's page.
  const due = reviewer.page.getByTestId('deposit-report').getByRole('row').filter({ hasText: 'To be refunded.' });
  const names = await due.getByRole('link').allInnerTexts();
  expect(names).toHaveLength(2);
  for (const name of names) {
    await reviewer.page.goto(sheetUrl);
    await reviewer.page.getByTestId('deposit-report').getByRole('link', { name }).click();
    await reviewer.page.getByRole('form', { name: 'Record the refund of the deposit' }).getByRole('button', { name: 'Record the refund' }).click();
    await reviewer.page.getByRole('dialog', { name: 'Record the refund of the deposit?' }).getByRole('button', { name: 'Record the refund' }).click();
    await expect(reviewer.page.getByTestId('deposit-settlement')).toContainText('Refunded on');
  }
  await reviewer.page.goto(sheetUrl);
  await expect(reviewer.page.getByTestId('deposit-summary')).toContainText('recorded: 2');
  await expect(reviewer.page.getByTestId('deposit-report').getByRole('row').filter({ hasText: 'Not refunded (forfeited).' })).toHaveCount(1);

  const visitor = await (await browser.newContext()).newPage();
  await expect(async () => {
    await visitor.goto('/results/akim-counting/constituency/kostanay-karabalyk');
    await expect(visitor.getByTestId('akim-registration')).toContainText('Elected and registered as akim by the commission’s decision No. 3/1', {
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
  await reviewer.close();
});
