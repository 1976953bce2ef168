import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createClientThroughApi, staffOf } from '../testing/factories.js';
import { createTestApp } from '../testing/harness.js';

describe('the log of an unexpected error', async () => {
  // A database of its own: the test breaks the clients table.
  const t = await createTestApp({}, { freshDatabase: true });

  it('names the database error without the query, its parameters or the client data they carry', async () => {
    const client = await createClientThroughApi(t);
    const { cookie } = await staffOf(t, 'receptionist');
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await buildApp({ ...t.app.deps, config: { ...t.config, logLevel: 'info' } }, { logStream, webRoot: null });
    try {
      await t.database.db.execute(sql`alter table clients rename column date_of_birth to date_of_birth_gone`);
      const response = await logged.inject({ method: 'GET', url: `/api/clients?q=${client.givenName}`, headers: { cookie } });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: expect.any(String), details: {} } });
    } finally {
      await logged.close();
    }
    const log = lines.join('');
    const entry = lines.map((line) => JSON.parse(line)).find((l) => l.msg === 'unhandled error');
    expect(log.toLowerCase()).not.toContain(client.givenName.toLowerCase());
    expect(log).not.toContain('params');
    expect(log.toLowerCase()).not.toContain('select');
    // The error is logged, with what identifies it: undefined_column, raised by the database.
    expect(entry?.err).toMatchObject({ type: 'DrizzleQueryError', cause: { code: '42703' } });
    expect(entry?.err.stack).toMatch(/^\s+at /);
  });
});
