import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import { todayInKazakhstan } from '../lib/calendar';
import { makeIin } from '../lib/identity/iin';

export const DEMO_PASSWORD = 'demo-pass-2023';

/** Fills in and sends the sign-in form on the page already open. */
export async function submitSignInForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await submitSignInForm(page, email, password);
}

export async function signInAndWait(page: Page, email: string, password = DEMO_PASSWORD) {
  await signIn(page, email, password);
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** A valid IIN for the birth date and sex (the first serial whose checksum works). */
export function iinFor(birthDate: string, sex: 'male' | 'female') {
  for (let serial = 7000; ; serial++) {
    const iin = makeIin(birthDate, sex, serial);
    if (iin) return iin;
  }
}

export type Nominee = { name: string; birthDate: string; sex: 'male' | 'female'; constituency: string; party?: string; signatures?: string };

/** Fills in and sends the nomination form of an election; the caller checks the outcome. */
export async function nominate(page: Page, electionSlug: string, nominee: Nominee) {
  await page.goto(`/staff/candidates?election=${electionSlug}`);
  await page.getByRole('link', { name: 'Nominate a candidate' }).click();
  // The form opens with the keyboard in its first field.
  await expect(page.getByLabel('Full name')).toBeFocused();
  await page.getByLabel('Full name').fill(nominee.name);
  await page.getByLabel('IIN').fill(iinFor(nominee.birthDate, nominee.sex));
  await page.getByLabel('Date of birth').fill(nominee.birthDate);
  await page.getByLabel('Sex').selectOption(nominee.sex);
  await page.getByLabel('Education').fill('Higher: public administration');
  await page.getByLabel('Current position').fill('Head of department, district akimat');
  await page.getByLabel('Constituency').selectOption({ label: nominee.constituency });
  if (nominee.party) {
    await page.getByLabel('Party', { exact: true }).check();
    await page.getByRole('combobox', { name: 'Party' }).selectOption({ label: nominee.party });
  } else {
    await expect(page.getByText(/At least \d+ signatures/)).toBeVisible();
    await page.getByLabel('Valid supporting signatures').fill(nominee.signatures ?? '0');
  }
  await page.getByLabel('Application received').check();
  await page.getByLabel('Asset-declaration certificates received').check();
  // The deposit required stands beside the field, as the signatures required do.
  await expect(page.getByText('Required: 425,000 tenge.')).toBeVisible();
  await page.getByLabel('Electoral deposit paid (tenge)').fill('425000');
  await page.getByLabel('Deposit paid on').fill(todayInKazakhstan());
  await page.getByRole('button', { name: 'Save nomination' }).click();
}

/** No serious or critical accessibility violations on the page as it stands. */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  expect(serious).toEqual([]);
}

/** A signed-in person in a browser context of their own. */
export async function session(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, email);
  return { page, close: () => context.close() };
}

export type Figures = {
  atClose: number;
  received: number;
  premises: number;
  outside: number;
  stationary: number;
  mobile: number;
  spoiled: number;
  unused: number;
  invalid: number;
  againstAll: number;
  votes: number[];
};

/** A balanced protocol for a precinct of `voters` on the approved list, `added` more at the close, `outside` ballots taken out in mobile boxes. */
export function balanced(voters: number, candidates: number, { added = 0, outside = 0 } = {}): Figures {
  const atClose = voters + added;
  const issued = Math.floor(atClose * 0.6);
  const found = issued - 2;
  const mobile = Math.max(0, outside - 1);
  const invalid = 5;
  const againstAll = 7;
  const counted = found - invalid - againstAll;
  const votes = Array.from({ length: candidates }, (_, i) => (i === 0 ? counted - Math.floor(counted / 3) * (candidates - 1) : Math.floor(counted / 3)));
  const received = atClose + 20;
  return {
    atClose,
    received,
    premises: issued - outside,
    outside,
    stationary: found - mobile,
    mobile,
    spoiled: 4,
    unused: received - issued - 4,
    invalid,
    againstAll,
    votes,
  };
}

export const line = (number: number) => new RegExp(`^${number}\\. `);
export const candidateLine = (order: number) => new RegExp(`^10\\.${order} `);
export const listFigure = async (page: Page) =>
  Number(/Approved list: ([\d,]+)/.exec(await page.getByTestId('voters-on-list').innerText())![1]!.replace(/\D/g, ''));

/** Lines 1 to 9 of the paper form, in its order. */
export const lineValues = (figures: Figures) => [
  figures.atClose,
  figures.received,
  figures.premises,
  figures.outside,
  figures.stationary,
  figures.mobile,
  figures.spoiled,
  figures.unused,
  figures.invalid,
];

export async function typeProtocol(page: Page, figures: Figures) {
  const form = page.getByRole('form', { name: 'Protocol entry' });
  await expect(form.getByLabel(line(1))).toBeFocused();
  // Keyboard only: type each line and tab to the next, in the paper form's order, then the signatures.
  const sequence = [...lineValues(figures), ...figures.votes, figures.againstAll, 'Ахметов Ержан Серікұлы', 'Иванова Анна Петровна', 9, 8, 8];
  for (const value of sequence) {
    await page.keyboard.type(String(value));
    await page.keyboard.press('Tab');
  }
  // The dissenting-opinion radio group: "No".
  await page.keyboard.press('Space');
  await expect(form.getByRole('radio', { name: 'No' })).toBeChecked();
  // Signed at 20:30 on voting day, the evening the polls closed.
  const signedAt = form.getByLabel('Signed at (Kazakhstan time)');
  await signedAt.fill((await signedAt.getAttribute('min'))!.replace('T20:00', 'T20:30'));
  await expect(form.getByTestId('relations')).toContainText('All control relations hold.');
  await form.getByRole('button', { name: 'Save protocol' }).click();
}
