import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, signInThroughApi } from './support/api.js';
import { type Browser, expectAccessible, openBrowser, fieldByLabel, saveScreenshot, signInInBrowser } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { intlLocales, type Language, loadTranslations, translationKeys } from './support/translations.js';

const admin = { email: 'admin-audit@example.org', password: 'correct horse battery staple', name: 'Jana Nováková' };
const counsellor = { name: 'Karel Dvořák', email: 'karel.dvorak@example.org', password: 'counselling passphrase 7' };
const dpo = { name: 'Eva Svobodová', email: 'eva.svobodova@example.org', password: 'data protection passphrase 3' };

type RegisteredClient = { id: string; clientNumber: string; givenName: string; familyName: string };

/**
 * A counsellor searches for a client and opens the record. The data protection officer then filters
 * the audit trail by the client's number, sees who looked the client up (the search, with how many
 * clients it returned and that this one was among them, and the read, each with the counsellor's
 * name), and exports the trail to CSV, whose rows are read back. The audit page passes axe and fits
 * 360 px without sideways scrolling.
 */
describe('finding who looked up a client', () => {
  const language: Language = 'cs';
  const t = loadTranslations(language);
  const keys = new Set(translationKeys(language));
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let step = 'start';
  let client: RegisteredClient;

  async function checkPage(where: string) {
    step = where;
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `${where} (${language})`);
    const text = await page.locator('body').innerText();
    expect(
      text.split(/\s+/).filter((word) => keys.has(word)),
      `translation keys shown on ${where}`,
    ).toEqual([]);
    expect(browser.problems, `console errors on ${where}`).toEqual([]);
  }

  const field = (label: string) => fieldByLabel(page, label);

  beforeAll(async () => {
    server = await startServer({
      INTEGRA_ADMIN_EMAIL: admin.email,
      INTEGRA_ADMIN_PASSWORD: admin.password,
      INTEGRA_ADMIN_NAME: admin.name,
    });
    const adminCookie = await signInThroughApi(server, admin);
    await callApi(server, adminCookie, 'POST', '/api/users', { ...counsellor, roles: ['social_counsellor'], locale: language });
    await callApi(server, adminCookie, 'POST', '/api/users', { ...dpo, roles: ['dpo'], locale: language });
    // Registered at the front desk earlier: the counsellor meets the client for the first time.
    client = (await callApi(server, await signInThroughApi(server, counsellor), 'POST', '/api/clients', {
      givenName: 'Thi Lan',
      familyName: 'Nguyenová',
      sex: 'female',
      dateOfBirth: '1992-11-03',
      citizenships: ['VN'],
    })) as RegisteredClient;
    browser = await openBrowser({ locale: intlLocales[language] });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the DPO who searched for and opened the client, and exports it', async () => {
    try {
      step = 'the counsellor searches';
      await signInInBrowser(page, server.url, t, counsellor);
      await page.goto(`${server.url}/clients`);
      await page.getByRole('heading', { name: t('clients.title'), level: 1 }).waitFor();
      await field(t('clients.search')).fill('Nguyenova');
      const row = page.getByRole('table', { name: t('clients.tableLabel') }).getByRole('row', { name: new RegExp(client.clientNumber) });
      await row.waitFor();
      await page.waitForLoadState('networkidle');
      step = 'the counsellor opens the record';
      await row.getByRole('link').click();
      await page.waitForURL(`**/clients/${client.id}`);
      await page.getByRole('heading', { level: 1, name: /Nguyenová/i }).waitFor();
      await page.waitForLoadState('networkidle');

      step = 'the DPO filters by the client number';
      await signInInBrowser(page, server.url, t, dpo);
      await page.goto(`${server.url}/audit`);
      await page.getByRole('heading', { name: t('audit.title'), level: 1 }).waitFor();
      await field(t('audit.clientNumber')).fill(client.clientNumber);
      await page.getByRole('button', { name: t('audit.apply') }).click();
      await page.waitForURL(/clientNumber=/);
      const table = page.getByRole('table', { name: t('audit.tableLabel') });
      // Lists and searches that returned this client, with the counsellor's name.
      const searchRow = table
        .getByRole('row')
        .filter({ hasText: t('auditAction.client.searched') })
        .filter({ hasText: `${t('audit.listed', { count: '1' })}, ${t('audit.listedIncludes')}` })
        .filter({ hasText: counsellor.name });
      await searchRow.first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(
        await table
          .getByRole('row')
          .filter({ hasText: t('auditAction.client.searched') })
          .count(),
      ).toBe(await searchRow.count());
      const readRow = table
        .getByRole('row')
        .filter({ hasText: t('auditAction.client.read') })
        .filter({ hasText: counsellor.name });
      await readRow.waitFor();
      // The DPO may read clients: the number and the name, not an id.
      expect(await readRow.innerText()).toContain(`${client.clientNumber} · Thi Lan Nguyenová`);
      expect(await table.innerText()).not.toContain(client.id);
      await checkPage('audit trail filtered by client number');

      step = 'the DPO exports the trail';
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t('audit.export') }).click()]);
      expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
      const bytes = readFileSync(await download.path());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [heading, ...rows] = parseCsv(bytes.subarray(3).toString('utf8')) as string[][];
      expect(heading?.slice(0, 4)).toEqual(['Čas (Praha)', 'Pracovník', 'ID pracovníka', 'Akce']);
      const column = (name: string) => heading?.indexOf(name) ?? -1;
      const byCounsellor = rows.filter((r) => r[column('Pracovník')] === counsellor.name);
      const actions = byCounsellor.map((r) => r[column('Akce')]);
      expect(actions).toContain('client.searched');
      expect(actions).toContain('client.read');
      expect(actions.at(-1)).toBe('client.created');
      const read = byCounsellor.find((r) => r[column('Akce')] === 'client.read');
      expect(read?.[column('Číslo klienta')]).toBe(client.clientNumber);
      expect(read?.[column('Jméno klienta')]).toBe('Thi Lan Nguyenová');
      const search = byCounsellor.filter((r) => r[column('Akce')] === 'client.searched');
      expect(search.every((r) => r[column('Mezi nimi filtrovaný klient')] === 'ano')).toBe(true);
      // Every row is about this client: its own entries, or lists that returned it.
      const unrelated = rows.filter(
        (r) => r[column('Číslo klienta')] !== client.clientNumber && r[column('Mezi nimi filtrovaný klient')] !== 'ano',
      );
      expect(unrelated).toEqual([]);

      step = 'the audit page at 360 px';
      await page.setViewportSize({ width: 360, height: 740 });
      await searchRow.first().waitFor();
      // After the resize the layout settles (menus collapse); then nothing may stick out.
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth), {
          timeout: 5_000,
          message: 'page width of the audit trail at 360 px',
        })
        .toBeLessThanOrEqual(360);
      await checkPage('audit trail at 360 px');
      await page.setViewportSize({ width: 1280, height: 900 });
    } catch (error) {
      await saveScreenshot(page, `audit-${step.replace(/\W+/g, '-')}`);
      throw error;
    }
  });
});
