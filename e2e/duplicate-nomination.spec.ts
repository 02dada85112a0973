import { expect, test } from '@playwright/test';
import { nominate, signInAndWait } from './support';

const RELOAD = 'This conflicts with a change made by someone else. Reload and try again.';

test('a repeated nomination is refused with its reason on the field, not with the reload message', async ({ page }) => {
  await signInAndWait(page, 'operator.almaty@demo.kz');
  const person = { name: 'Данияр Бақытұлы Әбенов', birthDate: '1981-04-17', sex: 'male' as const, constituency: 'Karasay District', signatures: '900' };
  await nominate(page, 'akim-2027', person);
  await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();

  // The same person again (the same IIN), as a clerk who did not see the first entry would.
  await nominate(page, 'akim-2027', person);
  await expect(page.getByLabel('IIN')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('This person is already nominated in this election.')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Some fields need correcting.' })).toBeVisible();
  await expect(page.getByText(RELOAD)).toHaveCount(0);

  // AMANAT already has its nominee in Karasay District (demo data).
  await nominate(page, 'akim-2027', {
    name: 'Асқар Нұрланұлы Серіков',
    birthDate: '1977-12-03',
    sex: 'male',
    constituency: 'Karasay District',
    party: 'AMANAT Party',
  });
  await expect(page.getByText('This party already has a nominee in this constituency.')).toBeVisible();
  await expect(page.getByText(RELOAD)).toHaveCount(0);
});
