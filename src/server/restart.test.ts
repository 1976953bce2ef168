import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { auditEventsThroughApi, createClientThroughApi } from './testing/factories.js';
import { startTestApp, testPassword } from './testing/harness.js';

// The embedded database is what `npm start` uses: this runs on PGlite in a data directory of its own,
// with or without TEST_DATABASE_URL.
describe('a restart', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'integra-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps clients, their audit trail, accounts and sessions', async () => {
    const first = await startTestApp(await openDatabase({ dataDir }));
    let receptionist: { cookie: string; email: string };
    let clientId: string;
    try {
      expect(first.database.kind).toBe('pglite');
      receptionist = await first.signInAs(['receptionist']);
      const client = await createClientThroughApi(first, { givenNameNative: 'Олена', familyNameNative: 'Шевченко' }, receptionist);
      clientId = client.id;
    } finally {
      await first.close();
    }

    const second = await startTestApp(await openDatabase({ dataDir }));
    try {
      // The session survives: it lives in the database, and so does the secret that signs its cookie.
      const read = await second.request({ method: 'GET', url: `/api/clients/${clientId}`, cookie: receptionist.cookie });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ id: clientId, givenNameNative: 'Олена', familyNameNative: 'Шевченко' });
      expect((await second.signIn(receptionist.email, testPassword)).response.statusCode).toBe(200);
      const actions = (await auditEventsThroughApi(second, { clientId })).map((e) => e.action);
      expect(actions).toEqual(['client.read', 'client.created']);
    } finally {
      await second.close();
    }
  });
});
