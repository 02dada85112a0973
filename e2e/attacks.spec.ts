import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, signInAndWait } from './support';

/**
 * The attacks of issue 14, each performed against the running portal. The e2e server trusts
 * 127.0.0.1 as its proxy (playwright.config.ts), so requests from 127.0.0.1 may say which client
 * they forward; requests from 127.0.0.2 are clients that are not proxies.
 */
const port = Number(process.env.E2E_PORT ?? 3100);

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** One HTTP request as sent (no cookies, no decoding), from a chosen local address. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, localAddress: options.from ?? '127.0.0.1' },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

const cookiesOf = (answer: Raw) => ((answer.headers['set-cookie'] as string[] | undefined) ?? []).map((cookie) => cookie.split(';')[0]).join('; ');

/**
 * One sign-in attempt through Auth.js' credentials endpoint, as a script would make it; true when
 * it signed in. `forwardedFor` is what the attacker writes in X-Forwarded-For.
 */
async function attempt(email: string, password: string, options: { forwardedFor?: string; from?: string } = {}) {
  const forwarded: Record<string, string> = options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {};
  const csrf = await raw('/api/auth/csrf', { headers: forwarded, from: options.from });
  const { csrfToken } = JSON.parse(csrf.body.toString('utf8')) as { csrfToken: string };
  const answer = await raw('/api/auth/callback/credentials', {
    method: 'POST',
    from: options.from,
    headers: { ...forwarded, 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrf) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: '/staff' }).toString(),
  });
  return cookiesOf(answer).includes('authjs.session-token=');
}

test.describe('locking staff out', () => {
  test('the owner signs in with the right password while attackers keep failing from other addresses', async ({ page }) => {
    const owner = 'reviewer.ulytau@demo.kz';
    for (let round = 0; round < 7; round++) {
      for (let address = 1; address <= 4; address++) expect(await attempt(owner, 'wrong-password-guess', { forwardedFor: `203.0.113.${address}` })).toBe(false);
    }
    // The attackers' own addresses are blocked for this account, even with the right password.
    expect(await attempt(owner, DEMO_PASSWORD, { forwardedFor: '203.0.113.1' })).toBe(false);
    // The owner, from an address that has not been failing, gets in (at most slowed down).
    await signInAndWait(page, owner);
    await expect(page.getByTestId('current-user')).toContainText('Reviewer');
  });

  test('rotating X-Forwarded-For from a client that is not a proxy is throttled like one address; an admin sees it and lifts the block', async ({ page }) => {
    test.setTimeout(120_000);
    for (let i = 0; i < 30; i++)
      expect(await attempt(`guess.${i}@demo.kz`, 'wrong-password-guess', { from: '127.0.0.2', forwardedFor: `198.51.100.${i + 1}` })).toBe(false);
    // Blocked as one address: even the right password from it, whatever it claims to forward.
    expect(await attempt('observer@demo.kz', DEMO_PASSWORD, { from: '127.0.0.2', forwardedFor: '192.0.2.200' })).toBe(false);

    await signInAndWait(page, 'admin@demo.kz');
    await page.goto('/staff/admin/sign-ins');
    const blocked = page.getByRole('region', { name: 'Blocked addresses' });
    await expect(blocked.getByText('127.0.0.2', { exact: true })).toBeVisible();
    await expect(page.getByTestId('sign-in-failures').getByRole('row', { name: /^guess\.7@demo\.kz 127\.0\.0\.2 \d/ })).toBeVisible();
    await expect(page.getByTestId('sign-in-failures')).not.toContainText('198.51.100.');
    await blocked.getByRole('button', { name: 'Lift the block' }).click();
    await expect(page.getByRole('status')).toContainText('The block is lifted.');
    expect(await attempt('observer@demo.kz', DEMO_PASSWORD, { from: '127.0.0.2' })).toBe(true);

    // The block is a security event in the audit log.
    await page.goto('/staff/admin/audit');
    await expect(page.locator('p', { hasText: 'Sign-in blocked after repeated failures' }).first()).toBeVisible();
    await expect(page.locator('p', { hasText: 'Sign-in block cleared' }).first()).toBeVisible();
  });
});

test.describe('signing out ends the session', () => {
  /** Captures (and stops) the next server action the page sends, to replay it later. */
  async function captureNextAction(page: Page) {
    return new Promise<{ url: string; headers: Record<string, string>; body: string }>((resolve) => {
      void page.route('**/staff/admin/users/**', async (route) => {
        const sent = route.request();
        if (sent.method() !== 'POST') return route.continue();
        resolve({ url: sent.url(), headers: sent.headers(), body: sent.postData() ?? '' });
        await route.abort();
      });
    });
  }

  test('a cookie copied before sign-out opens nothing afterwards and its commands are refused', async ({ browser, page }) => {
    await signInAndWait(page, 'admin@demo.kz');
    const copied = (await page.context().cookies()).filter((cookie) => cookie.name.includes('authjs.session-token'));
    expect(copied).toHaveLength(1);

    // A command, captured on its way out (not run), to be replayed with the copied cookie.
    await page.goto('/staff/admin/users');
    await page.getByRole('link', { name: 'Edit observer@demo.kz' }).click();
    const captured = captureNextAction(page);
    await page.getByLabel('Full name').fill('Renamed By A Thief');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const action = await captured;

    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const before = await thief.request.get('/api/auth/session');
    expect(await before.json()).toMatchObject({ user: { email: 'admin@demo.kz' } });

    await page.unroute('**/staff/admin/users/**');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);

    expect(await (await thief.request.get('/api/auth/session')).json()).toBeNull();
    const thiefPage = await thief.newPage();
    await thiefPage.goto('/staff/admin/users');
    await expect(thiefPage).toHaveURL(/\/login/);
    const replay = await thief.request.post(action.url, {
      headers: { ...action.headers, cookie: copied.map((c) => `${c.name}=${c.value}`).join('; ') },
      data: action.body,
    });
    expect(await replay.text()).toContain('"error":"unauthenticated"');

    // Nothing was renamed.
    await signInAndWait(page, 'admin@demo.kz');
    await page.goto('/staff/admin/users?q=observer%40demo.kz');
    await expect(page.getByText('Renamed By A Thief')).toHaveCount(0);
    await thief.close();
  });

  test('a user sees their sessions and ends the others', async ({ browser, page }) => {
    const laptop = await browser.newContext({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0' });
    const other = await laptop.newPage();
    await signInAndWait(other, 'operator.ulytau@demo.kz');
    await signInAndWait(page, 'operator.ulytau@demo.kz');
    await page.goto('/staff/sessions');
    const sessions = page.getByTestId('sessions');
    await expect(sessions.getByRole('row', { name: /Firefox · Windows 127\.0\.0\.1/ })).toBeVisible();
    await expect(sessions.getByRole('row', { name: /This device/ })).toBeVisible();
    await page.getByRole('button', { name: 'End all other sessions' }).click();
    await expect(page.getByRole('status')).toContainText('Your other sessions are ended.');
    await expect(sessions.getByRole('row')).toHaveCount(2); // the header and this device
    await other.goto('/staff');
    await expect(other).toHaveURL(/\/login/);
    await page.goto('/staff');
    await expect(page.getByTestId('current-user')).toBeVisible();
    await laptop.close();
  });

  test('an admin ends all of a user’s sessions', async ({ browser, page }) => {
    const userContext = await browser.newContext();
    const user = await userContext.newPage();
    await signInAndWait(user, 'operator2.ulytau@demo.kz');
    await signInAndWait(page, 'admin@demo.kz');
    await page.goto('/staff/admin/users?q=operator2.ulytau');
    await page.getByRole('link', { name: 'Edit operator2.ulytau@demo.kz' }).click();
    await expect(page.getByRole('heading', { name: '1 active session' })).toBeVisible();
    await page.getByRole('button', { name: 'End all sessions of this user' }).click();
    await expect(page.getByRole('status')).toContainText('All sessions of this user are ended.');
    await user.goto('/staff');
    await expect(user).toHaveURL(/\/login/);
    await userContext.close();
  });
});

test.describe('poisoning the page cache', () => {
  const PAGE = '/results?election=akim-2023';
  const decoded = (answer: Raw) => {
    const encoding = answer.headers['content-encoding'];
    const body =
      encoding === 'gzip'
        ? gunzipSync(answer.body)
        : encoding === 'br'
          ? brotliDecompressSync(answer.body)
          : encoding === 'deflate'
            ? inflateSync(answer.body)
            : answer.body;
    return body.toString('utf8');
  };
  const langOf = (html: string) => /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];
  /** After the cached copy has expired, so the attacker's request is the one that renders. */
  const expired = () => new Promise((resolve) => setTimeout(resolve, 2_300));

  test('a crafted language cookie never changes the language a default reader gets', async () => {
    for (const cookie of ['NEXT_LOCALE=%72%75', 'NEXT_LOCALE=kk; NEXT_LOCALE=ru', 'NEXT_LOCALE=en; NEXT_LOCALE=%65%6E', 'NEXT_LOCALE="en"']) {
      await expired();
      await raw(PAGE, { headers: { cookie, 'accept-encoding': 'identity' } });
      const reader = await raw(PAGE, { headers: { 'accept-encoding': 'identity' } });
      expect(reader.status).toBe(200);
      expect(langOf(decoded(reader)), cookie).toBe('kk');
      const russian = await raw(PAGE, { headers: { 'accept-encoding': 'identity', 'accept-language': 'ru' } });
      expect(langOf(decoded(russian)), cookie).toBe('ru');
    }
  });

  test('a crafted Accept-Encoding never changes the bytes or the encoding other readers get', async () => {
    for (const attackerEncoding of ['deflate', 'br', 'gzip;q=0, deflate', 'identity;q=0, br;q=0, gzip;q=0, deflate']) {
      await expired();
      await raw(PAGE, { headers: { 'accept-encoding': attackerEncoding } });
      const plain = await raw(PAGE);
      expect(plain.headers['content-encoding'], attackerEncoding).toBeUndefined();
      expect(plain.body.toString('utf8')).toContain('<html');
      const gzip = await raw(PAGE, { headers: { 'accept-encoding': 'gzip' } });
      expect(gzip.headers['content-encoding'], attackerEncoding).toBe('gzip');
      expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
      const browser = await raw(PAGE, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
      expect(['gzip', 'br']).toContain(browser.headers['content-encoding']);
      expect(decoded(browser)).toBe(plain.body.toString('utf8'));
    }
  });
});

test.describe('smaller holes', () => {
  test('malformed ids in public addresses answer 404, not 500', async () => {
    for (const path of [
      '/results/akim-2023/precinct/99999999999',
      '/results/akim-2023/precinct/-1',
      '/results/akim-2023/constituency/%E0%A4%A',
      '/results/akim-2023/region/%ZZ',
      '/results/%E0%A4%A',
      '/api/v1/elections/99999999999/results.json',
      '/api/v1/elections/%E0%A4%A/results.json',
    ]) {
      expect((await raw(path)).status, path).toBe(404);
    }
  });

  test('the API asks for HTTPS when served over it, and router prefetches carry the page policy', async () => {
    const api = await raw('/api/v1/elections', { headers: { 'x-forwarded-proto': 'https' } });
    expect(api.headers['strict-transport-security']).toContain('max-age=');
    expect((await raw('/api/v1/elections')).headers['strict-transport-security']).toBeUndefined();
    const prefetch = await raw('/results?election=akim-2023', { headers: { rsc: '1', 'next-router-prefetch': '1' } });
    expect(prefetch.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
