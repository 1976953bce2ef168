import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { PartnerResponse } from '../../../shared/index.js';
import { auditEventsThroughApi, staffOf, uniqueWord } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';

describe('partners', async () => {
  const t = await createTestApp();
  const coordinator = await staffOf(t, 'coordinator');
  const admin = await staffOf(t, 'admin');
  const social = await staffOf(t, 'social_counsellor');
  const receptionist = await staffOf(t, 'receptionist');
  const lecturer = await staffOf(t, 'lecturer');

  const create = (payload: object, cookie = coordinator.cookie) => t.request({ method: 'POST', url: '/api/partners', cookie, payload });
  const patch = (id: string, payload: object, cookie = coordinator.cookie) =>
    t.request({ method: 'PATCH', url: `/api/partners/${id}`, cookie, payload });
  async function created(payload: object): Promise<PartnerResponse> {
    const response = await create({ kind: 'ngo', ...payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  async function find(query: Record<string, string>, cookie = social.cookie): Promise<{ items: PartnerResponse[]; total: number }> {
    const response = await t.request({ method: 'GET', url: '/api/partners', cookie, query });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  /** Partners and partner audit entries written by this file's staff: bad input must leave both as they were. */
  async function writes(name: string) {
    const { rows } = await t.database.db.execute<{ partners: number; audit: number }>(sql`
      select (select count(*)::int from partners where name like ${`%${name}%`}) as partners,
             (select count(*)::int from audit_events where action like 'partner.%'
                and actor_id in (${coordinator.userId}, ${admin.userId})) as audit`);
    return rows[0] as { partners: number; audit: number };
  }

  describe('adding', () => {
    it('adds a partner with contacts and languages, auditing values only of what names no one', async () => {
      const name = uniqueWord('Úřad práce ');
      const response = await create(
        {
          name,
          kind: 'labour_office',
          services: 'Evidence uchazečů, podpora v nezaměstnanosti',
          contactPerson: 'Jana Dvořáková',
          phone: '+420 950 123 456 ext. 12',
          email: 'podatelna@uradprace.cz',
          website: 'https://www.uradprace.cz/web/cz/ustecky-kraj',
          address: 'Winstona Churchilla 2',
          municipality: 'Ústí nad Labem',
          languages: ['cs', 'en'],
          note: 'Objednat předem',
        },
        admin.cookie,
      );
      expect(response.statusCode, response.body).toBe(201);
      const partner = response.json() as PartnerResponse;
      expect(partner).toMatchObject({
        name,
        kind: 'labour_office',
        languages: ['cs', 'en'],
        archived: false,
        contactPerson: 'Jana Dvořáková',
        // E.164 with the extension (decision 023).
        phone: '+420950123456;ext=12',
      });
      expect((await t.request({ method: 'GET', url: `/api/partners/${partner.id}`, cookie: lecturer.cookie })).json()).toEqual(partner);

      const [event] = await auditEventsThroughApi(t, { action: 'partner.created', actorId: admin.userId });
      expect(event).toMatchObject({ entityType: 'partner', entityId: partner.id, clientId: null });
      expect(event?.changes).toEqual(
        expect.arrayContaining([
          { field: 'name', before: null, after: name },
          { field: 'kind', before: null, after: 'labour_office' },
          { field: 'languages', before: [], after: ['cs', 'en'] },
          { field: 'contactPerson' },
          { field: 'phone' },
          { field: 'email' },
        ]),
      );
      expect(JSON.stringify(event)).not.toContain('Dvořáková');
    });

    it("keeps the contact person's name without bidirectional or zero-width characters, and refuses one of only those", async () => {
      const partner = await created({ name: uniqueWord('Poradna '), kind: 'ngo', contactPerson: '\u202EJana\u200B Malá\u2069' });
      expect(partner.contactPerson).toBe('Jana Malá');
      const refused = await create({ name: uniqueWord('Poradna '), kind: 'ngo', contactPerson: '\u200F\uFEFF' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.contactPerson']);
    });

    it('keeps only what is given: the rest is empty', async () => {
      const partner = await created({ name: uniqueWord('Poradna ') });
      expect(partner).toMatchObject({ services: null, email: null, website: null, languages: [], note: null });
    });

    it.each([
      [{ name: '' }, 'body.name'],
      [{ name: 'n'.repeat(201) }, 'body.name'],
      [{ kind: 'bank' }, 'body.kind'],
      [{ kind: undefined }, 'body.kind'],
      [{ website: 'www.example.org' }, 'body.website'],
      [{ website: 'ftp://example.org' }, 'body.website'],
      [{ website: 'javascript:alert(1)' }, 'body.website'],
      [{ email: 'not an address' }, 'body.email'],
      [{ phone: '123 456 789' }, 'body.phone'],
      [{ phone: '+420 950 123 456, 777 123 456' }, 'body.phone'],
      [{ languages: ['xx'] }, 'body.languages.0'],
      [{ languages: 'uk' }, 'body.languages'],
      [{ archived: true }, 'body'],
      [{ zzUnknown: 1 }, 'body'],
    ])('refuses %j with 400 naming %s, and writes nothing', async (change, field) => {
      const name = uniqueWord('Refused ');
      const before = await writes(name);
      const response = await create({ name, kind: 'ngo', ...change });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await writes(name)).toEqual(before);
    });

    it('lets only admins and coordinators manage the directory', async () => {
      const name = uniqueWord('Forbidden ');
      for (const caller of [social, receptionist, lecturer]) {
        const response = await create({ name, kind: 'ngo' }, caller.cookie);
        expect(response.statusCode).toBe(403);
      }
      expect((await t.request({ method: 'POST', url: '/api/partners', payload: { name, kind: 'ngo' } })).statusCode).toBe(401);
      expect((await writes(name)).partners).toBe(0);
    });
  });

  describe('finding', async () => {
    const tag = uniqueWord('zz');
    const labourOffice = await created({
      name: `Úřad práce ČR ${tag}`,
      kind: 'labour_office',
      municipality: 'Ústí nad Labem',
      languages: ['cs'],
    });
    const clinic = await created({
      name: `Poliklinika ${tag}`,
      kind: 'health',
      services: 'Praktický lékař, tlumočení do ukrajinštiny',
      municipality: 'Teplice',
      languages: ['cs', 'uk'],
    });
    const school = await created({
      name: `ZŠ Palachova 100% ${tag}`,
      kind: 'school',
      municipality: 'Děčín',
      languages: ['cs', 'uk', 'vi'],
    });
    const archived = await created({ name: `Zavřená poradna ${tag}`, kind: 'ngo', languages: ['uk'] });
    expect((await patch(archived.id, { archived: true })).statusCode).toBe(200);
    const ids = (page: { items: PartnerResponse[] }) => page.items.map((p) => p.id);

    it('finds by name, services or municipality, with or without accents, every word', async () => {
      expect(ids(await find({ q: `urad prace ${tag}` }))).toEqual([labourOffice.id]);
      expect(ids(await find({ q: `ÚSTÍ ${tag}` }))).toEqual([labourOffice.id]);
      expect(ids(await find({ q: `tlumoceni ${tag}` }))).toEqual([clinic.id]);
      expect(ids(await find({ q: `teplice ${tag}` }))).toEqual([clinic.id]);
      expect(ids(await find({ q: `decin ${tag}` }))).toEqual([school.id]);
      expect(ids(await find({ q: `teplice decin ${tag}` }))).toEqual([]);
    });

    it('matches % and _ as written', async () => {
      expect(ids(await find({ q: `100% ${tag}` }))).toEqual([school.id]);
      expect(ids(await find({ q: `1_0 ${tag}` }))).toEqual([]);
    });

    it('filters by kind and language, sorts by name, pages, and leaves archived partners out unless asked', async () => {
      const all = await find({ q: tag });
      expect(all).toEqual({ items: [clinic, labourOffice, school], total: 3 });
      expect(ids(await find({ q: tag, kind: 'health' }))).toEqual([clinic.id]);
      expect(ids(await find({ q: tag, language: 'uk' }))).toEqual([clinic.id, school.id]);
      expect(ids(await find({ q: tag, language: 'vi', kind: 'school' }))).toEqual([school.id]);
      expect(ids(await find({ q: tag, archived: 'true' }))).toEqual([archived.id]);
      expect(ids(await find({ q: tag, archived: 'all' }))).toHaveLength(4);
      expect(await find({ q: tag, limit: '1', offset: '1' })).toEqual({ items: [labourOffice], total: 3 });
      expect(await find({ q: tag, offset: '20' })).toEqual({ items: [], total: 3 });
    });

    it('is open to every role', async () => {
      for (const role of ['lecturer', 'receptionist', 'dpo', 'admin'] as const) {
        expect((await find({ q: tag }, (await staffOf(t, role)).cookie)).total).toBe(3);
      }
      expect((await t.request({ method: 'GET', url: '/api/partners' })).statusCode).toBe(401);
    });

    it('refuses bad queries', async () => {
      const queries: Record<string, string>[] = [
        { kind: 'bank' },
        { language: 'xx' },
        { archived: 'maybe' },
        { q: 'q'.repeat(201) },
        { zzUnknown: '1' },
      ];
      for (const query of queries) {
        const response = await t.request({ method: 'GET', url: '/api/partners', cookie: social.cookie, query });
        expect(response.statusCode, JSON.stringify(query)).toBe(400);
      }
      expect((await t.request({ method: 'GET', url: `/api/partners/${randomUUID()}`, cookie: social.cookie })).statusCode).toBe(404);
      expect((await t.request({ method: 'GET', url: '/api/partners/nope', cookie: social.cookie })).statusCode).toBe(400);
    });
  });

  describe('changing', () => {
    it('changes and clears fields, auditing the fields that changed', async () => {
      const partner = await created({ name: uniqueWord('Charita '), email: 'info@charita.cz', languages: ['cs'] });
      const response = await patch(partner.id, { email: null, languages: ['cs', 'uk'], services: 'Potravinová banka' });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ email: null, languages: ['cs', 'uk'], services: 'Potravinová banka' });
      const [event] = await auditEventsThroughApi(t, { action: 'partner.updated', actorId: coordinator.userId });
      expect(event).toMatchObject({ entityId: partner.id });
      expect(event?.changes).toEqual([
        { field: 'services' },
        { field: 'email' },
        { field: 'languages', before: ['cs'], after: ['cs', 'uk'] },
      ]);
    });

    it('archives and restores, and writes nothing for a change that changes nothing', async () => {
      const partner = await created({ name: uniqueWord('Diakonie ') });
      expect((await patch(partner.id, { archived: true })).json()).toMatchObject({ archived: true });
      expect((await patch(partner.id, { archived: false })).json()).toMatchObject({ archived: false });
      const before = await writes(partner.name);
      const same = await patch(partner.id, { name: partner.name, archived: false });
      expect(same.statusCode).toBe(200);
      expect(same.json().updatedAt).toBe(
        (await t.request({ method: 'GET', url: `/api/partners/${partner.id}`, cookie: social.cookie })).json().updatedAt,
      );
      expect(await writes(partner.name)).toEqual(before);
      const events = await auditEventsThroughApi(t, { action: 'partner.updated', actorId: coordinator.userId });
      expect(events.filter((e) => e.entityId === partner.id).map((e) => e.changes)).toEqual([
        [{ field: 'archived', before: true, after: false }],
        [{ field: 'archived', before: false, after: true }],
      ]);
    });

    it('refuses bad changes, unknown partners and callers who may not manage', async () => {
      const partner = await created({ name: uniqueWord('Refuge ') });
      const before = await writes(partner.name);
      for (const [payload, field] of [
        [{ name: null }, 'body.name'],
        [{ kind: 'bank' }, 'body.kind'],
        [{ archived: 'yes' }, 'body.archived'],
        [{ website: 'mailto:a@b.cz' }, 'body.website'],
        [{ id: randomUUID() }, 'body'],
      ] as const) {
        const response = await patch(partner.id, payload);
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      expect((await patch(partner.id, { note: 'x' }, social.cookie)).statusCode).toBe(403);
      expect((await patch(randomUUID(), { note: 'x' })).statusCode).toBe(404);
      expect((await patch('nope', { note: 'x' })).statusCode).toBe(400);
      expect(await writes(partner.name)).toEqual(before);
    });
  });
});
