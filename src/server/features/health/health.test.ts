import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/harness.js';

describe('GET /api/health', async () => {
  const { request, database } = await createTestApp();

  it('reports ok and which database is in use', async () => {
    const response = await request({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: database.kind });
  });

  it('answers unknown API paths with the error shape', async () => {
    const response = await request({ method: 'GET', url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), details: {} } });
  });
});
