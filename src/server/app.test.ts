import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from './testing/harness.js';

describe('serving the built web client', async () => {
  const webRoot = mkdtempSync(path.join(os.tmpdir(), 'integra-web-'));
  afterAll(() => rmSync(webRoot, { recursive: true, force: true }));
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Integra</title><div id="root"></div>');
  writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log("integra");');
  const t = await createTestApp({}, { webRoot });

  it('serves files, and the single-page app with a Content-Security-Policy for every other page', async () => {
    const asset = await t.request({ method: 'GET', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toContain('integra');
    for (const url of ['/', '/clients', '/clients/2b7c7a4e-0a7b-4d39-9b3c-2f1f6b2f3c11']) {
      const page = await t.request({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toContain('<div id="root">');
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('still answers unknown API paths with the error shape', async () => {
    for (const url of ['/api', '/api/no-such-thing', '/api/clients/x/y/z']) {
      const response = await t.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    }
  });
});
