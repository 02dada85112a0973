import { expect, test } from '@playwright/test';
import { addDays, isoDate } from '../lib/calendar';
import { signInAndWait } from './support';

const daysFromNow = (days: number) => addDays(isoDate(new Date()), days);
const minusDays = (date: string, days: number) => addDays(date, -days);

test('an admin sets up an election: calendar pre-filled from voting day, a date adjusted, announced, listed publicly in its phase', async ({
  page,
  browser,
}) => {
  await signInAndWait(page, 'admin@demo.kz');
  await page.getByRole('navigation', { name: 'Staff navigation' }).getByRole('link', { name: 'Elections' }).click();
  await expect(page.getByTestId('elections-table').getByRole('row', { name: /Elections of district akims \(demo, upcoming\)/ })).toContainText('Nomination');
  await page.getByRole('link', { name: 'New election' }).click();

  const form = page.getByRole('form', { name: 'New election' });
  await form.getByLabel('Name in Kazakh').fill('Ауыл әкімдерінің сайлауы (E2E)');
  await form.getByLabel('Name in Russian').fill('Выборы сельских акимов (E2E)');
  await form.getByLabel('Name in English').fill('Rural akim elections (E2E)');
  await form.getByLabel('Web address (slug)').fill('rural-e2e');
  await form.getByLabel('Kind of election').selectOption({ label: 'Akims of rural districts, villages and settlements' });

  // Voting day fills the calendar as the 2023 pilot ran: called 51 days before, nomination from the next day.
  const votingDay = daysFromNow(120);
  await form.getByLabel('Voting day', { exact: true }).fill(votingDay);
  await expect(form.getByLabel('Election called')).toHaveValue(minusDays(votingDay, 51));
  await expect(form.getByLabel('Nomination opens')).toHaveValue(minusDays(votingDay, 50));
  await expect(form.getByLabel('Nomination closes')).toHaveValue(minusDays(votingDay, 31));
  await expect(form.getByLabel('Registration deadline')).toHaveValue(minusDays(votingDay, 26));
  await expect(form.getByLabel('Elected akim registered by')).toHaveValue(addDays(votingDay, 10));
  await expect(form.getByTestId('calendar-times')).toContainText(
    `Registration closes at 18:00 on its day; polls are open 07:00–20:00 on voting day (Kazakhstan time, UTC+5). Day of silence: ${minusDays(votingDay, 1)}.`,
  );

  // A date out of order is refused on its field, and nothing is saved.
  await form.getByLabel('Nomination closes').fill(minusDays(votingDay, 55));
  await form.getByLabel('Electoral deposit (tenge)').fill('425000');
  await form.getByRole('button', { name: 'New election' }).click();
  await expect(form.getByLabel('Nomination closes')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Nomination cannot close before it opens.')).toBeVisible();

  // Adjusted by hand: the admin's date stays when voting day is not changed again.
  await form.getByLabel('Nomination closes').fill(minusDays(votingDay, 32));
  await form.getByLabel('Turnout threshold for a valid election (%)').fill('50');
  await form.getByRole('button', { name: 'New election' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Rural akim elections (E2E)' })).toBeVisible();
  await expect(page.getByTestId('election-phase')).toHaveText('Phase: Draft');
  await expect(page.getByRole('form', { name: 'Edit election' }).getByLabel('Nomination closes')).toHaveValue(minusDays(votingDay, 32));

  // Drafts stay off the public site.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/');
  await expect(visitor.getByTestId('election-rural-e2e')).toHaveCount(0);

  // Announcing asks first, naming what will happen; Escape leaves everything as it was.
  await page.getByRole('button', { name: 'Announce the election' }).click();
  const confirm = page.getByRole('dialog', { name: 'Announce this election?' });
  await expect(confirm).toContainText('It cannot be made a draft again');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Announce the election' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Save election' })).not.toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('election-phase')).toHaveText('Phase: Draft');
  await expect(page.getByRole('button', { name: 'Announce the election' })).toBeFocused();
  await page.getByRole('button', { name: 'Announce the election' }).click();
  await confirm.getByRole('button', { name: 'Announce the election' }).click();
  await expect(page.getByTestId('election-phase')).toHaveText('Phase: Constituency lists');
  await expect(page.getByTestId('notice')).toContainText('The election has been announced');
  // Its public address is in use now: the form shows it fixed.
  await expect(page.getByRole('form', { name: 'Edit election' }).getByLabel('Web address (slug)')).toHaveAttribute('readonly', '');
  // The form keeps up with the announcement: a correction right after it saves.
  const edit = page.getByRole('form', { name: 'Edit election' });
  await edit.getByLabel('Name in Russian').fill('Выборы акимов сельских округов (E2E)');
  await edit.getByRole('button', { name: 'Save election' }).click();
  await expect(page.getByText('The election has been saved.')).toBeVisible();

  // Public pages are shared copies for a couple of seconds (decision 005): the new election shows up within them.
  const card = visitor.getByTestId('election-rural-e2e');
  await expect(async () => {
    await visitor.reload();
    await expect(card).toContainText('Rural akim elections (E2E)', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(card.getByTestId('election-phase')).toHaveText('Phase: Constituency lists');

  // The staff list shows it with its next date.
  await page.goto('/staff/elections');
  await expect(page.getByTestId('elections-table').getByRole('row', { name: /Rural akim elections \(E2E\)/ })).toContainText('Election called');
});

test('locked rules need a written reason; a non-admin sees elections but cannot edit them', async ({ page, browser }) => {
  await signInAndWait(page, 'admin@demo.kz');
  await page.goto('/staff/elections');
  await page.getByRole('link', { name: 'Edit Elections of district akims (demo, upcoming)' }).click();
  const form = page.getByRole('form', { name: 'Edit election' });
  await expect(page.getByText(/Calendar and rules are locked since nomination opened/)).toBeVisible();
  await form.getByLabel('Electoral deposit (tenge)').fill('430000');
  await form.getByRole('button', { name: 'Save election' }).click();
  await expect(form.getByText('Give the reason for this correction (at least 10 characters).')).toBeVisible();
  await form.getByLabel('Reason for correcting a locked calendar or rules').fill('Minimum wage raised by decree; deposit recalculated');
  await form.getByRole('button', { name: 'Save election' }).click();
  await expect(page.getByText('The election has been saved.')).toBeVisible();
  await page.reload();
  const saved = page.getByRole('form', { name: 'Edit election' });
  await expect(saved.getByLabel('Electoral deposit (tenge)')).toHaveValue('430000');
  // Shares typed as percentages are stored once converted, not twice.
  await expect(saved.getByLabel("Signatures self-nominees need (% of the constituency's voters)")).toHaveValue('1');

  const operator = await (await browser.newContext()).newPage();
  await signInAndWait(operator, 'operator.aktobe@demo.kz');
  await operator.goto('/staff/elections');
  await expect(operator.getByTestId('elections-table')).toContainText('Elections of district akims (demo, upcoming)');
  await expect(operator.getByRole('link', { name: 'New election' })).toHaveCount(0);
  await operator.goto('/staff/elections/new');
  await expect(operator.getByRole('form', { name: 'New election' })).toHaveCount(0);
});

test('a party deactivated in the registry can no longer be chosen in a nomination', async ({ page }) => {
  await signInAndWait(page, 'admin@demo.kz');
  await page.getByRole('navigation', { name: 'Staff navigation' }).getByRole('link', { name: 'Party registry' }).click();
  await page.getByRole('link', { name: 'Edit Baytaq' }).click();
  const form = page.getByRole('form', { name: 'Edit party' });
  await form.getByLabel('Active (may nominate candidates)').uncheck();
  await form.getByRole('button', { name: 'Save party' }).click();
  await expect(page.getByText('The party has been saved.')).toBeVisible();
  await page.goto('/staff/admin/parties');
  await expect(page.getByTestId('party-table').getByRole('row', { name: /Baytaq/ })).toContainText('Inactive');

  await page.context().clearCookies();
  await signInAndWait(page, 'operator.aktobe@demo.kz');
  await page.goto('/staff/candidates?election=akim-2027');
  await page.getByRole('link', { name: 'Nominate a candidate' }).click();
  await page.getByLabel('Party', { exact: true }).check();
  const party = page.getByRole('combobox', { name: 'Party' });
  await expect(party.locator('option', { hasText: 'AMANAT Party' })).toHaveCount(1);
  await expect(party.locator('option', { hasText: 'Baytaq' })).toHaveCount(0);
});
