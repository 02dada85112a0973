import { createHash } from 'node:crypto';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';
import { signInAndWait } from './support';

/** A phone photo of a signed protocol, with the camera's EXIF and a GPS position. */
async function protocolPhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="1200"><rect width="100%" height="100%" fill="#fdfdf8"/><text x="60" y="120" font-size="48" font-family="sans-serif">Protocol photo, e2e</text></svg>`;
  return sharp(Buffer.from(svg))
    .jpeg({ quality: 80 })
    .withExif({ IFD0: { Make: 'E2EPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '50/1 17/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '57/1 10/1 0/1' } })
    .toBuffer();
}

async function session(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, email);
  return { page, close: () => context.close() };
}

/** The counting election's first precinct in Martuk District whose two copies differ (the demo leaves some). */
async function openMismatchedPrecinct(page: Page) {
  await page.goto('/staff/protocols?election=akim-counting');
  await page.getByTestId('progress-table').getByRole('link', { name: 'Martuk District' }).click();
  const row = page
    .getByRole('row')
    .filter({ has: page.getByTestId('protocol-status').getByText('Copies differ', { exact: true }) })
    .first();
  await row.getByRole('link').click();
  await page.waitForURL(/\/staff\/protocols\/precinct\/\d+$/);
  // Operators see neither copy of another operator (blind entry), only the protocol's state.
  await expect(page.getByTestId('protocol-status')).toHaveText('Copies differ');
  return page.url();
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** How wide the browser decoded an image (0: it could not show it). */
const displayedWidth = (image: Locator) => image.evaluate((element: HTMLImageElement) => element.naturalWidth);

test('an operator uploads a photo of the protocol; the reviewer checks the mismatch against it and approves; the public can verify the download by its hash', async ({
  browser,
  request,
}) => {
  const operator = await session(browser, 'operator.aktobe@demo.kz');
  const url = await openMismatchedPrecinct(operator.page);
  const images = operator.page.getByTestId('protocol-images');

  // A file whose name lies about its type is refused with a reason, and nothing is stored.
  const versionsBefore = await images.getByText(/^Image version \d+$/).count();
  const upload = images.getByRole('form', { name: /Replace the image|Attach the image/ });
  await upload.getByTestId('file-input').setInputFiles({ name: 'protocol.pdf', mimeType: 'application/pdf', buffer: await protocolPhoto() });
  await upload.getByRole('button', { name: 'Upload' }).click();
  await expect(upload.getByTestId('upload-refusals')).toContainText("protocol.pdf: The file's name does not match its content, which is image/jpeg.");
  await upload.getByRole('button', { name: 'Remove protocol.pdf' }).click();
  await operator.page.reload();
  await expect(images.getByText(/^Image version \d+$/)).toHaveCount(versionsBefore);

  // The real photo, chosen with the file picker (on a phone: the camera), uploaded with progress.
  const photo = await protocolPhoto();
  await upload.getByTestId('file-input').setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(upload.getByTestId('selected-files')).toContainText('IMG_2041.jpg');
  await upload.getByRole('button', { name: 'Upload' }).click();
  await expect(images.getByText('The image was attached.')).toBeVisible();
  await expect(images.getByTestId('scan-panel')).toContainText('received as “IMG_2041.jpg”');
  const storedHash = (await images.getByTestId('scan-panel').getByTestId('file-sha256').first().innerText()).trim();
  expect(storedHash).toMatch(/^[0-9a-f]{64}$/);
  // GPS and camera data were removed, so the stored original is not the uploaded file.
  expect(storedHash).not.toBe(sha256(photo));
  // Not reviewed yet, so not public: an anonymous reader gets what an unknown hash gets.
  expect((await request.get(`/protocol-images/${storedHash}`)).status()).toBe(404);
  await operator.close();

  // The reviewer sees the photo beside the differing figures, reads it with the keyboard, settles the dispute and approves.
  const reviewer = await session(browser, 'reviewer.aktobe@demo.kz');
  await reviewer.page.goto(url);
  await expect(reviewer.page.getByRole('heading', { level: 2, name: 'The two copies differ' })).toBeVisible();
  const beside = reviewer.page.getByTestId('beside-paper');
  const viewer = beside.getByTestId('image-viewer');
  await expect(viewer.getByRole('img', { name: 'Page 1 of the signed protocol' })).toBeVisible();
  await expect.poll(() => displayedWidth(viewer.getByRole('img'))).toBeGreaterThan(0);
  await viewer.getByTestId('viewer-frame').focus();
  await reviewer.page.keyboard.press('+');
  await reviewer.page.keyboard.press('r');
  await expect(viewer.getByText('150%')).toBeVisible();
  await expect(viewer.getByRole('img')).toHaveAttribute('data-rotation', '90');
  await reviewer.page.keyboard.press('0');
  await expect(viewer.getByRole('img')).toHaveAttribute('data-rotation', '0');

  const differing = beside.getByTestId('figures-table').locator('tr[data-differs]');
  const resolution = reviewer.page.getByRole('form', { name: 'Resolve the differing fields' });
  for (let index = 0; index < (await differing.count()); index++) {
    const row = differing.nth(index);
    // The demo's second copies mistyped candidates' votes: line 10.n, labelled "10.n No. n Name" on the form.
    const number = (await row.locator('td').first().innerText()).trim();
    const label = `${number} ${(await row.locator('th').innerText()).split('\n')[0]!.trim()}`;
    const paper = (await row.locator('td').nth(1).innerText()).replace(/\D/g, '');
    await resolution.getByLabel(label, { exact: true }).fill(paper);
  }
  await resolution.getByRole('button', { name: 'Save resolution' }).click();
  await expect(reviewer.page.getByTestId('protocol-status')).toHaveText('Awaiting review');
  // With an image attached, approval asks for no reason.
  await expect(reviewer.page.getByLabel('Reason for approving without an image')).toHaveCount(0);
  await reviewer.page.getByRole('button', { name: 'Approve protocol' }).click();
  await reviewer.page.getByRole('dialog', { name: 'Approve this protocol?' }).getByRole('button', { name: 'Approve the protocol' }).click();
  await expect(reviewer.page.getByTestId('protocol-status')).toHaveText('Approved');
  const precinctId = url.split('/').pop();
  await reviewer.close();

  // The public precinct page shows the photo with its hash; the download hashes to it and may be cached by anyone for a year.
  const visitor = await (await browser.newContext()).newPage();
  await expect(async () => {
    await visitor.goto(`/results/akim-counting/precinct/${precinctId}`);
    await expect(visitor.getByTestId('published-image').getByTestId('file-sha256').first()).toHaveText(storedHash, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(visitor.getByTestId('published-image').getByRole('img', { name: 'Page 1 of the signed protocol' })).toBeVisible();
  const href = await visitor.getByTestId('published-image').getByTestId('file-download').first().getAttribute('href');
  const download = await request.get(href!);
  expect(download.status()).toBe(200);
  expect(sha256(await download.body())).toBe(storedHash);
  expect(download.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(download.headers()['etag']).toBe(`"${storedHash}"`);
  expect(download.headers()['content-type']).toBe('image/jpeg');
  expect((await request.get(href!, { headers: { 'If-None-Match': `"${storedHash}"` } })).status()).toBe(304);
  // The open data lists it too.
  const elections = (await (await request.get('/api/v1/elections')).json()) as { elections: { id: number; slug: string }[] };
  const counting = elections.elections.find((e) => e.slug === 'akim-counting')!;
  await expect(async () => {
    const list = (await (await request.get(`/api/v1/elections/${counting.id}/protocol-images.json`)).json()) as {
      precincts: { precinctId: number; images: { files: { sha256: string; url: string }[] }[] }[];
    };
    const entry = list.precincts.find((p) => p.precinctId === Number(precinctId))!;
    expect(entry.images[0]!.files[0]).toMatchObject({ sha256: storedHash, url: `/protocol-images/${storedHash}` });
  }).toPass({ timeout: 15_000 });
});

test('every 2023 pilot precinct page shows its protocol image; the counting election lists approved protocols without one', async ({ page, request }) => {
  await page.goto('/results?election=akim-2023');
  await expect(page.getByTestId('image-coverage')).toHaveText('1,491 of 1,491 approved protocols published as images');
  await page.getByTestId('top-regions').getByRole('link', { name: 'Aktobe Region' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aktobe Region');
  await page.getByRole('listitem').getByRole('link').first().click();
  await expect(page.getByTestId('outcome')).toContainText('Elected:');
  await expect(page.getByTestId('image-coverage')).toContainText('approved protocols published as images');
  await page
    .getByRole('link', { name: /^Precinct No\. \d+$/ })
    .first()
    .click();
  const published = page.getByTestId('published-image');
  await expect(published).toContainText('Demo rendering of the typed figures, not a photograph of paper.');
  await expect(published.getByRole('img', { name: 'Page 1 of the signed protocol' })).toBeVisible();
  await expect.poll(() => displayedWidth(published.getByRole('img'))).toBeGreaterThan(0);
  const hash = (await published.getByTestId('file-sha256').innerText()).trim();
  const file = await request.get(`/protocol-images/${hash}`);
  expect(file.headers()['content-type']).toBe('image/svg+xml');
  expect(
    createHash('sha256')
      .update(await file.body())
      .digest('hex'),
  ).toBe(hash);
  expect(file.headers()['content-security-policy']).toContain('sandbox');

  // The counting election lists the approved protocols that have no image, with the reviewers' reasons.
  await page.goto('/results?election=akim-counting');
  await page.getByRole('link', { name: 'Precincts without an image' }).click();
  await expect(page.getByTestId('missing-images').first()).toContainText('Фото протокола не получено');
  expect((await request.get(`/protocol-images/${'0'.repeat(64)}`)).status()).toBe(404);
});
