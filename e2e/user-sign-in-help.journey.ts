import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, expectAccessible, openBrowser, saveScreenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { intlLocales, loadTranslations } from './support/translations.js';

/**
 * An administrator helps a locked-out colleague: sets a new password in the users admin, and the
 * colleague signs in with it. Every page and dialog on the way passes axe.
 */
describe('sign-in help for a colleague', () => {
  const language = 'en';
  const t = loadTranslations(language);
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let step = 'start';

  const admin = { name: 'Jana Nováková', email: 'admin-help@example.org', password: 'correct horse battery staple' };
  const colleague = { name: 'Petr Svoboda', email: 'petr.svoboda@example.org', password: 'the first passphrase 1' };
  const newPassword = 'a brand new passphrase 42';

  async function checkPage(where: string) {
    step = where;
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, where);
    expect(browser.problems, `console errors on ${where}`).toEqual([]);
  }

  const field = (label: string) => page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));

  async function signIn(email: string, password: string) {
    await field(t('signIn.email')).fill(email);
    await field(t('signIn.password')).fill(password);
    await page.getByRole('button', { name: t('signIn.submit') }).click();
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

  it('sets a new password that the colleague then signs in with', async () => {
    try {
      const setup = await page.request.post(`${server.url}/api/setup`, {
        headers: { origin: server.url },
        data: {
          centreName: 'Centrum na podporu integrace cizinců',
          regionCode: 'CZ-42',
          adminName: admin.name,
          adminEmail: admin.email,
          adminPassword: admin.password,
          locale: language,
        },
      });
      expect(setup.status(), await setup.text()).toBe(201);
      await page.goto(`${server.url}/sign-in`);
      await signIn(admin.email, admin.password);
      await page.getByRole('heading', { name: t('home.greeting', { name: admin.name }) }).waitFor();
      const created = await page.request.post(`${server.url}/api/users`, {
        headers: { origin: server.url },
        data: { ...colleague, roles: ['receptionist'], locale: language },
      });
      expect(created.status(), await created.text()).toBe(201);

      await page.goto(`${server.url}/users`);
      await page.getByRole('button', { name: t('users.editNamed', { name: colleague.name }) }).click();
      await page.getByRole('heading', { name: t('users.signInHelp') }).waitFor();
      await checkPage('edit user with sign-in help');
      // Two-step sign-in is off for this colleague, so there is nothing to reset.
      expect(await page.getByRole('button', { name: t('users.resetTwoFactor') }).count()).toBe(0);

      await page.getByRole('button', { name: t('users.setPassword') }).click();
      await page.getByRole('dialog', { name: t('users.setPasswordTitle') }).waitFor();
      await field(t('users.newPassword')).fill(newPassword);
      await field(t('users.newPasswordAgain')).fill('something else entirely');
      await page.getByRole('button', { name: t('users.setPassword') }).click();
      await page.getByText(t('validation.passwordsDiffer')).waitFor();
      await checkPage('set password dialog with an error');
      await field(t('users.newPasswordAgain')).fill(newPassword);
      await page.getByRole('button', { name: t('users.setPassword') }).click();
      await page.getByText(t('users.passwordSet', { name: colleague.name })).waitFor();
      await checkPage('users after setting a password');

      await page.request.post(`${server.url}/api/auth/sign-out`, { headers: { origin: server.url } });
      await page.goto(`${server.url}/sign-in`);
      await signIn(colleague.email, newPassword);
      await page.getByRole('heading', { name: t('home.greeting', { name: colleague.name }) }).waitFor();
    } catch (error) {
      await saveScreenshot(page, `journey-sign-in-help-${step.replace(/\W+/g, '-')}`);
      throw error;
    }
  });
});
