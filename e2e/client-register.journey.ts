import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, expectAccessible, openBrowser, saveScreenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { intlLocales, type Language, loadTranslations, translationKeys } from './support/translations.js';

/**
 * First-run setup → sign-in → register a client with a Cyrillic native name → find them in the list
 * → edit → the audit trail shows the registration, the read and the change. Run in each UI language;
 * every page passes axe and shows no untranslated text.
 */
describe.each<Language>(['cs', 'en', 'uk'])('client register journey in %s', (language) => {
  const t = loadTranslations(language);
  const keys = new Set(translationKeys(language));
  const countryName = (code: string) => new Intl.DisplayNames([intlLocales[language]], { type: 'region' }).of(code) as string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let step = 'start';

  const admin = { name: 'Jana Nováková', email: `admin-${language}@example.org`, password: 'correct horse battery staple' };

  /** Every page on the way: accessible, and no translation key or missing-key report in sight. */
  async function checkPage(where: string) {
    step = where;
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `${where} (${language})`);
    const text = await page.locator('body').innerText();
    const shownKeys = text.split(/\s+/).filter((word) => keys.has(word));
    expect(shownKeys, `translation keys shown on ${where}`).toEqual([]);
    expect(browser.problems, `console errors on ${where}`).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe(language);
  }

  /** A form control by its label as the user reads it (Mantine marks required ones with an asterisk). */
  const field = (label: string) => page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));

  async function choose(label: string, option: string) {
    const input = page.getByRole('combobox', { name: label, exact: true });
    await input.click();
    await input.fill(option.slice(0, 4));
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser({ locale: intlLocales[language] });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('walks from first-run setup to the audit trail', async () => {
    try {
      await page.goto(server.url);
      await page.getByRole('heading', { name: t('setup.title') }).waitFor();
      await checkPage('setup');
      await field(t('setup.centreName')).fill('Centrum na podporu integrace cizinců');
      await choose(t('setup.region'), t('region.CZ-42'));
      await field(t('setup.adminName')).fill(admin.name);
      await field(t('setup.adminEmail')).fill(admin.email);
      await field(t('setup.adminPassword')).fill(admin.password);
      await field(t('setup.passwordAgain')).fill(admin.password);
      await page.getByRole('button', { name: t('setup.submit') }).click();

      await page.getByRole('heading', { name: t('signIn.title') }).waitFor();
      await checkPage('sign-in');
      await field(t('signIn.email')).fill(admin.email);
      await field(t('signIn.password')).fill(admin.password);
      await page.getByRole('button', { name: t('signIn.submit') }).click();
      await page.getByRole('heading', { name: t('home.greeting', { name: admin.name }) }).waitFor();

      // The new administrator's account starts in Czech: switch it to this journey's language.
      if ((await page.getAttribute('html', 'lang')) !== language) {
        await page.getByRole('button', { name: /Jazyk|Language|Мова/ }).click();
        await page.getByRole('menuitem', { name: { cs: 'Čeština', en: 'English', uk: 'Українська' }[language] }).click();
        await page.getByRole('heading', { name: t('home.greeting', { name: admin.name }) }).waitFor();
      }
      await checkPage('home');

      await page
        .getByRole('navigation')
        .getByRole('link', { name: t('nav.clients') })
        .first()
        .click();
      await page.getByRole('heading', { name: t('clients.title'), level: 1 }).waitFor();
      await checkPage('client list (empty)');

      await page.getByRole('link', { name: t('clients.new') }).click();
      await page.getByRole('heading', { name: t('clients.newTitle'), level: 1 }).waitFor();
      await checkPage('new client form');
      await field(t('clients.familyName')).fill('Shevchenko');
      await field(t('clients.givenName')).fill('Oleksandr');
      await field(t('clients.familyNameNative')).fill('Шевченко');
      await field(t('clients.givenNameNative')).fill('Олександр');
      await page.getByRole('radio', { name: t('sex.male'), exact: true }).check();
      await field(t('clients.dateOfBirth')).fill('15.3.1985');
      await field(t('clients.dateOfBirth')).press('Tab');
      await choose(t('clients.citizenships'), countryName('UA'));
      await page.keyboard.press('Escape');
      await field(t('clients.phone')).fill('+420 777 123 456');
      await choose(t('clients.district'), 'Teplice');
      await choose(t('clients.residenceCategory'), t('residenceCategory.temporary_protection'));
      await field(t('clients.validUntilLabel')).fill('31.3.2027');
      await field(t('clients.validUntilLabel')).press('Tab');
      await page.getByRole('button', { name: t('common.save'), exact: true }).click();

      const detailHeading = page.getByRole('heading', { level: 1, name: /Шевченко|SHEVCHENKO|Shevchenko/ });
      await detailHeading.waitFor();
      await expect(
        page
          .getByText(/^\d{4}-\d{5}$/)
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      await checkPage('client detail after registration');

      await page
        .getByRole('navigation')
        .getByRole('link', { name: t('nav.clients') })
        .first()
        .click();
      await field(t('clients.search')).fill('sevcenko');
      const searchInput = field(t('clients.search'));
      await searchInput.fill('шевченко');
      const row = page.getByRole('table', { name: t('clients.tableLabel') }).getByRole('link', { name: /Shevchenko|SHEVCHENKO/i });
      await row.first().waitFor();
      // Names stay out of the address bar (browser history, sign-in redirects).
      expect(decodeURIComponent(page.url())).not.toMatch(/sevcenko|шевченко/i);
      await checkPage('client list with search');
      await row.first().click();
      await detailHeading.waitFor();
      await checkPage('client detail');

      await page.getByRole('link', { name: t('common.edit') }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(t('clients.editTitle').slice(0, 6)) }).waitFor();
      await checkPage('edit client form');
      await field(t('clients.phone')).fill('+420 608 000 111');
      await page.getByRole('button', { name: t('common.save'), exact: true }).click();
      await detailHeading.waitFor();
      await page.getByText('608 000 111', { exact: true }).first().waitFor();

      await page.getByRole('link', { name: t('clients.auditTrail') }).click();
      await page.getByRole('heading', { name: t('audit.title'), level: 1 }).waitFor();
      const trail = page.getByRole('table', { name: t('audit.tableLabel') });
      await trail.getByText(t('auditAction.client.created'), { exact: true }).first().waitFor();
      await trail.getByText(t('auditAction.client.read'), { exact: true }).first().waitFor();
      await trail.getByText(t('auditAction.client.updated'), { exact: true }).first().waitFor();
      await checkPage('audit trail of the client');
    } catch (error) {
      await saveScreenshot(page, `journey-${language}-${step.replace(/\W+/g, '-')}`);
      throw error;
    }
  });
});
