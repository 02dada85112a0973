import { expect, test, type Browser } from '@playwright/test';
import { expectAccessible, signInAndWait } from './support';

async function session(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, email);
  return { page, close: () => context.close() };
}

test('the public screening of the 2023 results: reached from the results, charts with their tables, flagged precincts, accessible', async ({ page }) => {
  await page.goto('/results?election=akim-2023');
  await page.getByTestId('screening-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistical screening of the results');
  await expect(page.getByRole('heading', { name: 'What these tests can and cannot show' })).toBeVisible();
  await expect(page.getByTestId('screening-summary')).toContainText('1,491');

  for (const chart of ['Turnout and the leading candidate', 'Precincts by turnout', "Last digits of the candidates' counts"]) {
    await expect(page.getByRole('img', { name: new RegExp(chart) })).toBeVisible();
  }
  const turnout = page.getByRole('figure').filter({ has: page.getByRole('img', { name: /Precincts by turnout/ }) });
  await turnout.getByText('Show the numbers as a table').click();
  await expect(turnout.getByRole('table')).toBeVisible();
  await expect(turnout.getByRole('row')).not.toHaveCount(1);
  // Charts are drawn on the server: the SVG is in the HTML as delivered, before any script runs.
  const html = await (await page.request.get('/results/akim-2023/screening')).text();
  expect(html).toContain('<svg');

  await expect(page.getByTestId('area-findings').first()).toContainText('the whole election');
  await expect(page.getByTestId('flagged-precinct').first()).toContainText(/spreads out from the bulk|far above|far below|nearly everyone|multiple of 5/);
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
});

test('before any results are official the public screening says it comes with official results', async ({ page }) => {
  // The demo's counting election already has one official district (Karabalyk): the upcoming election has none.
  await page.goto('/results/akim-2027/screening');
  await expect(page.getByTestId('screening-not-official')).toContainText('published once results are official');
  await expect(page.getByRole('img')).toHaveCount(0);
  await expectAccessible(page);
});

test('a reviewer checks a flagged precinct against the paper; the public sees the answer', async ({ browser, page }) => {
  // The first flagged 2023 precinct, its constituency and region as the public sees them.
  await page.goto('/results/akim-2023/screening');
  const flagged = page.getByTestId('flagged-precinct').first();
  const precinctName = (await flagged.getByRole('link', { name: /^Precinct No\. \d+$/ }).innerText()).trim();
  const constituencyName = (await flagged.getByRole('link').first().innerText()).trim();
  await flagged.getByRole('link').first().click();
  const regionCode = (await page.getByRole('navigation', { name: 'You are here' }).getByRole('link').nth(1).getAttribute('href'))!.split('/').pop();

  const reviewer = await session(browser, `reviewer.${regionCode}@demo.kz`);
  await reviewer.page.getByRole('navigation', { name: 'Staff navigation' }).getByRole('link', { name: 'Statistical screening' }).click();
  await reviewer.page.getByRole('link', { name: /^Pilot elections/ }).click();
  await reviewer.page.getByTestId('screening-table').getByRole('link', { name: constituencyName }).click();
  await expect(reviewer.page.getByRole('heading', { level: 1 })).toHaveText(`${constituencyName}: statistical screening`);
  await expectAccessible(reviewer.page);
  await reviewer.page.getByTestId('flagged-precincts').getByRole('link', { name: precinctName }).click();

  const panel = reviewer.page.getByTestId('protocol-screening');
  await expect(panel.getByTestId('screening-flags').getByRole('listitem').first()).toContainText('median');
  await panel.getByLabel('Comment (optional)').fill('Held against the signed paper with the chair: the figures are as typed.');
  await panel.getByRole('button', { name: 'Checked against the paper: correct' }).click();
  await expect(panel.getByTestId('paper-checks')).toContainText('the figures are correct');
  await expect(panel.getByRole('button', { name: 'Checked against the paper: correct' })).toHaveCount(0);

  // Published with the flag (results poll + page cache), without the reviewer's name.
  await expect(async () => {
    await page.goto('/results/akim-2023/screening');
    await expect(page.getByTestId('flagged-precinct').first().getByTestId('paper-checks')).toContainText('Held against the signed paper with the chair', {
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId('flagged-precinct').first()).toContainText("Checked against the signed paper by the commission's reviewer");
  await reviewer.close();
});

test('flags appear on the review screen before approval and never block it', async ({ browser }) => {
  const reviewer = await session(browser, 'reviewer.almaty@demo.kz');
  await reviewer.page.goto('/staff/protocols?election=akim-counting');
  await reviewer.page.getByTestId('progress-table').getByRole('link', { name: 'Zhambyl District' }).click();
  const row = reviewer.page
    .getByRole('row')
    .filter({ has: reviewer.page.getByTestId('protocol-status').getByText('Awaiting review', { exact: true }) })
    .first();
  await row.getByRole('link').click();

  const panel = reviewer.page.getByTestId('protocol-screening');
  await expect(panel).toContainText('The figures awaiting approval, compared with');
  // Too few approved precincts in this constituency yet to compare with: the panel says so.
  await expect(panel).toContainText('Not compared with the constituency');
  await panel.getByRole('button', { name: 'Checked against the paper: correct' }).click();
  await expect(panel.getByTestId('paper-checks')).toContainText('the figures are correct');
  await expectAccessible(reviewer.page);
  await reviewer.page.getByRole('button', { name: 'Approve protocol' }).click();
  await reviewer.page.getByRole('dialog', { name: 'Approve this protocol?' }).getByRole('button', { name: 'Approve the protocol' }).click();
  await expect(reviewer.page.getByTestId('protocol-status')).toHaveText('Approved');
  await expect(reviewer.page.getByTestId('protocol-screening')).toContainText('The approved figures');
  await reviewer.close();
});
