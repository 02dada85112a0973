import { expect, test, type Page } from '@playwright/test';
import { todayInKazakhstan } from '../lib/calendar';
import { iinFor, nominate as nominateIn, signInAndWait, type Nominee } from './support';

const ELECTION = 'akim-2027';

const nominate = async (page: Page, nominee: Omit<Nominee, 'constituency'>) => {
  await nominateIn(page, ELECTION, { ...nominee, constituency: 'Shalkar District' });
  await expect(page.getByRole('heading', { level: 1, name: nominee.name })).toBeVisible();
};

test('a short-of-signatures self-nominee is refused with a ground; a valid party nominee is registered and listed publicly', async ({ browser }) => {
  const operatorContext = await browser.newContext();
  const operator = await operatorContext.newPage();
  await signInAndWait(operator, 'operator.aktobe@demo.kz');

  // The form checks the IIN against the date of birth before anything is sent.
  await operator.goto(`/staff/candidates?election=${ELECTION}`);
  await operator.getByRole('link', { name: 'Nominate a candidate' }).click();
  await operator.getByLabel('IIN').fill(iinFor('1984-02-10', 'female'));
  await operator.getByLabel('Date of birth').fill('1984-02-11');
  await operator.getByLabel('Sex').selectOption('female');
  await operator.getByRole('button', { name: 'Save nomination' }).click();
  await expect(operator.getByText('The IIN does not match the date of birth entered.')).toBeVisible();

  await nominate(operator, { name: 'Айгүл Серікқызы Тәжібаева', birthDate: '1984-02-10', sex: 'female', signatures: '12' });
  const signatures = operator.locator('[data-check="signatures"]');
  await expect(signatures).toContainText('Failed');
  await expect(signatures).toContainText('12 valid signatures');
  await nominate(operator, { name: 'Ерлан Маратұлы Жақсыбеков', birthDate: '1979-09-23', sex: 'male', party: 'Respublica Party' });

  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signInAndWait(reviewer, 'reviewer.aktobe@demo.kz');
  await reviewer.goto('/staff/candidates/review');
  await reviewer.getByRole('link', { name: 'Айгүл Серікқызы Тәжібаева' }).click();
  await expect(reviewer.locator('[data-check="signatures"]')).toContainText('Failed');
  await expect(reviewer.getByRole('button', { name: 'Record registration' })).toBeDisabled();
  // Grounds tied to a check that has not failed are not offered (citizenship is still pending).
  await expect(reviewer.getByLabel('Legal ground').locator('option', { hasText: 'Not a citizen of Kazakhstan' })).toHaveCount(0);
  await reviewer.getByLabel('Decision No.').fill('7/2');
  await reviewer.getByLabel('Date of the decision').fill(todayInKazakhstan());
  await reviewer.getByLabel('Legal ground').selectOption({ label: 'Too few valid supporting signatures' });
  await reviewer.getByLabel('Explanation').fill('12 valid signatures; at least 1% of the voters on the lists are required.');
  await reviewer.getByRole('button', { name: 'Record refusal' }).click();
  await reviewer.getByRole('dialog', { name: 'Record the refusal?' }).getByRole('button', { name: 'Record refusal' }).click();
  await expect(reviewer.getByTestId('candidate-status')).toHaveText('Refused registration');
  await expect(reviewer.getByRole('note')).toContainText('Too few valid supporting signatures');
  await expect(reviewer.getByRole('note')).toContainText('decision No. 7/2');

  await reviewer.goto('/staff/candidates/review');
  await reviewer.getByRole('link', { name: 'Ерлан Маратұлы Жақсыбеков' }).click();
  const attested = {
    citizenship: 'Citizen of Kazakhstan',
    criminal_record: 'No unexpunged criminal record',
    civil_service: 'Civil-service qualification requirements',
    declarations: 'Asset and liability declarations filed',
  };
  for (const [code, check] of Object.entries(attested)) {
    const form = reviewer.getByRole('form', { name: `Mark: ${check}` });
    await form.getByLabel('Note (what was checked)').fill('Original documents checked');
    await form.getByRole('button', { name: 'Mark passed' }).click();
    await expect(reviewer.locator(`[data-check="${code}"]`)).toContainText('Marked by');
  }
  await expect(reviewer.getByRole('button', { name: 'Record registration' })).toBeEnabled();
  await reviewer.getByLabel('Decision No.').fill('7/3');
  await reviewer.getByLabel('Date of the decision').fill(todayInKazakhstan());
  await reviewer.getByRole('button', { name: 'Record registration' }).click();
  await reviewer.getByRole('dialog', { name: 'Record the registration?' }).getByRole('button', { name: 'Record registration' }).click();
  await expect(reviewer.getByTestId('candidate-status')).toHaveText('Registered');
  await expect(reviewer.getByTestId('notice')).toContainText('The registration has been recorded.');
  await expect(reviewer.getByText('Registered by decision No. 7/3 of the territorial commission')).toBeVisible();

  const visitor = await browser.newPage();
  await visitor.goto(`/candidates?election=${ELECTION}&region=aktobe`);
  const row = visitor.getByTestId('candidate-table').getByRole('row', { name: /Ерлан Маратұлы Жақсыбеков/ });
  await expect(row).toContainText('Registered');
  await expect(row).toContainText('Respublica Party');
  await expect(row).not.toContainText('1979');
  await expect(visitor.getByTestId('candidate-table').getByRole('row', { name: /Айгүл Серікқызы Тәжібаева/ })).toContainText('Refused registration');

  await operatorContext.close();
  await reviewerContext.close();
});

test('the public candidate list of the 2023 pilot shows 161 registered (89 self-nominated) and 125 on the ballots', async ({ page }) => {
  await page.goto('/candidates?election=akim-2023');
  const stats = page.getByTestId('candidate-stats');
  await expect(stats.getByText('Registered', { exact: true }).locator('..')).toContainText('161');
  await expect(stats.getByText('On the ballot', { exact: true }).locator('..')).toContainText('125');
  await expect(stats.getByText('Self-nominated', { exact: true }).locator('..')).toContainText('55.3%');
  // The difference: registrations withdrawn or cancelled before voting day, each listed with its status.
  const withdrawn = Number((await stats.getByText('Withdrawn', { exact: true }).locator('..').innerText()).replace(/\D/g, ''));
  const cancelled = Number((await stats.getByText('Registration cancelled', { exact: true }).locator('..').innerText()).replace(/\D/g, ''));
  expect(cancelled).toBeGreaterThan(0);
  expect(withdrawn).toBeGreaterThan(0);
  await page.getByLabel('Status').selectOption('cancelled');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('candidate-table').locator('tbody tr')).toHaveCount(cancelled);
  await page.getByLabel('Status').selectOption('registered');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('candidate-table').locator('tbody tr')).toHaveCount(125);
  // A page past the end (an old link) shows the last page, not an empty list.
  await page.goto('/candidates?election=akim-2023&status=registered&page=7');
  await expect(page.getByTestId('candidate-table').locator('tbody tr')).toHaveCount(125);

  // The results overview carries both figures.
  await page.goto('/results?election=akim-2023');
  const headline = page.getByTestId('headline');
  await expect(headline.getByText('Registered candidates', { exact: true }).locator('..')).toContainText('161');
  await expect(headline.getByText('Candidates on the ballots', { exact: true }).locator('..')).toContainText('125');
  await expect(page.getByTestId('winners-table')).toContainText('elected and registered');
});
