import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../http/context.js';
import { createClientThroughApi, createProjectThroughApi, defaultTargetGroup, staffOf } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';
import { requireClient } from '../clients/clients.service.js';
import { profileOf, recordService } from './services.service.js';

/**
 * The ledger's one entry point, called as courses, events and enquiries will call it: any kind of
 * service, the day's default project, the staff member's branch, a named client or an anonymous
 * profile. Consultations go through it too (consultations.test.ts covers them over HTTP).
 */
describe('the service ledger', async () => {
  const t = await createTestApp();
  const counsellor = await staffOf(t, 'social_counsellor');
  const ctx = (): Ctx => ({
    db: t.database.db,
    actor: { id: counsellor.userId, name: 'Counsellor', roles: ['social_counsellor'], branchId: null },
    now: new Date('2026-03-10T10:00:00Z'),
    requestId: 'test',
    ip: '127.0.0.1',
  });

  it('records a service of any kind for a client, counted against the default project of the day', async () => {
    // Starting later than any other project of this database, and admitting the client: the default.
    const project = await createProjectThroughApi(t, {
      startsOn: '2026-03-09',
      endsOn: '2026-12-31',
      targetGroup: { ...defaultTargetGroup, regionCode: null },
    });
    const client = await createClientThroughApi(t);
    const stored = await requireClient(t.database.db, client.id);
    const service = await t.database.db.transaction((tx) =>
      recordService(tx, ctx(), { kind: 'enquiry', day: '2026-03-10', durationMinutes: 5, party: { client: stored } }),
    );
    expect(service).toMatchObject({ kind: 'enquiry', occurredOn: '2026-03-10', clientId: client.id, staffId: counsellor.userId });
    expect(service.projectId).toBe(project.id);
    // An explicit choice is kept, "no project" too.
    const none = await t.database.db.transaction((tx) =>
      recordService(tx, ctx(), { kind: 'event', day: '2026-03-10', party: { client: stored }, projectId: null }),
    );
    expect(none.projectId).toBeNull();
  });

  it('keeps an anonymous profile instead of a client, and refuses a project outside its period', async () => {
    const profile = { sex: 'female', ageBand: '26_40', citizenship: 'VN', residenceCategory: 'permanent_residence' } as const;
    const service = await t.database.db.transaction((tx) =>
      recordService(tx, ctx(), { kind: 'enquiry', day: '2026-03-10', party: { profile }, projectId: null }),
    );
    expect(service.clientId).toBeNull();
    expect(service.projectId).toBeNull();
    expect(profileOf(service)).toEqual(profile);
    const ended = await createProjectThroughApi(t, { startsOn: '2025-01-01', endsOn: '2025-12-31' });
    await expect(
      t.database.db.transaction((tx) =>
        recordService(tx, ctx(), { kind: 'enquiry', day: '2026-03-10', party: { profile }, projectId: ended.id }),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
