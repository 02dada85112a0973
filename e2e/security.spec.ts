import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signInAndWait } from './support';

const clientFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? clientFiles(full) : [full];
  });

test('no secret or server-only code reaches the browser bundles', () => {
  const files = clientFiles(path.join(process.cwd(), '.next', 'static')).filter((file) => /\.(js|css|json|txt|map)$/.test(file));
  expect(files.length).toBeGreaterThan(10);
  const forbidden = [
    process.env.AUTH_SECRET!,
    'postgres://',
    '$argon2id$',
    'password_hash',
    'passwordHash',
    'pg_advisory',
    'DATABASE_URL',
    'AUTH_SECRET',
    'demo-pass-2023',
  ];
  const leaks = files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return forbidden.filter((needle) => needle && text.includes(needle)).map((needle) => `${path.relative(process.cwd(), file)}: ${needle}`);
  });
  expect(leaks).toEqual([]);
});

test('staff pages carry a nonce-based Content-Security-Policy that their own scripts satisfy', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load)/.test(message.text())) violations.push(message.text());
  });
  await signInAndWait(page, 'admin@demo.kz');
  const response = await page.goto('/staff/admin/users');
  const csp = response!.headers()['content-security-policy']!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const scriptNonces = await page.locator('script').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(scriptNonces.every((n) => n === nonce)).toBe(true);
  // The page works under the policy: a client-side form validates.
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText('This field is required.').first()).toBeVisible();
  expect(violations).toEqual([]);
  // A fresh nonce on every response.
  const again = await page.goto('/staff/admin/users');
  expect(again!.headers()['content-security-policy']).not.toContain(nonce!);
});

test('a public page served from the shared cache allows its own scripts by hash, and they run', async ({ page }) => {
  const path = '/results?election=akim-2023';
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load)/.test(message.text())) violations.push(message.text());
  });
  await page.goto(path);
  const response = await page.goto(path);
  expect(response!.headers()['x-page-cache']).toMatch(/hit|stale/);
  const csp = response!.headers()['content-security-policy']!;
  expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  expect(csp).not.toContain('nonce-');
  expect(csp).toContain("frame-ancestors 'none'");
  // Next.js announces itself once its scripts have run and hydrated the page.
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version));
  await page.getByTestId('top-regions').getByRole('link', { name: 'Aktobe Region' }).click();
  await expect(page).toHaveURL(/\/results\/akim-2023\/region\/aktobe/);
  expect(violations).toEqual([]);
});

test('responses refuse framing and sniffing, keep referrers on site, and ask for HTTPS when served over it', async ({ request }) => {
  const plain = await request.get('/results?election=akim-2023');
  expect(plain.headers()['x-frame-options']).toBe('DENY');
  expect(plain.headers()['x-content-type-options']).toBe('nosniff');
  expect(plain.headers()['referrer-policy']).toBe('same-origin');
  expect(plain.headers()['strict-transport-security']).toBeUndefined();
  const viaHttps = await request.get('/login', { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(viaHttps.headers()['strict-transport-security']).toContain('max-age=');
});

test('a forged session cookie is treated as signed out', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addCookies([{ name: 'authjs.session-token', value: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', url: 'http://127.0.0.1:3100' }]);
  const page = await context.newPage();
  await page.goto('/staff/admin/users');
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test('staff pages check access before reading the record: a signed-out visitor learns nothing, not even "not found"', async ({ browser }) => {
  const context = await browser.newContext();
  // Past the sign-in redirect of proxy.ts (a cookie is present), so only each page's own guard stands in the way.
  await context.addCookies([{ name: 'authjs.session-token', value: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', url: 'http://127.0.0.1:3100' }]);
  const page = await context.newPage();
  for (const path of [
    '/staff/candidates/999999',
    '/staff/lists/999999/nowhere',
    '/staff/lists/999999/nowhere/precincts.csv',
    '/staff/protocols/constituency/999999',
    '/staff/protocols/constituency/999999/print',
    '/staff/regions/nowhere',
    '/staff/admin/users/999999',
  ]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login/);
  }
  await context.close();
});
