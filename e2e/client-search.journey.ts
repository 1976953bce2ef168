import type { Page } from 'playwright-core';
import { matchReasons } from '../src/shared/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, expectAccessible, openBrowser, saveScreenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { intlLocales, type Language, loadTranslations, translationKeys } from './support/translations.js';

const admin = { email: 'admin-search@example.org', password: 'correct horse battery staple', name: 'Jana Nováková' };
const receptionist = { name: 'Petra Malá', email: 'petra.mala@example.org', password: 'reception desk passphrase 1' };
const coordinator = { name: 'Tomáš Král', email: 'tomas.kral@example.org', password: 'coordination passphrase 22' };

type RegisteredClient = { id: string; clientNumber: string };

/**
 * A receptionist finds a client registered only in Cyrillic by typing a Latin or Czech spelling into
 * the header search (keyboard shortcuts, arrow keys, Enter; also at 360 px), then starts registering
 * the same person again and is sent to the existing record by the duplicate panel. A coordinator merges
 * a second record of that person into it, and the old record's link leads to the survivor. The search,
 * the form with the duplicate panel and the merge page pass axe and show no untranslated text.
 */
describe('finding clients by any spelling, and keeping one record per person', () => {
  const language: Language = 'cs';
  const t = loadTranslations(language);
  const keys = new Set(translationKeys(language));
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let step = 'start';
  let adminCookie = '';
  let existing: RegisteredClient;

  async function checkPage(where: string) {
    step = where;
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `${where} (${language})`);
    const text = await page.locator('body').innerText();
    const shownKeys = text.split(/\s+/).filter((word) => keys.has(word));
    expect(shownKeys, `translation keys shown on ${where}`).toEqual([]);
    expect(browser.problems, `console errors on ${where}`).toEqual([]);
  }

  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const field = (label: string) => page.getByLabel(new RegExp(`^${escapeRegExp(label)}( \\*)?$`));
  const headerSearch = () => page.getByRole('combobox', { name: t('search.label') });
  const focusedRole = () => page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName);

  /** Calls the API as the administrator, as another workstation would. */
  async function api(path: string, body: unknown): Promise<unknown> {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: adminCookie, origin: server.url },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as unknown;
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  }

  async function signIn(user: { email: string; password: string; name: string }) {
    await page.goto(`${server.url}/sign-in`);
    await field(t('signIn.email')).fill(user.email);
    await field(t('signIn.password')).fill(user.password);
    await page.getByRole('button', { name: t('signIn.submit') }).click();
    await page.getByRole('heading', { name: t('home.greeting', { name: user.name }) }).waitFor();
  }

  beforeAll(async () => {
    server = await startServer({
      INTEGRA_ADMIN_EMAIL: admin.email,
      INTEGRA_ADMIN_PASSWORD: admin.password,
      INTEGRA_ADMIN_NAME: admin.name,
    });
    const signedIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: admin.email, password: admin.password }),
    });
    adminCookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    await api('/api/users', { ...receptionist, roles: ['receptionist'], locale: language });
    await api('/api/users', { ...coordinator, roles: ['coordinator'], locale: language });
    // Registered from a Ukrainian document only: the passport-name fields hold the Cyrillic name.
    existing = (await api('/api/clients', {
      givenName: 'Олександр',
      familyName: 'Шевченко',
      sex: 'male',
      dateOfBirth: '1985-03-15',
      citizenships: ['UA'],
    })) as RegisteredClient;
    browser = await openBrowser({ locale: intlLocales[language] });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds the client by Latin and Czech spellings with the keyboard, and at 360 px', async () => {
    try {
      step = 'sign in as receptionist';
      await signIn(receptionist);

      step = 'search with /';
      await headerSearch().waitFor();
      await page.keyboard.press('/');
      expect(await focusedRole()).toBe('combobox');
      await page.keyboard.type('shevchenko');
      const result = page.getByRole('option', { name: /Шевченко/i });
      await result.first().waitFor();
      await expect(headerSearch().getAttribute('aria-expanded')).resolves.toBe('true');
      await page
        .getByRole('status')
        .filter({ hasText: t('search.resultCount', { total: '1', shown: '1' }) })
        .waitFor({ state: 'attached' });
      expect(await result.first().innerText()).toContain(existing.clientNumber);
      expect(await result.first().innerText()).toContain('15. 3. 1985');
      // Why it was found, as a translated label ("jiný přepis jména" …).
      const reasonLabels = matchReasons.map((reason) => t(`matchReason.${reason}`));
      const resultText = await result.first().innerText();
      expect(
        reasonLabels.some((label) => resultText.includes(label)),
        resultText,
      ).toBe(true);
      await checkPage('header search with results');

      step = 'open with the keyboard';
      await page.keyboard.press('ArrowDown');
      const active = await headerSearch().getAttribute('aria-activedescendant');
      expect(active).toBeTruthy();
      expect(await page.locator(`[id="${active}"]`).innerText()).toContain(existing.clientNumber);
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/clients/${existing.id}`);
      const detailHeading = page.getByRole('heading', { level: 1, name: /Шевченко/i });
      await detailHeading.waitFor();

      step = 'search with Ctrl+K and a Czech spelling';
      await page.keyboard.press('Control+k');
      expect(await focusedRole()).toBe('combobox');
      await page.keyboard.type('Ševčenko');
      await result.first().waitFor();
      await page.keyboard.press('Escape');
      await expect(headerSearch().getAttribute('aria-expanded')).resolves.toBe('false');
      expect(await page.getByRole('listbox').count()).toBe(0);

      step = 'all results in the client list';
      // Enter with no result chosen shows them all in the client list, best match first, with the reasons.
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: t('clients.title'), level: 1 }).waitFor();
      const row = page.getByRole('table', { name: t('clients.tableLabel') }).getByRole('row', { name: new RegExp(existing.clientNumber) });
      await row.waitFor();
      expect(await row.getByRole('group', { name: t('clients.matchedBy') }).count()).toBe(1);
      await page.getByText(t('clients.sortedByRelevance')).waitFor();
      expect(decodeURIComponent(page.url())).not.toMatch(/ševčenko/i);
      await checkPage('client list from the header search');
      await row.getByRole('link').click();
      await detailHeading.waitFor();

      step = 'search at 360 px';
      await page.setViewportSize({ width: 360, height: 740 });
      await page.getByRole('button', { name: t('search.open') }).click();
      const dialog = page.getByRole('dialog', { name: t('search.label') });
      await dialog.waitFor();
      expect(await focusedRole()).toBe('combobox');
      await page.keyboard.type('shevchenko');
      await dialog
        .getByRole('option', { name: /Шевченко/i })
        .first()
        .waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, 'page width with the search open at 360 px').toBeLessThanOrEqual(360);
      await checkPage('full-screen search at 360 px');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await detailHeading.waitFor();
      await page.setViewportSize({ width: 1280, height: 900 });
    } catch (error) {
      await saveScreenshot(page, `client-search-${step.replace(/\W+/g, '-')}`);
      throw error;
    }
  });

  it('sends a second registration of the same person to the existing record', async () => {
    try {
      step = 'registration form';
      await page.goto(`${server.url}/clients/new`);
      await page.getByRole('heading', { name: t('clients.newTitle'), level: 1 }).waitFor();
      await field(t('clients.familyName')).fill('Shevchenko');
      await field(t('clients.givenName')).fill('Oleksandr');
      await field(t('clients.dateOfBirth')).fill('15.3.1985');
      await field(t('clients.dateOfBirth')).press('Tab');
      const panel = page.getByRole('region', { name: t('clients.duplicateTitle') });
      await panel.waitFor();
      expect(await panel.innerText()).toContain(existing.clientNumber);
      // The panel appears without taking the focus from the form.
      expect(
        await page.evaluate(() => Boolean(document.activeElement?.closest('section[aria-labelledby="possible-duplicates-heading"]'))),
      ).toBe(false);
      await checkPage('registration form with the duplicate panel');

      await panel.getByRole('link', { name: new RegExp(`^${escapeRegExp(t('clients.openThisRecord'))} ${existing.clientNumber}`) }).click();
      await page.waitForURL(`**/clients/${existing.id}`);
      await page.getByRole('heading', { level: 1, name: /Шевченко/i }).waitFor();
    } catch (error) {
      await saveScreenshot(page, `client-search-${step.replace(/\W+/g, '-')}`);
      throw error;
    }
  });

  it('lets a coordinator merge a duplicate record, whose old link then leads to the survivor', async () => {
    try {
      step = 'second record';
      const duplicate = (await api('/api/clients', {
        givenName: 'Oleksandr',
        familyName: 'Sevcenko',
        sex: 'male',
        dateOfBirth: '1985-03-15',
        citizenships: ['UA'],
        phone: '+420 777 123 456',
        confirmDuplicate: true,
      })) as RegisteredClient;

      step = 'sign in as coordinator';
      await page.context().clearCookies();
      await signIn(coordinator);
      await page.goto(`${server.url}/clients/${existing.id}`);
      await page.getByRole('heading', { level: 1, name: /Шевченко/i }).waitFor();
      await page.getByRole('link', { name: t('merge.action') }).click();
      await page.getByRole('heading', { level: 1, name: t('merge.title', { number: existing.clientNumber }) }).waitFor();
      await checkPage('merge page');

      step = 'find the duplicate';
      const find = page.getByRole('combobox', { name: t('merge.findLabel') });
      await find.click();
      await page.keyboard.type('Sevcenko');
      const option = page.getByRole('option', { name: new RegExp(duplicate.clientNumber) });
      await option.waitFor();
      // The record being merged into is not offered.
      expect(await page.getByRole('option', { name: new RegExp(existing.clientNumber) }).count()).toBe(0);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      const numbers = { survivor: existing.clientNumber, duplicate: duplicate.clientNumber };
      const comparison = page.getByRole('table', { name: t('merge.tableLabel', numbers) });
      await comparison.waitFor();

      step = 'choose and confirm';
      const keepPhone = page.getByRole('radio', {
        name: t('merge.keepValue', { field: t('clients.phone'), value: '777 123 456', number: duplicate.clientNumber }),
      });
      const keepOwnName = page.getByRole('radio', {
        name: t('merge.keepValue', { field: t('clients.familyName'), value: 'Шевченко', number: existing.clientNumber }),
      });
      expect(await keepOwnName.isChecked()).toBe(true);
      await keepPhone.check();
      await field(t('merge.reason')).fill('Tentýž pas, zapsán dvakrát pod různým přepisem jména.');
      await checkPage('merge comparison');
      await page.getByRole('button', { name: t('merge.submit') }).click();
      const confirm = page.getByRole('dialog', { name: t('merge.confirmTitle', numbers) });
      await confirm.waitFor();
      await checkPage('merge confirmation');
      await confirm.getByRole('button', { name: t('merge.confirm', numbers) }).click();

      step = 'survivor';
      await page.waitForURL(`**/clients/${existing.id}`);
      await page.getByText(t('merge.done', numbers)).waitFor();
      await page.getByText(t('clients.mergedRecords')).waitFor();
      expect(await page.locator('main').innerText()).toContain(duplicate.clientNumber);
      await page.getByText('777 123 456', { exact: true }).first().waitFor();

      step = 'old link';
      await page.goto(`${server.url}/clients/${duplicate.id}`);
      await page.waitForURL(`**/clients/${existing.id}`);
      await page.getByText(t('clients.redirectedFromMerged', { number: duplicate.clientNumber, into: existing.clientNumber })).waitFor();
      await checkPage('survivor reached by the merged record’s link');
    } catch (error) {
      await saveScreenshot(page, `client-search-${step.replace(/\W+/g, '-')}`);
      throw error;
    }
  });
});
