import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase, openPglite } from '../../../db/open-database.js';
import { createTestApp, startTestApp } from '../../testing/harness.js';

describe('GET /api/health', async () => {
  const { request, database } = await createTestApp();

  it('reports ok, which database is in use and that it takes writes', async () => {
    const response = await request({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: database.kind, writable: true });
  });

  it('answers 503 failing when the database accepts no writes', async () => {
    // A read-only default is what a standby or a database set read-only by its administrator shows.
    await database.db.execute(sql`select set_config('default_transaction_read_only', 'on', false)`);
    try {
      const response = await request({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        status: 'failing',
        database: database.kind,
        version: 'test',
        writable: false,
        problem: 'read_only',
      });
    } finally {
      await database.db.execute(sql`select set_config('default_transaction_read_only', 'off', false)`);
    }
    expect((await request({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('answers unknown API paths with the error shape', async () => {
    const response = await request({ method: 'GET', url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), details: {} } });
  });
});

describe('GET /api/health when the database does not answer', () => {
  it('answers 503 failing, database_unreachable', async () => {
    const pglite = await openPglite(undefined, new Blob([readFileSync(inject('templatePath'))]));
    const database = await openDatabase({ pglite });
    const { app } = await startTestApp(database);
    try {
      await pglite.close();
      const response = await app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 'failing', writable: false, problem: 'database_unreachable' });
    } finally {
      await app.close();
    }
  });
});
