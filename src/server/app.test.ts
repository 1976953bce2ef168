import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, connect } from 'node:net';
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
  writeFileSync(path.join(webRoot, 'assets', 'app.js.map'), '{"version":3,"sources":["secret-source.ts"]}');
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

  it('never serves source maps, which would publish the source', async () => {
    const map = await t.request({ method: 'GET', url: '/assets/app.js.map' });
    expect(map.body).not.toContain('secret-source');
  });

  it('lets no browser or proxy keep a copy of an API answer, and lets the web client be cached', async () => {
    const health = await t.request({ method: 'GET', url: '/api/health' });
    expect(health.headers['cache-control']).toBe('no-store');
    const missing = await t.request({ method: 'GET', url: '/api/no-such-thing' });
    expect(missing.headers['cache-control']).toBe('no-store');
    const asset = await t.request({ method: 'GET', url: '/assets/app.js' });
    expect(asset.headers['cache-control']).not.toBe('no-store');
  });

  it('still answers unknown API paths with the error shape', async () => {
    for (const url of ['/api', '/api/no-such-thing', '/api/clients/x/y/z']) {
      const response = await t.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), details: {} } });
    }
  });
});

describe('a request the HTTP parser cannot read', async () => {
  const t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;

  it('is answered 400 with the error shape', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET /caf\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'));
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk.toString('utf8');
      });
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
    expect(body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), details: {} } });
  });
});
