import { expect, test, type Page } from '@playwright/test';
import { signInAndWait } from './support';

/**
 * On a phone (390 px) nothing scrolls sideways, in Kazakh (the longest words) on every public and
 * staff page; at 320 px (a small phone, or 1280 px at 400% zoom) the public pages hold in every
 * language. Wide tables scroll inside their own box, which does not count.
 */
async function expectNoSidewaysScroll(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

/** The address of the first link on `path` whose address matches `pattern`. */
async function firstLink(page: Page, path: string, pattern: RegExp) {
  await page.goto(path);
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  const found = hrefs.find((href) => pattern.test(href));
  expect(found, `a link like ${pattern} on ${path}`).toBeTruthy();
  return found!;
}

const PUBLIC_PAGES = [
  '/',
  '/results',
  '/results?election=akim-2023',
  '/results/akim-2023/region/aktobe',
  '/constituencies?election=akim-2023',
  '/candidates?election=akim-2023',
  '/login',
];

test.use({ viewport: { width: 390, height: 844 } });

test('public pages in Kazakh at 390 px do not scroll sideways', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'kk', url: baseURL! }]);
  const constituency = await firstLink(page, '/results/akim-2023/region/aktobe', /^\/results\/akim-2023\/constituency\//);
  const precinct = await firstLink(page, constituency, /^\/results\/akim-2023\/precinct\//);
  for (const path of [...PUBLIC_PAGES, constituency, precinct]) await expectNoSidewaysScroll(page, path);
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
});

test('staff pages in Kazakh at 390 px do not scroll sideways, and the header stays small', async ({ page, context, baseURL }) => {
  await signInAndWait(page, 'admin@demo.kz');
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'kk', url: baseURL! }]);
  await page.reload();
  const header = await page.locator('header').boundingBox();
  expect(header!.height, 'staff header height').toBeLessThan(844 / 5);
  const staffPages = [
    '/staff',
    '/staff/elections',
    '/staff/regions',
    '/staff/regions/aktobe',
    '/staff/lists',
    '/staff/lists/review',
    '/staff/candidates',
    '/staff/protocols?election=akim-counting',
    '/staff/admin/parties',
    '/staff/admin/users',
    '/staff/admin/audit',
  ];
  const discovered = [
    await firstLink(page, '/staff/elections', /^\/staff\/elections\/\d+$/),
    await firstLink(page, '/staff/lists', /^\/staff\/lists\/\d+\/[a-z-]+$/),
    await firstLink(page, '/staff/protocols?election=akim-counting', /^\/staff\/protocols\/constituency\/\d+$/),
  ];
  discovered.push(await firstLink(page, discovered[2]!, /^\/staff\/protocols\/precinct\/\d+$/));
  discovered.push(await firstLink(page, '/staff/candidates?election=akim-2027', /^\/staff\/candidates\/\d+$/));
  for (const path of [...staffPages, ...discovered]) await expectNoSidewaysScroll(page, path);

  // The reviewer's queue (administrators do not review candidates).
  await context.clearCookies();
  await signInAndWait(page, 'reviewer.aktobe@demo.kz');
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'kk', url: baseURL! }]);
  await expectNoSidewaysScroll(page, '/staff/candidates/review');
  await expectNoSidewaysScroll(page, await firstLink(page, '/staff/candidates/review', /^\/staff\/candidates\/\d+$/));
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const language of ['kk', 'ru', 'en']) {
    test(`public pages in ${language} do not scroll sideways`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: 'NEXT_LOCALE', value: language, url: baseURL! }]);
      for (const path of PUBLIC_PAGES) await expectNoSidewaysScroll(page, path);
    });
  }
});
