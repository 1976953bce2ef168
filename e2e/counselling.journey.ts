import Holidays from 'date-holidays';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, defaultCounsellingTopics, toCentreDate } from '../src/shared/index.js';
import { callApi, signInThroughApi } from './support/api.js';
import {
  type Browser,
  escapeRegExp,
  expectAccessible,
  openBrowser,
  fieldByLabel,
  saveScreenshot,
  signInInBrowser,
} from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { intlLocales, type Language, loadTranslations, translationKeys } from './support/translations.js';

const admin = { email: 'admin-counselling@example.org', password: 'correct horse battery staple', name: 'Jana Nováková' };
const receptionist = { name: 'Petra Malá', email: 'petra.mala@example.org', password: 'reception desk passphrase 1' };
const counsellor = { name: 'Marie Dvořáková', email: 'marie.dvorakova@example.org', password: 'social counselling phrase 7' };
const coordinator = { name: 'Tomáš Král', email: 'tomas.kral@example.org', password: 'coordination passphrase 22' };
const partnerName = 'Úřad práce ČR – kontaktní pracoviště Ústí nad Labem';

/**
 * A day of counselling in the browser: a receptionist books an appointment for a client with an
 * interpreter; the counsellor finds it on My day (not yet markable attended) and records the consultation
 * from it with topics and the interpreter; adds a goal to the client's individual plan; refers the
 * client to a partner (the client consented to sharing); and the client's timeline shows all of it.
 * Every page passes axe, shows no translation key and logs no console error.
 */
describe.each(['cs', 'en', 'uk'] as const)('counselling: from the booking to the timeline (%s)', (language: Language) => {
  const t = loadTranslations(language);
  const keys = new Set(translationKeys(language));
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let step = 'start';
  let client: { id: string; clientNumber: string; familyName: string };
  /** When the appointment is: today a few minutes ahead, or (on a public holiday, or just before midnight) the next working day. */
  let slot: { date: string; time: string; today: boolean };

  async function checkPage(where: string) {
    step = where;
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `${where} (${language})`);
    const text = await page.locator('body').innerText();
    const shownKeys = text.split(/\s+/).filter((word) => keys.has(word));
    expect(shownKeys, `translation keys shown on ${where}`).toEqual([]);
    expect(browser.problems, `console errors on ${where}`).toEqual([]);
  }

  const field = (label: string) => fieldByLabel(page, label);
  const combobox = (label: string) => page.getByRole('combobox', { name: new RegExp(`^${escapeRegExp(label)}( \\*)?$`) });

  /** Picks an option of a select, typing the start of it where the select searches. */
  async function choose(label: string, option: string | RegExp, typed: string | null) {
    const input = combobox(label);
    await input.click();
    if (typed !== null) await input.fill(typed);
    await page.getByRole('option', { name: option }).first().click();
  }

  /** A date as a user of the language types it. */
  const typedDate = (iso: string) => {
    const [y, m, d] = iso.split('-');
    return { cs: `${Number(d)}. ${Number(m)}. ${y}`, en: `${d}/${m}/${y}`, uk: `${d}.${m}.${y}` }[language];
  };
  /** A topic's name in the UI language, from the default topic list. */
  const topic = (code: string) => defaultCounsellingTopics.find((item) => item.code === code)?.labels[language] as string;

  /** A few minutes from now in Prague, on a day that is not a Czech public holiday. */
  function chooseSlot(): { date: string; time: string; today: boolean } {
    const holidays = new Holidays('CZ');
    const isHoliday = (date: string) => (holidays.isHoliday(new Date(`${date}T12:00:00Z`)) || []).some((h) => h.type === 'public');
    const now = new Date();
    const start = new Date(Math.ceil((now.getTime() + 5 * 60_000) / 300_000) * 300_000);
    const today = toCentreDate(now);
    const date = toCentreDate(start);
    if (date === today && !isHoliday(date)) {
      const time = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Prague',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(start);
      return { date, time, today: true };
    }
    let next = addDays(today, 1);
    while (isHoliday(next)) next = addDays(next, 1);
    return { date: next, time: '10:00', today: false };
  }

  beforeAll(async () => {
    server = await startServer({
      INTEGRA_ADMIN_EMAIL: admin.email,
      INTEGRA_ADMIN_PASSWORD: admin.password,
      INTEGRA_ADMIN_NAME: admin.name,
    });
    const adminCookie = await signInThroughApi(server, admin);
    await callApi(server, adminCookie, 'POST', '/api/users', { ...receptionist, roles: ['receptionist'], locale: language });
    await callApi(server, adminCookie, 'POST', '/api/users', { ...counsellor, roles: ['social_counsellor'], locale: language });
    await callApi(server, adminCookie, 'POST', '/api/users', { ...coordinator, roles: ['coordinator'], locale: language });
    // The centre takes appointments at any hour here, so the journey can book "today" whenever it runs.
    const allDay = [{ from: '00:00', to: '24:00' }];
    await callApi(server, adminCookie, 'PUT', '/api/settings/working-hours', {
      monday: allDay,
      tuesday: allDay,
      wednesday: allDay,
      thursday: allDay,
      friday: allDay,
      saturday: allDay,
      sunday: allDay,
    });
    await callApi(server, adminCookie, 'POST', '/api/partners', { name: partnerName, kind: 'labour_office', languages: ['cs', 'en'] });
    const coordinatorCookie = await signInThroughApi(server, coordinator);
    client = (await callApi(server, coordinatorCookie, 'POST', '/api/clients', {
      givenName: 'Huong',
      familyName: 'Nguyen Thi',
      givenNameNative: 'Hương',
      familyNameNative: 'Nguyễn Thị',
      sex: 'female',
      dateOfBirth: '1988-06-02',
      citizenships: ['VN'],
      languages: ['vi'],
      residence: { category: 'permanent_residence', validFrom: '2019-01-01' },
    })) as typeof client;
    await callApi(server, coordinatorCookie, 'POST', `/api/clients/${client.id}/consents`, {
      purpose: 'sharing_with_partners',
      givenOn: '2026-01-05',
    });
    slot = chooseSlot();
    browser = await openBrowser({ locale: intlLocales[language] });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('books, meets, records, plans, refers, and shows it all on the timeline', async () => {
    try {
      step = 'receptionist books an appointment';
      await signInInBrowser(page, server.url, t, receptionist);
      await page.goto(`${server.url}/clients/${client.id}/appointments`);
      await page.getByRole('heading', { level: 1, name: /Nguyen Thi/i }).waitFor();
      await checkPage("client's appointments");
      await page.getByRole('link', { name: t('appointments.bookAppointment') }).click();
      await choose(t('appointments.counsellor'), counsellor.name, 'Marie');
      await field(t('appointments.date')).fill(typedDate(slot.date));
      await field(t('appointments.date')).press('Tab');
      await field(t('appointments.startTime')).fill(slot.time);
      await field(t('appointments.place')).fill('Kancelář 2');
      const vietnamese = new Intl.DisplayNames([language], { type: 'language' }).of('vi') as string;
      // The clients' common languages come first, each named (never a bare code).
      await combobox(t('appointments.interpreterLanguage')).click();
      const names = new Intl.DisplayNames([language], { type: 'language' });
      const firstOptions = (await page.getByRole('option').allInnerTexts()).slice(0, 3).map((text) => text.trim().toLowerCase());
      expect(firstOptions).toEqual(['uk', 'ru', 'vi'].map((code) => (names.of(code) as string).toLowerCase()));
      await page.keyboard.press('Escape');
      await choose(t('appointments.interpreterLanguage'), new RegExp(`^${vietnamese}`, 'i'), vietnamese.slice(0, 4));
      await checkPage('booking form');
      await page.getByRole('button', { name: t('appointments.book'), exact: true }).click();
      await page.waitForURL(/\/appointments\/[0-9a-f-]{36}$/);
      const appointmentUrl = page.url();
      await page.getByText(counsellor.name).first().waitFor();
      await checkPage('booked appointment');

      step = 'counsellor sees it on My day';
      await signInInBrowser(page, server.url, t, counsellor);
      if (slot.today) {
        await page.getByRole('heading', { name: t('myDay.appointments') }).waitFor();
        const onMyDay = page.getByRole('link', { name: new RegExp(`${escapeRegExp(slot.time)}.*Nguyen Thi`, 'i') });
        await onMyDay.waitFor();
        await checkPage('My day');
        await onMyDay.click();
      } else {
        // On a public holiday nothing is booked today: the appointment is opened from its link instead.
        await checkPage('My day');
        await page.goto(appointmentUrl);
      }
      await page.waitForURL(appointmentUrl);

      step = 'cannot mark it attended before it begins';
      // The appointment is later than now: only cancelling is offered; recording the consultation marks it attended.
      await page.getByRole('button', { name: t('appointments.cancel') }).waitFor();
      await expect(page.getByRole('button', { name: t('appointments.markAttended') }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: t('appointments.markNoShow') }).count()).resolves.toBe(0);

      step = 'records the consultation from it';
      await page.getByRole('link', { name: t('appointments.recordConsultation') }).click();
      await page.waitForURL(`**/clients/${client.id}/consultations/new?appointment=*`);
      await page.getByText(t('consultations.fromAppointment')).waitFor();
      if (!slot.today) {
        // A consultation is recorded on the day it took place, which for this run is today.
        await field(t('consultations.date')).fill(typedDate(toCentreDate(new Date())));
        await field(t('consultations.date')).press('Tab');
      }
      await choose(t('consultations.topics'), topic('housing'), topic('housing').slice(0, 4));
      await choose(t('consultations.topics'), topic('residence'), topic('residence').slice(0, 4));
      await page.keyboard.press('Escape');
      // The interpreter's language comes from the appointment; who interpreted is said here.
      await expect(combobox(t('consultations.interpreterLanguage')).inputValue()).resolves.toMatch(new RegExp(vietnamese, 'i'));
      await page.getByRole('radio', { name: t('consultations.interpreterKinds.partner') }).check();
      await field(t('consultations.notes')).fill('Prodloužení nájemní smlouvy, doklady k pobytu.');
      await checkPage('consultation form');
      await page.getByRole('button', { name: t('common.save'), exact: true }).click();
      await page.waitForURL(`**/clients/${client.id}/consultations`);
      await page.getByText(topic('housing')).first().waitFor();
      await checkPage("client's consultations");

      step = 'adds a goal to the plan';
      await page.getByRole('link', { name: t('clientSections.plan'), exact: true }).click();
      await page.getByRole('button', { name: t('plans.open') }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: t('plans.open') })
        .click();
      await page.getByRole('button', { name: t('plans.addGoal') }).click();
      await choose(t('plans.area'), t('lifeArea.housing'), null);
      await field(t('plans.goal')).fill('Najít dostupné nájemní bydlení');
      await checkPage('goal dialog');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: t('common.save'), exact: true })
        .click();
      await page.getByText('Najít dostupné nájemní bydlení').waitFor();
      await checkPage('plan');

      step = 'refers the client to a partner';
      await page.getByRole('link', { name: t('clientSections.referrals'), exact: true }).click();
      await page.getByRole('button', { name: t('referrals.refer') }).click();
      await choose(t('referrals.partner'), new RegExp(escapeRegExp(partnerName)), 'urad prace');
      await field(t('referrals.reason')).fill('Registrace uchazečky o zaměstnání, rekvalifikační kurz.');
      await checkPage('referral dialog');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: t('referrals.submit'), exact: true })
        .click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.getByRole('table').getByText(partnerName).waitFor();
      await checkPage('referrals');

      step = 'the timeline shows all of it';
      await page.getByRole('link', { name: t('clientSections.timeline'), exact: true }).click();
      const timeline = page.getByRole('list').filter({ hasText: t('timeline.consultationKind.social') });
      await timeline.waitFor();
      const text = await timeline.innerText();
      for (const expected of [
        t('timeline.consultationKind.social'),
        t('timeline.appointmentStatus.attended'),
        t('auditAction.plan.goal_added'),
        t('auditAction.plan.created'),
        t('timeline.referralTo', { partner: partnerName }),
        t('auditAction.client.created'),
        t('auditAction.client.consent_given'),
      ]) {
        expect(text, expected).toContain(expected);
      }
      expect(text).toContain(topic('housing'));
      await checkPage('timeline');

      step = 'filters the timeline';
      await page.getByRole('checkbox', { name: t('timeline.kindPlural.referral'), exact: true }).check();
      await page.getByRole('list').filter({ hasText: partnerName }).waitFor();
      expect(await page.getByText(t('timeline.consultationKind.social')).count()).toBe(0);
      await checkPage('timeline filtered');
    } catch (error) {
      await saveScreenshot(page, `counselling-${language}-${step.replace(/\W+/g, '-')}`);
      throw new Error(`failed at "${step}": ${(error as Error).message}`, { cause: error });
    }
  });

  it('fits a phone: every counselling page at 360 px, without sideways scrolling', async () => {
    try {
      await page.setViewportSize({ width: 360, height: 740 });
      const pages: [string, string][] = [
        ['My day', '/'],
        ['calendar', '/calendar'],
        ['tasks', '/tasks'],
        ['consultations', '/consultations'],
        ['partners', '/partners'],
        ...['consultations', 'plan', 'appointments', 'documents', 'referrals', 'timeline'].map((section): [string, string] => [
          `client ${section}`,
          `/clients/${client.id}/${section}`,
        ]),
      ];
      for (const [where, path] of pages) {
        step = `${where} at 360 px`;
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await checkPage(step);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `page width of ${where}`).toBeLessThanOrEqual(360);
      }
    } catch (error) {
      await saveScreenshot(page, `counselling-${language}-${step.replace(/\W+/g, '-')}`);
      throw new Error(`failed at "${step}": ${(error as Error).message}`, { cause: error });
    }
  });
});
