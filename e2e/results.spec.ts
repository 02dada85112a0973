import { expect, test } from '@playwright/test';
import { expectAccessible } from './support';

test('the 2023 overview shows the reported headline figures, from approved protocols', async ({ page }) => {
  await page.goto('/results?election=akim-2023');
  await expect(page.getByTestId('results-status')).toHaveText('Official results');
  const headline = page.getByTestId('headline');
  const stat = (label: string) => headline.getByText(label, { exact: true }).locator('..');
  await expect(stat('Turnout')).toContainText('62.79%');
  await expect(stat('Average age of the elected')).toContainText('46.7');
  await expect(stat('Registered candidates')).toContainText('161');
  await expect(stat('Registered candidates')).toContainText('89 self-nominated');
  await expect(stat('Precincts reported')).toContainText('1,491 of 1,491');
  await expect(page.getByTestId('top-regions').getByRole('link')).toHaveText([
    'Aktobe Region',
    'Turkistan Region',
    'Almaty Region',
    'Mangystau Region',
    'Jetisu Region',
  ]);
  await expect(page.getByTestId('winners-table').locator('tbody tr')).toHaveCount(45);
  await expectAccessible(page);
});

test('drill-down from the overview to a region, a constituency and a precinct protocol', async ({ page }) => {
  await page.goto('/results?election=akim-2023');
  await page.getByTestId('top-regions').getByRole('link', { name: 'Aktobe Region' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aktobe Region');
  await expectAccessible(page);
  await page.getByRole('listitem').getByRole('link').first().click();
  await expect(page.getByTestId('outcome')).toContainText('Elected:');
  await expectAccessible(page);
  const firstPrecinct = page.getByRole('link', { name: /^Precinct No\. \d+$/ }).first();
  // Cells: voters on the list, at the close, ballots found in the boxes, of them in mobile boxes.
  const cells = page.getByRole('row').filter({ has: firstPrecinct }).getByRole('cell');
  const [cast, mobile] = [await cells.nth(2).innerText(), await cells.nth(3).innerText()];
  await firstPrecinct.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Precinct No.');
  await expect(page.getByTestId('boxes')).toContainText(`Ballots found in the boxes: ${cast} —`);
  await expect(page.getByTestId('figures-table').getByRole('row', { name: /Ballots found in mobile boxes/ })).toContainText(mobile);
  await expectAccessible(page);
});

test('results pages switch language and stay accessible on the public lists', async ({ page }) => {
  await page.goto('/results?election=akim-2023');
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByTestId('results-status')).toHaveText('Официальные итоги');
  await page.getByRole('button', { name: 'Қазақша' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'English' }).click();
  for (const path of ['/', '/constituencies?election=akim-2023', '/candidates?election=akim-2023', '/results?election=akim-counting', '/login']) {
    await page.goto(path);
    await expectAccessible(page);
  }
});

test('the downloads are served with cache headers; bad ids get a JSON 404', async ({ page, request, baseURL }) => {
  await page.goto('/results?election=akim-2023');
  const href = await page.getByRole('link', { name: 'Results (CSV)' }).getAttribute('href');
  const csv = await request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['cache-control']).toContain('max-age');
  expect((await csv.text()).split('\r\n')[0]).toBe(
    '\uFEFFlevel,region_code,constituency_code,precinct_number,name,name_kk,name_ru,precincts_reported,precincts_total,voters_on_list,voters_at_close,ballots_cast,ballots_found_mobile,ballots_invalid,votes_against_all,turnout_percent,choice,votes,share_percent',
  );
  const etag = csv.headers()['etag']!;
  expect((await request.get(href!, { headers: { 'If-None-Match': etag } })).status()).toBe(304);

  const list = (await (await request.get('/api/v1/elections')).json()) as { elections: { id: number; slug: string }[] };
  const pilot = list.elections.find((e) => e.slug === 'akim-2023')!;
  expect(pilot).toMatchObject({ status: 'certified', phase: 'results_official', kind: 'district_city_akim', resultsDeadline: '2023-11-08' });
  const results = (await (await request.get(`/api/v1/elections/${pilot.id}/results.json`)).json()) as { totals: { turnout: number } };
  expect((results.totals.turnout * 100).toFixed(2)).toBe('62.79');
  // Kept gzip-compressed (decision 018): sent so, once, to whoever accepts it; decompressed for whoever does not.
  const documentUrl = new URL(`/api/v1/elections/${pilot.id}/results.json`, baseURL);
  const compressed = await fetch(documentUrl, { headers: { 'accept-encoding': 'gzip' } });
  expect(compressed.headers.get('content-encoding')).toBe('gzip');
  expect(compressed.headers.get('cache-control')).toContain('no-transform');
  expect(JSON.parse(await compressed.text())).toEqual(results);
  const plain = await fetch(documentUrl, { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers.get('content-encoding')).toBeNull();
  expect(JSON.parse(await plain.text())).toEqual(results);
  const nist = (await (await request.get(`/api/v1/elections/${pilot.id}/nist-1500-100.json`)).json()) as Record<string, unknown>;
  expect(nist['@type']).toBe('ElectionResults.ElectionReport');
  expect(nist.Status).toBe('certified');

  for (const bad of ['/api/v1/elections/999999/results.json', '/api/v1/elections/abc/results.json', `/api/v1/elections/${pilot.id}/secrets.json`]) {
    const response = await request.get(bad);
    expect(response.status()).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  }
});
