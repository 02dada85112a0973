import { expect, test } from '@playwright/test';
import { signIn, signInAndWait, submitSignInForm } from './support';

const ROLE_NAVIGATION = [
  { email: 'admin@demo.kz', role: 'Administrator', region: 'All regions', sees: ['Dashboard', 'Regions', 'Users', 'Audit log'], hidden: [] },
  { email: 'operator.aktobe@demo.kz', role: 'Operator', region: 'Aktobe Region', sees: ['Dashboard', 'Regions'], hidden: ['Users', 'Audit log'] },
  { email: 'operator2.aktobe@demo.kz', role: 'Operator', region: 'Aktobe Region', sees: ['Dashboard', 'Regions'], hidden: ['Users', 'Audit log'] },
  { email: 'reviewer.aktobe@demo.kz', role: 'Reviewer', region: 'Aktobe Region', sees: ['Dashboard', 'Regions'], hidden: ['Users', 'Audit log'] },
  { email: 'operator.almaty@demo.kz', role: 'Operator', region: 'Almaty Region', sees: ['Dashboard', 'Regions'], hidden: ['Users', 'Audit log'] },
  { email: 'reviewer.almaty@demo.kz', role: 'Reviewer', region: 'Almaty Region', sees: ['Dashboard', 'Regions'], hidden: ['Users', 'Audit log'] },
  { email: 'observer@demo.kz', role: 'Observer', region: 'All regions', sees: ['Dashboard', 'Regions'], hidden: ['Users', 'Audit log'] },
];

test.describe('sign-in and navigation by role', () => {
  for (const account of ROLE_NAVIGATION) {
    test(`${account.email} sees the navigation of a ${account.role}`, async ({ page }) => {
      await signInAndWait(page, account.email);
      const user = page.getByTestId('current-user');
      await expect(user).toContainText(account.role);
      await expect(user).toContainText(account.region);
      const nav = page.getByRole('navigation', { name: 'Staff navigation' });
      for (const item of account.sees) await expect(nav.getByRole('link', { name: item })).toBeVisible();
      for (const item of account.hidden) await expect(nav.getByRole('link', { name: item })).toHaveCount(0);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/login/);
    });
  }
});

test('an anonymous visitor asking for a staff page is sent to sign in, then back', async ({ page }) => {
  await page.goto('/staff/admin/users');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fstaff%2Fadmin%2Fusers/);
  await submitSignInForm(page, 'admin@demo.kz');
  await expect(page).toHaveURL(/\/staff\/admin\/users$/);
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
});

test('wrong password and unknown e-mail get the same answer', async ({ page }) => {
  await signIn(page, 'admin@demo.kz', 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' })).toBeVisible();
  await signIn(page, 'nobody@demo.kz', 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' })).toBeVisible();
});

test('the form reports field errors without a round trip', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill('not-an-email');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter a valid e-mail address.')).toBeVisible();
  await expect(page.getByText('This field is required.')).toBeVisible();
});

test('an operator cannot open another region’s staff pages', async ({ page }) => {
  await signInAndWait(page, 'operator.aktobe@demo.kz');
  const own = await page.goto('/staff/regions/aktobe');
  expect(own?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Aktobe Region', level: 1 })).toBeVisible();
  const other = await page.goto('/staff/regions/almaty');
  expect(other?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  const admin = await page.goto('/staff/admin/users');
  expect(admin?.status()).toBe(403);
});

test('a deactivated user is refused at the next request and at sign-in', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAndWait(admin, 'admin@demo.kz');
  await admin.goto('/staff/admin/users');
  const email = `temp.${Date.now()}@demo.kz`;
  await admin.getByLabel('E-mail').fill(email);
  await admin.getByLabel('Full name').fill('Temporary Operator');
  await admin.getByLabel('Role').selectOption('operator');
  await admin.getByLabel('Region').selectOption({ label: 'Almaty Region' });
  await admin.getByLabel('Initial password').fill('a-long-enough-password');
  await admin.getByRole('button', { name: 'Create user' }).click();
  await expect(admin.getByRole('status')).toHaveText('User created.');

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await signInAndWait(user, email, 'a-long-enough-password');
  await expect(user.getByTestId('current-user')).toContainText('Almaty Region');

  await admin.goto('/staff/admin/users');
  await admin.getByRole('link', { name: `Edit ${email}` }).click();
  await admin.getByLabel('Active (can sign in)').uncheck();
  await admin.getByRole('button', { name: 'Save changes' }).click();
  await expect(admin.getByRole('status')).toContainText('Changes saved');

  await user.goto('/staff');
  await expect(user).toHaveURL(/\/login/);
  await signIn(user, email, 'a-long-enough-password');
  await expect(user.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' })).toBeVisible();

  await admin.goto('/staff/admin/audit?action=users.update');
  await expect(admin.getByTestId('audit-entry').filter({ hasText: 'User changed' }).first()).toBeVisible();
  await adminContext.close();
  await userContext.close();
});
