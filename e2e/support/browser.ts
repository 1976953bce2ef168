import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifactsDir = path.resolve('.test-artifacts');

export type Browser = {
  context: BrowserContext;
  page: Page;
  /** Problems the page reported: console errors (missing translations among them) and uncaught exceptions. */
  problems: string[];
  close: () => Promise<void>;
};

/** Debian's Chromium, headless, with a fresh profile and no background traffic. */
export async function openBrowser(options: { width?: number; height?: number; locale?: string } = {}): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'integra-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    locale: options.locale ?? 'cs-CZ',
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    // Chromium reports every 401 as a console error; asking "who am I?" before sign-in answers 401 by design.
    if (message.type() === 'error' && !message.text().includes('status of 401')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Fails with the list of WCAG 2.1 A/AA violations on the page as it is now. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('; ')}`,
  );
  expect(violations, `axe on ${where}`).toEqual([]);
}

/** Saves a screenshot for a failed journey, so CI shows what the user saw. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true }).catch(() => undefined);
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A form field by its visible label, a required field's asterisk allowed. */
export const fieldByLabel = (page: Page, label: string) => page.getByLabel(new RegExp(`^${escapeRegExp(label)}( \\*)?$`));

/** Signs in on the sign-in page, as a person would, and waits for the greeting. */
export async function signInInBrowser(
  page: Page,
  serverUrl: string,
  t: (key: string, params?: Record<string, string>) => string,
  user: { email: string; password: string; name: string },
): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${serverUrl}/sign-in`);
  await fieldByLabel(page, t('signIn.email')).fill(user.email);
  await fieldByLabel(page, t('signIn.password')).fill(user.password);
  await page.getByRole('button', { name: t('signIn.submit') }).click();
  await page.getByRole('heading', { level: 1, name: t('home.greeting', { name: user.name }) }).waitFor();
}
