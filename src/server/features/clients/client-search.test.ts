import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ClientListItem, DuplicateCandidate } from '../../../shared/index.js';
import { cyrillicSchemes, transliterateCyrillic } from '../../../shared/names/cyrillic-schemes.js';
import { type ClientInput, createClientThroughApi, staffOf, uniqueWord } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';
import { backfillNameKeys } from './name-keys.service.js';

/** A birth date no other test uses, so that "name + date" finds exactly the client made here. */
function uniqueBirthDate(): string {
  return `19${randomInt(40, 99)}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;
}

/** 15.3.1985 from 1985-03-15. */
const czechDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
};

describe('finding clients by any spelling', async () => {
  const t = await createTestApp();
  const receptionist = await staffOf(t, 'receptionist');

  async function search(q: string, extra: Record<string, string> = {}): Promise<{ items: ClientListItem[]; total: number }> {
    const response = await t.request({
      method: 'GET',
      url: '/api/clients',
      query: { q, limit: '100', ...extra },
      cookie: receptionist.cookie,
    });
    expect(response.statusCode, `${q}: ${response.body}`).toBe(200);
    return response.json();
  }
  const idsFound = async (q: string) => (await search(q)).items.map((c) => c.id);
  async function duplicateCheck(payload: object) {
    const response = await t.request({ method: 'POST', url: '/api/clients/duplicate-check', cookie: receptionist.cookie, payload });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { candidates: DuplicateCandidate[] }).candidates;
  }

  describe('names in any script and scheme', () => {
    it('finds a client registered only in Cyrillic by every Latin form of the name, with the reason', async () => {
      const dateOfBirth = uniqueBirthDate();
      const client = await createClientThroughApi(t, { givenName: 'Олександр', familyName: 'Шевченко', dateOfBirth, sex: 'male' });
      const forms = new Set(cyrillicSchemes.map((scheme) => transliterateCyrillic('Олександр Шевченко', scheme)));
      // The Russian form of the same name on a Russian-language certificate, and Czech letters without diacritics.
      for (const form of [...forms, 'ALEKSANDR SHEVCHENKO', 'Oleksandr Sevcenko', 'Shevchenko Oleksandr', 'Olexandr Shevchenko']) {
        const found = await search(`${form} ${czechDate(dateOfBirth)}`);
        expect(
          found.items.map((c) => c.id),
          form,
        ).toEqual([client.id]);
        expect(found.items[0]?.match?.reasons, form).toContain('native_name');
        expect(found.items[0]?.match?.reasons, form).toContain('date_of_birth');
      }
      expect(await idsFound('Shevchenko')).toContain(client.id);
      expect(await idsFound('Ševčenko')).toContain(client.id);
    });

    it('finds a client registered in Latin by the Cyrillic and Czech forms, and by the native name', async () => {
      const dateOfBirth = uniqueBirthDate();
      const client = await createClientThroughApi(t, {
        givenName: 'Yuliia',
        familyName: 'Shcherbak',
        givenNameNative: 'Юлія',
        familyNameNative: 'Щербак',
        dateOfBirth,
      });
      for (const form of ['Юлія Щербак', 'Julija Ščerbak', 'Yulia Scherbak', 'Iuliia Shcherbak', 'Yuliya Shcherbak', 'Юлия Щербак']) {
        expect(await idsFound(`${form} ${dateOfBirth}`), form).toEqual([client.id]);
      }
      const [hit] = (await search(`Yuliia Shcherbak ${dateOfBirth}`)).items;
      expect(hit?.match).toEqual({ score: 1, reasons: ['passport_name', 'date_of_birth'] });
      const [czech] = (await search(`Julija Ščerbak ${dateOfBirth}`)).items;
      expect(czech?.match?.reasons).toEqual(['other_spelling', 'date_of_birth']);
    });

    it('finds Vietnamese names without their diacritics and in either order', async () => {
      const given = uniqueWord('Huong');
      const client = await createClientThroughApi(t, {
        givenName: given,
        familyName: 'Nguyen Thi',
        givenNameNative: 'Hương',
        familyNameNative: 'Nguyễn Thị',
        citizenships: ['VN'],
      });
      for (const q of [`nguyen thi ${given}`, `${given} Nguyen Thi`, `NGUYỄN THỊ ${given}`, `${given} nguyễn`]) {
        expect(await idsFound(q), q).toEqual([client.id]);
      }
      const dateOfBirth = uniqueBirthDate();
      const native = await createClientThroughApi(t, { givenName: 'Hương', familyName: 'Đặng', dateOfBirth, citizenships: ['VN'] });
      for (const q of ['Huong Dang', 'dang huong', 'Đặng Hương']) expect(await idsFound(`${q} ${dateOfBirth}`), q).toEqual([native.id]);
    });

    it('is tolerant to one or two typos, and ranks the exact spelling first', async () => {
      // Fixed last letters, so that the typo cannot fold to the same key by chance (q is read as k).
      const stem = uniqueWord('Kovalenko');
      const family = `${stem}ra`;
      const exact = await createClientThroughApi(t, { givenName: 'Bohdan', familyName: family });
      // With the same birth date the two would be a likely duplicate: a typo does not make another person.
      const typo = await createClientThroughApi(t, {
        givenName: 'Bohdan',
        familyName: `${stem}mu`,
        dateOfBirth: '1991-01-01',
      });
      // One letter changed, one missing, two changed.
      const misspelt = [
        `${family.slice(0, 4)}e${family.slice(5)}`,
        family.slice(0, 3) + family.slice(4),
        `${family.slice(0, 3)}xx${family.slice(5)}`,
      ];
      for (const q of misspelt) expect(await idsFound(`Bohdan ${q}`), q).toContain(exact.id);
      const ranked = await search(`Bohdan ${family}`);
      expect(ranked.items[0]?.id).toBe(exact.id);
      expect(ranked.items.map((c) => c.id)).toContain(typo.id);
      const typoHit = ranked.items.find((c) => c.id === typo.id);
      expect(ranked.items[0]?.match?.score).toBeGreaterThan(typoHit?.match?.score ?? 1);
      expect(typoHit?.match?.reasons).toContain('similar_spelling');
    });

    it('finds a name while it is being typed', async () => {
      // The q keeps the typed start from folding into the native name's key ("Bondarenkoo" would be Бондаренко).
      const family = uniqueWord('Bondarenkoq');
      const client = await createClientThroughApi(t, { givenName: 'Iryna', familyName: family, familyNameNative: 'Бондаренко' });
      const [hit] = (await search(`iryn ${family.slice(0, 12)}`)).items;
      expect(hit?.id).toBe(client.id);
      expect(hit?.match?.reasons).toEqual(['name_start']);
    });

    it('keeps the keys in step when names are changed', async () => {
      const client = await createClientThroughApi(t, { givenName: 'Petro', familyName: uniqueWord('Melnyk') });
      const renamed = uniqueWord('Tkachenko');
      const response = await t.request({
        method: 'PATCH',
        url: `/api/clients/${client.id}`,
        cookie: receptionist.cookie,
        payload: { familyName: renamed, familyNameNative: 'Ткаченко' },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(await idsFound(`Petro ${client.familyName}`)).toEqual([]);
      expect(await idsFound(`Petro ${renamed}`)).toEqual([client.id]);
      expect(await idsFound(`Petro Ткаченко ${client.dateOfBirth}`)).toEqual([client.id]);
    });

    it('computes missing keys at start-up (rows from before the keys, or from older key rules)', async () => {
      const client = await createClientThroughApi(t, {
        givenName: 'Андрій',
        familyName: uniqueWord('Kravets'),
        dateOfBirth: uniqueBirthDate(),
      });
      await t.database.db.execute(
        sql`update clients set name_keys = '{}', name_key_text = '', name_keys_version = 0 where id = ${client.id}`,
      );
      expect(await idsFound(`Andrii ${client.familyName}`)).toEqual([]);
      expect(await backfillNameKeys(t.database.db)).toBeGreaterThanOrEqual(1);
      expect(await idsFound(`Andrii ${client.familyName}`)).toEqual([client.id]);
      expect(await idsFound(`Andrij ${client.familyName}`)).toEqual([client.id]);
    });
  });

  describe('short names with one typo, among many of the same family', async () => {
    // The realistic register: hundreds of Nguyen and Le with short given names, many Shevchenko, Mongolians
    // sharing a father's name. Each target's given name is unique in its family here, so the right answer is one person.
    let crowdBirths = 0;
    const crowd = async (family: string, givenNames: string[], count: number, extra: Partial<ClientInput>) => {
      for (let i = 0; i < count; i++) {
        // Namesakes born on different days, as they are: registering one is no duplicate of another.
        crowdBirths += 1;
        const dateOfBirth = new Date(Date.UTC(1950, 0, crowdBirths)).toISOString().slice(0, 10);
        await createClientThroughApi(t, {
          givenName: givenNames[i % givenNames.length] as string,
          familyName: family,
          dateOfBirth,
          ...extra,
        });
      }
    };
    const vietnamese: Partial<ClientInput> = { citizenships: ['VN'], languages: ['vi'] };
    await crowd(
      'Nguyen',
      [
        'Van Hung',
        'Van Dung',
        'Van Tuan',
        'Van Long',
        'Van Minh',
        'Van Duc',
        'Van Quan',
        'Van Hai',
        'Van Son',
        'Van Binh',
        'Thi Lan',
        'Thi Mai',
        'Thi Hoa',
        'Thi Linh',
        'Thi Anh',
        'Thi Hang',
        'Thi Hanh',
        'Thi Thu',
        'Thi Nga',
        'Thi Huong',
      ],
      200,
      vietnamese,
    );
    await crowd('Le', ['Thi Hoa', 'Thi Hanh', 'Thi Huong', 'Thi Hang', 'Thi Lan', 'Van Hai', 'Van Hung'], 40, vietnamese);
    await crowd('Pham', ['Van Hai', 'Van Hung', 'Van Hanh', 'Thi Hang', 'Van Hoang'], 30, vietnamese);
    await crowd('Shevchenko', ['Oleh', 'Ihor', 'Yana', 'Inna', 'Olha', 'Petro', 'Iryna', 'Taras'], 40, { citizenships: ['UA'] });
    await crowd('Batbayar', ['Bat', 'Saraa', 'Tuya', 'Zaya', 'Anu', 'Nomin', 'Gan', 'Enkh'], 30, { citizenships: ['MN'] });
    const target = async (givenName: string, familyName: string) =>
      createClientThroughApi(t, { givenName, familyName, dateOfBirth: uniqueBirthDate(), citizenships: ['VN'] });
    const nguyenVanNam = await target('Van Nam', 'Nguyen');
    const nguyenThiHa = await target('Thi Ha', 'Nguyen');
    const leThiHa = await target('Thi Ha', 'Le');
    const phamVanHang = await target('Van Hang', 'Pham');
    const ivan = await createClientThroughApi(t, {
      givenName: 'Ivan',
      familyName: 'Shevchenko',
      givenNameNative: 'Іван',
      familyNameNative: 'Шевченко',
    });
    const bold = await createClientThroughApi(t, { givenName: 'Bold', familyName: 'Batbayar', citizenships: ['MN'] });

    it('finds the person first whichever letter was changed, left out, added or swapped', async () => {
      const cases: [string, { id: string }][] = [
        ['Nguyen Van Naa', nguyenVanNam],
        ['Nguyen Van Nan', nguyenVanNam],
        ['Nguyen Van Nma', nguyenVanNam],
        ['Nguyen Van Nams', nguyenVanNam],
        ['Van Naa Nguyen', nguyenVanNam],
        ['Nguyen Thi H', nguyenThiHa],
        ['Nguyen Thi Hq', nguyenThiHa],
        ['Le Thi H', leThiHa],
        ['Le Thi aH', leThiHa],
        ['Pham Van Hagn', phamVanHang],
        ['Pham Van Hng', phamVanHang],
        ['Ivna Shevchenko', ivan],
        ['Ivan Shevchenko', ivan],
        ['Iva Shevchenko', ivan],
        ['Іван Шевченко', ivan],
        ['Бол Batbayar', bold],
        ['Bodl Batbayar', bold],
        ['Batbayar Bolt', bold],
      ];
      for (const [q, expected] of cases) {
        const found = await search(q);
        expect(
          found.items[0]?.id,
          `${q}: ${found.items
            .slice(0, 3)
            .map((c) => `${c.givenName} ${c.familyName}`)
            .join(', ')}`,
        ).toBe(expected.id);
      }
      const [typo] = (await search('Nguyen Van Nan')).items;
      expect(typo?.match?.reasons).toContain('similar_spelling');
      // The exact name still outranks the names one letter away.
      const exact = await search('Nguyen Thi Ha');
      expect(exact.items[0]?.id).toBe(nguyenThiHa.id);
      expect(exact.items[0]?.match?.score).toBeGreaterThan(exact.items[1]?.match?.score ?? 1);
    });

    it('keeps to one typo: two letters wrong in a short name, or a short name that is another, finds nobody by it', async () => {
      expect(await idsFound('Nguyen Van Nxx')).not.toContain(nguyenVanNam.id);
      expect(await idsFound('Le Thi Xy')).not.toContain(leThiHa.id);
      // Li is another name, not a slip of Le, in the duplicate check: it compares names without the short-name typos.
      const candidates = await duplicateCheck({ givenName: 'Thi Hq', familyName: 'Le', citizenships: ['VN'] });
      expect(candidates.map((c) => c.id)).not.toContain(leThiHa.id);
    });

    it('ranks an exact family name with a near spelling above names that only share its ending', async () => {
      const family = 'Ševčenko';
      const sevcenko = await createClientThroughApi(t, { givenName: 'Taras', familyName: family });
      for (const other of ['Kovalenko', 'Tkachenko', 'Kravchenko', 'Savchenko', 'Levchenko', 'Marchenko', 'Yurchenko', 'Senchenko']) {
        await crowd(other, ['Taras', 'Oleh'], 3, { citizenships: ['UA'] });
      }
      for (const q of ['Shevcenko', 'Taras Shevcenko', 'Sevcenko', 'Shevchenko Taras', 'Ševčenko']) {
        const found = (await search(q)).items;
        const sameFamily = (c: ClientListItem) => /^(Shevchenko|Ševčenko|Шевченко)$/.test(c.familyName);
        expect(found.length, q).toBeGreaterThan(0);
        expect(sameFamily(found[0] as ClientListItem), q).toBe(true);
        // Every Shevchenko before anyone who only shares "-chenko".
        const firstOther = found.findIndex((c) => !sameFamily(c));
        const lastSame = found.findLastIndex(sameFamily);
        if (firstOther >= 0)
          expect(lastSame, `${q}: ${found.map((c) => `${c.givenName} ${c.familyName} ${c.match?.score}`).join(', ')}`).toBeLessThan(
            firstOther,
          );
        if (q.includes('Taras')) expect(found[0]?.givenName, q).toBe('Taras');
        expect(
          found.slice(0, lastSame + 1).map((c) => c.id),
          q,
        ).toContain(sevcenko.id);
      }
    });
  });

  describe('numbers, contacts and dates', () => {
    it('finds a client by phone in any format, with or without +420', async () => {
      // A valid Czech mobile number (73x): the register refuses numbers that cannot exist.
      const digits = `73${String(randomInt(1_000_000, 9_999_999))}`;
      const client = await createClientThroughApi(t, { phone: `+420 ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` });
      for (const q of [
        digits,
        `+420${digits}`,
        `00420 ${digits}`,
        `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`,
        `(${digits.slice(0, 3)}) ${digits.slice(3)}`,
      ]) {
        const found = await search(q);
        expect(
          found.items.map((c) => c.id),
          q,
        ).toEqual([client.id]);
        expect(found.items[0]?.match?.reasons).toEqual(['phone']);
      }
      const foreign = `67${String(randomInt(1_000_000, 9_999_999))}`;
      const ukrainian = await createClientThroughApi(t, { phone: `+380 ${foreign}` });
      expect(await idsFound(`+380${foreign}`)).toEqual([ukrainian.id]);
      expect(await idsFound(foreign)).toEqual([ukrainian.id]);
    });

    it('finds a client by any six or more digits of the phone, and reads five digits as no phone', async () => {
      const digits = `73${String(randomInt(1_000_000, 9_999_999))}`;
      const client = await createClientThroughApi(t, { phone: `+420 ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` });
      // The start, the middle and the end of the number, with or without spaces.
      for (const q of [digits.slice(0, 6), digits.slice(2, 8), digits.slice(3), `${digits.slice(1, 4)} ${digits.slice(4, 7)}`]) {
        const found = await search(q);
        expect(
          found.items.map((c) => c.id),
          q,
        ).toContain(client.id);
        expect(found.items.find((c) => c.id === client.id)?.match?.reasons, q).toEqual(['phone']);
      }
      for (const q of [digits.slice(0, 5), digits.slice(4)]) {
        const found = await search(q);
        expect(
          found.items.map((c) => c.id),
          q,
        ).not.toContain(client.id);
        expect(
          found.items.every((c) => !c.match?.reasons.includes('phone')),
          q,
        ).toBe(true);
      }
      // A foreign number written nationally, with its trunk 0.
      const foreign = `67${String(randomInt(1_000_000, 9_999_999))}`;
      const ukrainian = await createClientThroughApi(t, { phone: `+380 ${foreign}` });
      expect(await idsFound(`0${foreign}`)).toEqual([ukrainian.id]);
      expect(await idsFound(`0${foreign.slice(0, 6)}`)).toContain(ukrainian.id);
    });

    it('finds the survivor by the number of a record merged into it', async () => {
      const coordinator = await staffOf(t, 'coordinator');
      const survivor = await createClientThroughApi(t);
      const duplicate = await createClientThroughApi(t);
      const merged = await t.request({
        method: 'POST',
        url: `/api/clients/${survivor.id}/merge`,
        cookie: coordinator.cookie,
        payload: { duplicateId: duplicate.id, reason: 'registered twice' },
      });
      expect(merged.statusCode, merged.body).toBe(200);
      const found = await search(duplicate.clientNumber);
      expect(found.items.map((c) => c.id)).toEqual([survivor.id]);
      expect(found.items[0]?.match?.reasons).toEqual(['merged_client_number']);
      expect((await search(survivor.clientNumber)).items[0]?.match?.reasons).toEqual(['client_number']);
      // The merged record is never a search result or a duplicate candidate of its own.
      expect(await idsFound(`${duplicate.givenName} ${duplicate.familyName}`)).toEqual([]);
    });

    it('finds a client by e-mail whatever its case', async () => {
      const email = `${uniqueWord('olena')}@example.org`;
      const client = await createClientThroughApi(t, { email });
      expect(await idsFound(email.toUpperCase())).toEqual([client.id]);
    });

    it('finds by birth date with or without a name, and by year with a name', async () => {
      const dateOfBirth = uniqueBirthDate();
      const family = uniqueWord('Shevchuk');
      const client = await createClientThroughApi(t, { givenName: 'Taras', familyName: family, dateOfBirth });
      const [year, month, day] = dateOfBirth.split('-');
      for (const q of [`${family} ${year}`, `${family} ${czechDate(dateOfBirth)}`, `${Number(day)}. ${Number(month)}. ${year} ${family}`]) {
        expect(await idsFound(q), q).toEqual([client.id]);
      }
      expect(await idsFound(czechDate(dateOfBirth))).toContain(client.id);
      expect(await idsFound(dateOfBirth)).toContain(client.id);
      expect(await idsFound(`${family} ${Number(year) + 1}`)).toEqual([]);
      const [hit] = (await search(`${family} ${year}`)).items;
      expect(hit?.match?.reasons).toEqual(['passport_name', 'year_of_birth']);
    });
  });

  describe('bad input', () => {
    it('refuses an empty or one-character search with a clear 400', async () => {
      for (const q of ['', ' ', 'a', '\u200B\u200Ba', ' ž ', 'a\u0301', '\u0301\u0301']) {
        const response = await t.request({ method: 'GET', url: '/api/clients', query: { q }, cookie: receptionist.cookie });
        expect(response.statusCode, JSON.stringify(q)).toBe(400);
        expect(response.json()).toMatchObject({
          error: { code: 'VALIDATION_FAILED', details: [{ field: 'querystring.q', message: 'Type at least two characters' }] },
        });
      }
    });

    it('answers 500 characters, refuses 501, and never fails on emoji, invisible marks or SQL', async () => {
      const family = uniqueWord('Lysenko');
      const client = await createClientThroughApi(t, { givenName: 'Marta', familyName: family });
      expect((await search('x'.repeat(500))).items).toEqual([]);
      expect((await search(`Marta ${family} ${'y'.repeat(400)}`)).items).toEqual([]);
      const tooLong = await t.request({ method: 'GET', url: '/api/clients', query: { q: 'x'.repeat(501) }, cookie: receptionist.cookie });
      expect(tooLong.statusCode).toBe(400);
      expect(await search('😀😀')).toEqual({ items: [], total: 0 });
      expect(await search('👩‍👩‍👧 🇺🇦')).toEqual({ items: [], total: 0 });
      for (const q of [
        `Marta ${family} 😀`,
        `\u200BMarta\u200D ${family}\uFEFF`,
        `\u202EMarta\u202C \u200F${family}`,
        `Marta ${family}\u2066`,
      ]) {
        expect(await idsFound(q), JSON.stringify(q)).toEqual([client.id]);
      }
      for (const q of ["'; drop table clients; --", `Marta' or '1'='1`, 'Robert"); select pg_sleep(5); --']) {
        expect(await idsFound(q), q).not.toContain(client.id);
      }
    });

    it('never lets %, _ or \\ act as wildcards', async () => {
      const family = uniqueWord('Hrytsenko');
      const client = await createClientThroughApi(t, { givenName: 'Olha', familyName: family });
      for (const q of [
        '%',
        '%%',
        '__',
        '\\\\',
        '%_%',
        `Olha ${family.slice(0, 4)}%`,
        `Olha ${family.slice(0, 3)}_${family.slice(4)}`,
        `${family.slice(0, 3)}\\%`,
      ]) {
        if ([...q].length < 2) continue;
        expect(await idsFound(q), q).not.toContain(client.id);
      }
    });
  });

  describe('duplicate check', () => {
    it('warns about the person registered in Cyrillic when the Latin passport name is typed, with score and reasons', async () => {
      const dateOfBirth = uniqueBirthDate();
      const existing = await createClientThroughApi(t, {
        givenName: 'Олександр',
        familyName: 'Шевченко',
        dateOfBirth,
        citizenships: ['UA'],
        sex: 'male',
      });
      const [candidate] = await duplicateCheck({ givenName: 'Oleksandr', familyName: 'Shevchenko', dateOfBirth, citizenships: ['UA'] });
      expect(candidate).toMatchObject({
        id: existing.id,
        match: { level: 'likely', score: 0.97, reasons: ['native_name', 'date_of_birth', 'citizenship'] },
      });

      // Swapped order, a Czech spelling and a typo still find the person.
      for (const names of [
        { givenName: 'Shevchenko', familyName: 'Oleksandr' },
        { givenName: 'Oleksandr', familyName: 'Ševčenko' },
        { givenName: 'Oleksandr', familyName: 'Shevchenk' },
        { givenName: 'Olexander', familyName: 'Shevchenko' },
      ]) {
        const found = await duplicateCheck({ ...names, dateOfBirth });
        expect(
          found.map((c) => c.id),
          JSON.stringify(names),
        ).toContain(existing.id);
      }

      // Another birth date: worth a look, not a likely duplicate.
      const namesake = (await duplicateCheck({ givenName: 'Oleksandr', familyName: 'Shevchenko', dateOfBirth: '2001-01-01' })).find(
        (c) => c.id === existing.id,
      );
      expect(namesake?.match).toMatchObject({ level: 'possible', reasons: expect.arrayContaining(['different_date_of_birth']) });

      // The record being edited is not its own duplicate.
      const editing = await duplicateCheck({ givenName: 'Oleksandr', familyName: 'Shevchenko', dateOfBirth, excludeId: existing.id });
      expect(editing.map((c) => c.id)).not.toContain(existing.id);

      // Registering the same person: refused until confirmed.
      const refused = await t.request({
        method: 'POST',
        url: '/api/clients',
        cookie: receptionist.cookie,
        payload: { givenName: 'OLEKSANDR', familyName: 'SHEVCHENKO', sex: 'male', dateOfBirth },
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.details.candidates[0]).toMatchObject({ id: existing.id, match: { level: 'likely' } });
    });

    it('finds the person by the same phone or e-mail, and validates its input', async () => {
      const email = `${uniqueWord('ivan')}@example.org`;
      const existing = await createClientThroughApi(t, {
        givenName: 'Ivan',
        familyName: uniqueWord('Petrov'),
        email,
        phone: '+420 608 111 222',
      });
      const [byEmail] = await duplicateCheck({
        givenName: 'Ivan',
        familyName: existing.familyName.slice(0, -1),
        email: email.toUpperCase(),
      });
      expect(byEmail).toMatchObject({ id: existing.id, match: { reasons: expect.arrayContaining(['email']) } });

      for (const payload of [
        {},
        { givenName: 'Ivan' },
        { givenName: 'Ivan', familyName: 'X', dateOfBirth: '2001-02-30' },
        { givenName: 'I', familyName: 'X', extra: 1 },
      ]) {
        const response = await t.request({ method: 'POST', url: '/api/clients/duplicate-check', cookie: receptionist.cookie, payload });
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(response.json().error.code).toBe('VALIDATION_FAILED');
      }
      const anonymous = await t.request({
        method: 'POST',
        url: '/api/clients/duplicate-check',
        payload: { givenName: 'Ivan', familyName: 'X' },
      });
      expect(anonymous.statusCode).toBe(401);
      const lecturer = await staffOf(t, 'lecturer');
      const forbidden = await t.request({
        method: 'POST',
        url: '/api/clients/duplicate-check',
        cookie: lecturer.cookie,
        payload: { givenName: 'Ivan', familyName: 'X' },
      });
      expect(forbidden.statusCode).toBe(403);
    });

    it('does not take the start of a name, or a name with nothing to compare, for the same name', async () => {
      const family = uniqueWord('Koval');
      const ivanna = await createClientThroughApi(t, { givenName: 'Ivanna', familyName: family, dateOfBirth: null });
      const [candidate] = await duplicateCheck({ givenName: 'Ivan', familyName: family });
      expect(candidate).toMatchObject({ id: ivanna.id, match: { level: 'possible' } });

      const single = await createClientThroughApi(t, { givenName: '-', familyName: uniqueWord('Aziz'), dateOfBirth: uniqueBirthDate() });
      for (const givenName of ['-', '.', '?']) {
        const found = await duplicateCheck({ givenName, familyName: uniqueWord('Other') });
        expect(found, givenName).toEqual([]);
      }
      expect((await duplicateCheck({ givenName: '-', familyName: single.familyName })).map((c) => c.match.level)).not.toContain('likely');
    });

    it('offers a record with the same phone however many namesakes there are', async () => {
      const family = uniqueWord('Nguyen');
      for (let i = 0; i < 21; i++)
        await createClientThroughApi(t, { givenName: 'Anh', familyName: family, dateOfBirth: `1990-01-${String(i + 1).padStart(2, '0')}` });
      const phone = `+421 905 ${String(randomInt(100_000, 999_999))}`;
      const samePhone = await createClientThroughApi(t, { givenName: 'Minh', familyName: uniqueWord('Tran'), phone, dateOfBirth: null });
      // Namesakes born on other days are possible duplicates; the record sharing the phone must still be offered.
      const found = await duplicateCheck({
        givenName: 'Anh',
        familyName: family,
        dateOfBirth: '1985-06-06',
        phone: phone.replace('+', '00').replace(/ /g, ''),
      });
      expect(found).toHaveLength(10);
      expect(found.find((c) => c.id === samePhone.id)).toMatchObject({ match: { level: 'possible', reasons: ['phone'] } });
    });

    it('offers an archived client as possible, so a returning client is restored rather than registered again', async () => {
      const counsellor = await staffOf(t, 'social_counsellor');
      const existing = await createClientThroughApi(t);
      await t.request({
        method: 'POST',
        url: `/api/clients/${existing.id}/archive`,
        cookie: counsellor.cookie,
        payload: { reason: 'left' },
      });
      const [candidate] = await duplicateCheck({
        givenName: existing.givenName,
        familyName: existing.familyName,
        dateOfBirth: existing.dateOfBirth,
      });
      expect(candidate).toMatchObject({ id: existing.id, archived: true, match: { level: 'possible' } });
    });
  });
});
