import { expect, test, type Page } from '@playwright/test';
import { balanced, listFigure, session, typeProtocol } from './support';

/**
 * The last step of counting, through the screens, in Kobda District of the demo counting election
 * (Aktobe): a reviewer returns a protocol with a comment, the hint says what is still missing, the
 * remaining precincts are typed twice and approved, the results are determined and the public
 * page shows them as official. Runs after protocols.spec.ts, which types one Kobda precinct.
 */
test.describe.configure({ mode: 'serial' });

const CONSTITUENCY = 'Kobda District';
const NO_IMAGE = 'Checked against the paper at the district commission';

async function openConstituency(page: Page, pendingOnly = false) {
  await page.goto('/staff/protocols?election=akim-counting');
  await page.getByTestId('progress-table').getByRole('link', { name: CONSTITUENCY }).click();
  await expect(page.getByRole('heading', { level: 1, name: CONSTITUENCY })).toBeVisible();
  if (pendingOnly) {
    await page.getByRole('link', { name: 'Show only the precincts still awaiting approval' }).click();
    await page.waitForURL(/show=pending/);
    await expect(page.getByRole('link', { name: 'Show all precincts' })).toBeVisible();
  }
}

/** The figures for the precinct open on `page`, read from its entry form. */
async function figuresOf(page: Page) {
  const form = page.getByRole('form', { name: 'Protocol entry' });
  return balanced(await listFigure(page), await form.getByLabel(/^10\.\d+ /).count());
}

async function approve(page: Page) {
  await page.getByLabel('Reason for approving without an image').fill(NO_IMAGE);
  await page.getByRole('button', { name: 'Approve protocol' }).click();
  await page.getByRole('dialog', { name: 'Approve this protocol?' }).getByRole('button', { name: 'Approve the protocol' }).click();
  await expect(page.getByTestId('protocol-status')).toHaveText('Approved');
}

test('a reviewer returns a protocol to data entry with a comment; the operators see why and type it again', async ({ browser }) => {
  const operator = await session(browser, 'operator.aktobe@demo.kz');
  const operator2 = await session(browser, 'operator2.aktobe@demo.kz');
  const reviewer = await session(browser, 'reviewer.aktobe@demo.kz');
  await openConstituency(operator.page);
  await operator.page
    .getByRole('row')
    .filter({ has: operator.page.getByTestId('protocol-status').getByText('Not entered', { exact: true }) })
    .first()
    .getByRole('link')
    .click();
  await operator.page.waitForURL(/\/staff\/protocols\/precinct\/\d+$/);
  const url = operator.page.url();
  const figures = await figuresOf(operator.page);
  await typeProtocol(operator.page, figures);
  await expect(operator.page.getByTestId('notice')).toContainText('Another operator now types the second copy.');
  await operator2.page.goto(url);
  await typeProtocol(operator2.page, figures);
  await expect(operator2.page.getByTestId('protocol-status')).toHaveText('Awaiting review');
  await expect(operator2.page.getByTestId('notice')).toContainText('Both copies agree');

  await reviewer.page.goto(url);
  const comment = 'The copy typed is of precinct 12, not this one: type it from the right paper.';
  // A return needs its comment, said at the field.
  await reviewer.page.getByRole('button', { name: 'Return to data entry' }).click();
  await reviewer.page.getByRole('dialog', { name: 'Return this protocol to data entry?' }).getByRole('button', { name: 'Return to data entry' }).click();
  await expect(reviewer.page.getByLabel('Why it goes back (the operators will see this)')).toHaveAttribute('aria-invalid', 'true');
  await reviewer.page.getByLabel('Why it goes back (the operators will see this)').fill(comment);
  // The confirmation names what will happen; Cancel changes nothing and gives the focus back.
  const button = reviewer.page.getByRole('button', { name: 'Return to data entry' });
  await button.click();
  const dialog = reviewer.page.getByRole('dialog', { name: 'Return this protocol to data entry?' });
  await expect(dialog).toContainText('two operators type the protocol again from the signed paper');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  await expect(reviewer.page.getByTestId('protocol-status')).toHaveText('Awaiting review');
  await button.click();
  await dialog.getByRole('button', { name: 'Return to data entry' }).click();
  await expect(reviewer.page.getByTestId('protocol-status')).toHaveText('Returned to data entry');
  await expect(reviewer.page.getByTestId('notice')).toContainText('The protocol has been returned to data entry with your comment.');

  // The operators see why: in their queue and on the precinct's page.
  await operator.page.goto('/staff/protocols?election=akim-counting');
  const returned = operator.page.getByTestId('returned-protocols');
  await expect(returned).toContainText(comment);
  await returned.getByRole('link').first().click();
  await expect(operator.page.getByTestId('returned-note')).toContainText(comment);
  await expect(operator.page.getByRole('heading', { level: 2, name: 'Enter the protocol' })).toBeVisible();
  await typeProtocol(operator.page, figures);
  await expect(operator.page.getByTestId('protocol-status')).toHaveText('Entered once');
  await expect(operator.page.getByRole('region', { name: 'History' })).toContainText(comment);
  await operator.close();
  await operator2.close();
  await reviewer.close();
});

test('"Declare results official" shows before every precinct is approved, disabled with what is missing, linked to those precincts', async ({ browser }) => {
  const reviewer = await session(browser, 'reviewer.aktobe@demo.kz');
  await openConstituency(reviewer.page);
  const statuses = await reviewer.page.getByRole('region', { name: 'Precincts' }).getByTestId('protocol-status').allInnerTexts();
  const waiting = statuses.filter((status) => status !== 'Approved').length;
  expect(waiting).toBeGreaterThan(0);
  await expect(reviewer.page.getByRole('button', { name: 'Declare results official' })).toBeDisabled();
  const hint = reviewer.page.getByTestId('mark-official-hint');
  await expect(hint).toHaveText(`${waiting} of ${statuses.length} precincts still need approval.`);
  await expect(reviewer.page.getByRole('button', { name: 'Declare results official' })).toHaveAccessibleDescription(
    `${waiting} of ${statuses.length} precincts still need approval.`,
  );
  await hint.getByRole('link').click();
  await expect(reviewer.page.getByRole('link', { name: 'Show all precincts' })).toBeVisible();
  await expect(reviewer.page.getByRole('region', { name: 'Precincts' }).getByTestId('protocol-status')).toHaveCount(waiting);
  await expect(reviewer.page.getByRole('region', { name: 'Precincts' }).getByTestId('protocol-status').getByText('Approved', { exact: true })).toHaveCount(0);
  await reviewer.close();
});

test('the last step: the remaining precincts entered twice and approved, the results declared official, the public page shows them as official', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const operator = await session(browser, 'operator.aktobe@demo.kz');
  const operator2 = await session(browser, 'operator2.aktobe@demo.kz');
  const reviewer = await session(browser, 'reviewer.aktobe@demo.kz');
  for (;;) {
    await openConstituency(reviewer.page, true);
    const pending = reviewer.page
      .getByRole('region', { name: 'Precincts' })
      .getByRole('row')
      .filter({ has: reviewer.page.getByTestId('protocol-status') });
    if ((await pending.count()) === 0) break;
    const status = await pending.first().getByTestId('protocol-status').innerText();
    await pending.first().getByRole('link').click();
    await reviewer.page.waitForURL(/\/staff\/protocols\/precinct\/\d+$/);
    const url = reviewer.page.url();
    if (status === 'Not entered' || status === 'Entered once') {
      // The first copy of a new protocol, or of the one returned above, is operator 1's.
      if (status === 'Not entered') {
        await operator.page.goto(url);
        await typeProtocol(operator.page, await figuresOf(operator.page));
        // The second operator opens the precinct only once the first copy is saved.
        await expect(operator.page.getByTestId('protocol-status')).toHaveText('Entered once');
      }
      await operator2.page.goto(url);
      await typeProtocol(operator2.page, await figuresOf(operator2.page));
      await expect(operator2.page.getByTestId('protocol-status')).toHaveText('Awaiting review');
      await reviewer.page.reload();
    } else {
      expect(status).toBe('Awaiting review');
    }
    await approve(reviewer.page);
  }

  await openConstituency(reviewer.page);
  await expect(reviewer.page.getByTestId('mark-official-hint')).toHaveCount(0);
  await reviewer.page.getByRole('button', { name: 'Declare results official' }).click();
  const dialog = reviewer.page.getByRole('dialog', { name: `Declare the results of ${CONSTITUENCY} official?` });
  await expect(dialog).toContainText('Only an administrator can reopen them');
  await dialog.getByRole('button', { name: 'Declare official' }).click();
  await expect(reviewer.page.getByTestId('notice')).toContainText('The election results have been determined: they are official now.');
  await expect(reviewer.page.getByRole('button', { name: 'Declare results official' })).toHaveCount(0);
  const precincts = await reviewer.page.getByRole('region', { name: 'Precincts' }).getByTestId('protocol-status').count();

  // The public page shows the constituency as decided (results poll + page cache, decisions 004 and 005).
  const visitor = await (await browser.newContext()).newPage();
  await expect(async () => {
    await visitor.goto('/results/akim-counting/constituency/aktobe-kobda');
    await expect(visitor.getByTestId('outcome')).toContainText('Elected:', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(visitor.getByTestId('reported')).toContainText(`${precincts} of ${precincts}`);
  await operator.close();
  await operator2.close();
  await reviewer.close();
});
