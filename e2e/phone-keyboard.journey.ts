import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, expectAccessible, openBrowser, saveScreenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { loadTranslations } from './support/translations.js';

const admin = { email: 'admin@example.org', password: 'correct horse battery staple' };

/**
 * A receptionist's phone: 360 px wide, and only the keyboard. Sign in, open the navigation, find a
 * client and open the record — every control reached with Tab, no page wider than the screen.
 */
describe('at 360 px with the keyboard alone', () => {
  const t = loadTranslations('cs');
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({
      INTEGRA_ADMIN_EMAIL: admin.email,
      INTEGRA_ADMIN_PASSWORD: admin.password,
      INTEGRA_ADMIN_NAME: 'Eva Dvořáková',
    });
    await registerClient(server.url);
    browser = await openBrowser({ width: 360, height: 740 });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Presses Tab until the focused element has this accessible name; fails if it is never reached. */
  async function tabTo(name: string | RegExp) {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const labelledBy = el.getAttribute('aria-labelledby');
        const byId = labelledBy ? document.getElementById(labelledBy)?.textContent : undefined;
        const byLabel = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
        return (el.getAttribute('aria-label') ?? byId ?? byLabel ?? el.textContent ?? '').replace(/\s*\*$/, '').trim();
      });
      if (typeof name === 'string' ? focused === name : name.test(focused)) return;
    }
    throw new Error(`could not reach ${String(name)} with Tab`);
  }

  async function expectFitsScreen(where: string) {
    await page.waitForLoadState('networkidle');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `page width on ${where}`).toBeLessThanOrEqual(360);
    await expectAccessible(page, `${where} at 360 px`);
    expect(browser.problems, `console errors on ${where}`).toEqual([]);
  }

  it('signs in, navigates and opens a client record', async () => {
    try {
      await page.goto(`${server.url}/sign-in`);
      await page.getByRole('heading', { name: t('signIn.title') }).waitFor();
      await expectFitsScreen('sign-in');
      await tabTo(t('signIn.email'));
      await page.keyboard.type(admin.email);
      await tabTo(t('signIn.password'));
      await page.keyboard.type(admin.password);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /Eva Dvořáková/ }).waitFor();
      await expectFitsScreen('home');

      await tabTo(t('shell.openNavigation'));
      await page.keyboard.press('Enter');
      await tabTo(t('nav.clients'));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: t('clients.title'), level: 1 }).waitFor();
      await page
        .getByRole('table', { name: t('clients.tableLabel') })
        .getByRole('link')
        .first()
        .waitFor();
      await expectFitsScreen('client list');

      await tabTo(/Коваленко|KOVALENKO/i);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /Коваленко|Kovalenko/i }).waitFor();
      await expectFitsScreen('client detail');
    } catch (error) {
      await saveScreenshot(page, 'phone-keyboard');
      throw error;
    }
  });
});

/** Registers one client through the API, as another workstation would. */
async function registerClient(url: string) {
  const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const created = await fetch(`${url}/api/clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      givenName: 'Iryna',
      familyName: 'Kovalenko',
      givenNameNative: 'Ірина',
      familyNameNative: 'Коваленко',
      sex: 'female',
      dateOfBirth: '1990-06-01',
      citizenships: ['UA'],
      residence: { category: 'temporary_protection', validFrom: '2026-04-01', validUntil: '2027-03-31' },
      address: { municipality: 'Teplice', district: 'Teplice' },
    }),
  });
  if (created.status !== 201) throw new Error(`client not registered: ${created.status}`);
}
