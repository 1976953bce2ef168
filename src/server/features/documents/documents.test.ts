import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentResponse } from '../../../shared/index.js';
import { auditEventsThroughApi, createClientThroughApi, staffOf, uniqueWord } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';
import { samples } from './document-samples.js';
import { attachmentDisposition } from './documents.routes.js';

type Part = { name: string; value: string } | { name: string; fileName: string; content: Buffer; type?: string };

/** A multipart/form-data body, as a browser's FormData sends it. */
function multipart(parts: Part[]) {
  const boundary = `----integra${randomUUID()}`;
  const chunks = parts.flatMap((part) => {
    const head =
      'fileName' in part
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: ${part.type ?? 'application/octet-stream'}\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n`;
    return [Buffer.from(head, 'utf8'), 'fileName' in part ? part.content : Buffer.from(part.value, 'utf8'), Buffer.from('\r\n')];
  });
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const file = (fileName: string, content: Buffer, type?: string): Part => ({ name: 'file', fileName, content, ...(type ? { type } : {}) });

/** Every file under a folder, as paths relative to it. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('the name of a downloaded file', () => {
  it('is an ASCII stand-in without quotes or escapes, and the exact name encoded per RFC 5987', () => {
    expect(attachmentDisposition('Žádost "A\\B" 50%.pdf')).toBe(
      `attachment; filename="Zadost _A_B_ 50_.pdf"; filename*=UTF-8''%C5%BD%C3%A1dost%20%22A%5CB%22%2050%25.pdf`,
    );
    expect(attachmentDisposition('Довідка.pdf')).toBe(
      `attachment; filename="_______.pdf"; filename*=UTF-8''${encodeURIComponent('Довідка')}.pdf`,
    );
  });
});

describe('documents', async () => {
  const documentDir = mkdtempSync(path.join(os.tmpdir(), 'integra-documents-'));
  afterAll(() => rmSync(documentDir, { recursive: true, force: true }));
  const t = await createTestApp({ INTEGRA_DOCUMENT_DIR: documentDir, INTEGRA_DOCUMENT_MAX_MB: '1' });
  const maxBytes = 1024 * 1024;
  const receptionist = await staffOf(t, 'receptionist');
  const social = await staffOf(t, 'social_counsellor');
  const legal = await staffOf(t, 'legal_counsellor');
  const coordinator = await staffOf(t, 'coordinator');
  const lecturer = await staffOf(t, 'lecturer');
  const dpo = await staffOf(t, 'dpo');

  const upload = (clientId: string, parts: Part[], cookie = receptionist.cookie) =>
    t.request({ method: 'POST', url: `/api/clients/${clientId}/documents`, cookie, ...multipart(parts) });
  const list = (clientId: string, cookie = social.cookie, query: Record<string, string> = {}) =>
    t.request({ method: 'GET', url: `/api/clients/${clientId}/documents`, cookie, query });
  const download = (id: string, cookie = social.cookie) => t.request({ method: 'GET', url: `/api/documents/${id}/content`, cookie });

  async function uploaded(clientId: string, parts: Part[], cookie?: string): Promise<DocumentResponse> {
    const response = await upload(clientId, parts, cookie);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  /** A consultation of the client, written directly: what matters here is its kind and author. */
  async function addConsultation(clientId: string, kind: 'social' | 'legal', authorId: string): Promise<string> {
    const { rows } = await t.database.db.execute<{ id: string }>(
      sql`insert into services (kind, occurred_on, client_id, staff_id) values ('consultation', '2026-03-02', ${clientId}, ${authorId}) returning id`,
    );
    const id = (rows[0] as { id: string }).id;
    await t.database.db.execute(
      sql`insert into consultations (service_id, form, kind, created_by) values (${id}, 'in_person', ${kind}, ${authorId})`,
    );
    return id;
  }

  /** What a refused request must leave as it was: the client's documents, the callers' audit entries and the files. */
  async function snapshot(clientId: string) {
    const actors = [receptionist, social, legal, coordinator, lecturer].map((s) => s.userId);
    const { rows } = await t.database.db.execute<{ documents: number; audit: number }>(sql`
      select (select count(*)::int from documents where client_id = ${clientId}) as documents,
             (select count(*)::int from audit_events where actor_id in (${sql.join(actors, sql`, `)}) and action like 'document.%') as audit`);
    return { ...(rows[0] as { documents: number; audit: number }), files: filesUnder(documentDir) };
  }

  async function expectRefused(
    clientId: string,
    send: () => Promise<LightMyRequestResponse>,
    status: number,
    code: string,
    field?: string,
  ) {
    const before = await snapshot(clientId);
    const response = await send();
    expect(response.statusCode, response.body).toBe(status);
    const error = response.json().error;
    expect(error.code).toBe(code);
    if (field) expect(error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await snapshot(clientId)).toEqual(before);
    return error;
  }

  describe('uploading', () => {
    it('keeps a PDF under a generated key, with its size and SHA-256, and audits field names only', async () => {
      const client = await createClientThroughApi(t);
      const description = 'Povolení k pobytu, obě strany';
      const document = await uploaded(client.id, [
        file('povolení.pdf', samples.pdf, 'image/png'),
        { name: 'description', value: description },
      ]);
      expect(document).toMatchObject({
        clientId: client.id,
        consultationId: null,
        restricted: false,
        restrictedReason: null,
        fileName: 'povolení.pdf',
        description,
        // The type comes from the content, whatever the browser claimed.
        mediaType: 'application/pdf',
        sizeBytes: samples.pdf.length,
        sha256: createHash('sha256').update(samples.pdf).digest('hex'),
        uploadedBy: { id: receptionist.userId, name: expect.any(String) },
      });
      const { rows } = await t.database.db.execute<{ storage_key: string }>(
        sql`select storage_key from documents where id = ${document.id}`,
      );
      const storageKey = (rows[0] as { storage_key: string }).storage_key;
      expect(storageKey).toBe(`${document.id.slice(0, 2)}/${document.id}`);
      expect(readFileSync(path.join(documentDir, storageKey))).toEqual(samples.pdf);
      expect(filesUnder(documentDir).some((name) => name.includes('povolen'))).toBe(false);

      const [event] = await auditEventsThroughApi(t, { clientId: client.id, action: 'document.uploaded' });
      expect(event).toMatchObject({ entityType: 'document', entityId: document.id, actor: { id: receptionist.userId } });
      expect(event?.changes).toEqual([{ field: 'fileName' }, { field: 'mediaType' }, { field: 'sizeBytes' }, { field: 'description' }]);
      expect(JSON.stringify(event)).not.toContain('povolen');
    });

    it.each([
      ['scan.png', samples.png, 'image/png'],
      ['photo.jpg', samples.jpeg, 'image/jpeg'],
      ['photo.JPEG', samples.jpeg, 'image/jpeg'],
      ['contract.docx', samples.docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['letter.odt', samples.odt, 'application/vnd.oasis.opendocument.text'],
      ['old letter.doc', samples.doc, 'application/msword'],
      ['old table.xls', samples.xls, 'application/vnd.ms-excel'],
    ])('accepts %s as %s by its content', async (fileName, content, mediaType) => {
      const client = await createClientThroughApi(t);
      expect(await uploaded(client.id, [file(fileName, content)])).toMatchObject({ fileName, mediaType });
    });

    it.each([
      ['a PNG named .pdf', 'scan.pdf', samples.png],
      ['a program renamed .pdf', 'invoice.pdf', samples.exe],
      ['a program', 'setup.exe', samples.exe],
      ['a text file', 'notes.txt', samples.text],
      ['a text file named .pdf', 'notes.pdf', samples.text],
      ['a compound file that is not Word', 'installer.doc', samples.otherCompound],
      ['a Word file named .xls', 'letter.xls', samples.doc],
      ['a PDF without an extension', 'document', samples.pdf],
    ])('refuses %s with 415 and keeps nothing', async (_label, fileName, content) => {
      const client = await createClientThroughApi(t);
      const error = await expectRefused(
        client.id,
        () => upload(client.id, [file(fileName, content, 'application/pdf')]),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expect(error.details.accepted).toEqual(expect.arrayContaining(['pdf', 'jpg', 'docx', 'xls']));
    });

    it('accepts a file of exactly the size limit and refuses one byte more with 413, keeping nothing', async () => {
      const client = await createClientThroughApi(t);
      const atLimit = Buffer.concat([samples.pdf, Buffer.alloc(maxBytes - samples.pdf.length, 0x20)]);
      expect((await uploaded(client.id, [file('big.pdf', atLimit)])).sizeBytes).toBe(maxBytes);
      const overLimit = Buffer.concat([atLimit, Buffer.from(' ')]);
      const error = await expectRefused(client.id, () => upload(client.id, [file('bigger.pdf', overLimit)]), 413, 'PAYLOAD_TOO_LARGE');
      expect(error.details).toEqual({ maxBytes });
      const huge = Buffer.concat([samples.pdf, Buffer.alloc(3 * maxBytes, 0x20)]);
      await expectRefused(client.id, () => upload(client.id, [file('huge.pdf', huge)]), 413, 'PAYLOAD_TOO_LARGE');
      expect(filesUnder(path.join(documentDir, '.incoming'))).toEqual([]);
    });

    it('keeps the file name without path, control or invisible characters, and with its letters', async () => {
      const client = await createClientThroughApi(t);
      const cases = [
        ['../../etc/passwd.pdf', 'passwd.pdf'],
        ['C:\\Users\\olena\\Довідка Олена.pdf', 'Довідка Олена.pdf'],
        ['zpráva\u0007\u202E  Nguyễn.pdf', 'zpráva Nguyễn.pdf'],
      ];
      for (const [sent, kept] of cases) {
        expect((await uploaded(client.id, [file(sent as string, samples.pdf)])).fileName).toBe(kept);
      }
    });

    it('attaches a document to a consultation of the same client only', async () => {
      const client = await createClientThroughApi(t);
      const other = await createClientThroughApi(t);
      const consultationId = await addConsultation(client.id, 'social', social.userId);
      const attached = await uploaded(client.id, [file('a.pdf', samples.pdf), { name: 'consultationId', value: consultationId }]);
      expect(attached.consultationId).toBe(consultationId);
      const [event] = await auditEventsThroughApi(t, { clientId: client.id, action: 'document.uploaded' });
      expect(event?.changes.map((c) => c.field)).toContain('consultationId');

      const othersConsultation = await addConsultation(other.id, 'social', social.userId);
      for (const value of [othersConsultation, randomUUID()]) {
        await expectRefused(
          client.id,
          () => upload(client.id, [file('a.pdf', samples.pdf), { name: 'consultationId', value }]),
          400,
          'VALIDATION_FAILED',
          'body.consultationId',
        );
      }
      const { rows } = await t.database.db.execute(sql`select 1 from documents where client_id = ${other.id}`);
      expect(rows).toEqual([]);
    });

    it('refuses an unknown client (404), a merged one and an archived one (409), keeping no file', async () => {
      const unknown = randomUUID();
      await expectRefused(unknown, () => upload(unknown, [file('a.pdf', samples.pdf)]), 404, 'NOT_FOUND');

      const survivor = await createClientThroughApi(t);
      const merged = await createClientThroughApi(t);
      const merge = await t.request({
        method: 'POST',
        url: `/api/clients/${survivor.id}/merge`,
        cookie: coordinator.cookie,
        payload: { duplicateId: merged.id, reason: 'Registered twice' },
      });
      expect(merge.statusCode, merge.body).toBe(200);
      await expectRefused(merged.id, () => upload(merged.id, [file('a.pdf', samples.pdf)]), 409, 'CONFLICT');

      const archived = await createClientThroughApi(t);
      const archive = await t.request({
        method: 'POST',
        url: `/api/clients/${archived.id}/archive`,
        cookie: coordinator.cookie,
        payload: { reason: 'Moved away' },
      });
      expect(archive.statusCode, archive.body).toBe(200);
      await expectRefused(archived.id, () => upload(archived.id, [file('a.pdf', samples.pdf)]), 409, 'CONFLICT');
    });

    it('removes the placed file when the database write fails', async () => {
      const client = await createClientThroughApi(t);
      const marker = uniqueWord('fail');
      const fn = sql.identifier(`${marker}_fn`);
      await t.database.db.execute(sql`create function ${fn}() returns trigger language plpgsql as $$
        begin if new.description = ${sql.raw(`'${marker}'`)} then raise exception 'refused by the test'; end if; return new; end $$`);
      await t.database.db.execute(
        sql`create trigger ${sql.identifier(marker)} after insert on documents for each row execute function ${fn}()`,
      );
      try {
        const before = await snapshot(client.id);
        const response = await upload(client.id, [file('a.pdf', samples.pdf), { name: 'description', value: marker }]);
        expect(response.statusCode).toBe(500);
        expect(await snapshot(client.id)).toEqual(before);
      } finally {
        await t.database.db.execute(sql`drop trigger ${sql.identifier(marker)} on documents`);
        await t.database.db.execute(sql`drop function ${fn}()`);
      }
    });
  });

  describe('bad input to the upload', async () => {
    const client = await createClientThroughApi(t);
    const bad = (parts: Part[]) => () => upload(client.id, parts);

    it('refuses a form without a file, with two files, or with the file under another name', async () => {
      await expectRefused(client.id, bad([{ name: 'description', value: 'only text' }]), 400, 'VALIDATION_FAILED', 'body.file');
      await expectRefused(client.id, bad([]), 400, 'VALIDATION_FAILED', 'body.file');
      await expectRefused(client.id, bad([file('a.pdf', samples.pdf), file('b.pdf', samples.pdf)]), 400, 'VALIDATION_FAILED', 'body.file');
      await expectRefused(
        client.id,
        bad([{ name: 'attachment', fileName: 'a.pdf', content: samples.pdf }]),
        400,
        'VALIDATION_FAILED',
        'body.file',
      );
      await expectRefused(client.id, bad([{ name: 'file', value: 'not a file' }]), 400, 'VALIDATION_FAILED', 'body.file');
    });

    it('refuses unknown fields, fields twice, and fields of the wrong form', async () => {
      const error = await expectRefused(
        client.id,
        bad([file('a.pdf', samples.pdf), { name: 'zzUnknown', value: '1' }]),
        400,
        'VALIDATION_FAILED',
      );
      expect(error.details.flatMap((d: { keys?: string[] }) => d.keys ?? [])).toEqual(['zzUnknown']);
      const field = (name: string, value: string) => bad([file('a.pdf', samples.pdf), { name, value }]);
      await expectRefused(client.id, field('consultationId', 'not-a-uuid'), 400, 'VALIDATION_FAILED', 'body.consultationId');
      await expectRefused(client.id, field('description', 'd'.repeat(501)), 400, 'VALIDATION_FAILED', 'body.description');
      await expectRefused(client.id, field('description', 'a\u0000b'), 400, 'VALIDATION_FAILED', 'body.description');
      await expectRefused(
        client.id,
        bad([file('a.pdf', samples.pdf), { name: 'description', value: 'one' }, { name: 'description', value: 'two' }]),
        400,
        'VALIDATION_FAILED',
        'body.description',
      );
    });

    it('refuses a body that is not multipart, and multipart that cannot be read', async () => {
      const send = (headers: Record<string, string>, payload: string | Buffer) => () =>
        t.request({ method: 'POST', url: `/api/clients/${client.id}/documents`, cookie: receptionist.cookie, headers, payload });
      await expectRefused(
        client.id,
        send({ 'content-type': 'application/json' }, JSON.stringify({ description: 'x' })),
        400,
        'VALIDATION_FAILED',
        'body.file',
      );
      await expectRefused(client.id, send({ 'content-type': 'text/plain' }, 'a file'), 400, 'VALIDATION_FAILED', 'body');
      await expectRefused(client.id, send({ 'content-type': 'application/pdf' }, samples.pdf), 415, 'UNSUPPORTED_MEDIA_TYPE');
      const { payload, headers } = multipart([file('a.pdf', samples.pdf)]);
      await expectRefused(client.id, send(headers, payload.subarray(0, payload.length - 40)), 400, 'VALIDATION_FAILED', 'body');
      await expectRefused(client.id, send({ 'content-type': 'multipart/form-data' }, payload), 400, 'VALIDATION_FAILED', 'body');
    });

    it('refuses a file part without a file name, or with one that is empty once cleaned, naming the part', async () => {
      const send = (disposition: string) => () => {
        const boundary = `----integra${randomUUID()}`;
        const payload = Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\nContent-Type: application/pdf\r\n\r\n`),
          samples.pdf,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
        return t.request({ method: 'POST', url: `/api/clients/${client.id}/documents`, cookie: receptionist.cookie, headers, payload });
      };
      for (const disposition of [
        'name="file"',
        'name="file"; filename=""',
        'name="file"; filename="/"',
        'name="file"; filename="\u200F"',
      ]) {
        await expectRefused(client.id, send(disposition), 400, 'VALIDATION_FAILED', 'body.file');
      }
      expect(filesUnder(path.join(documentDir, '.incoming'))).toEqual([]);
    });

    it('refuses a malformed client id', async () => {
      const response = await t.request({
        method: 'POST',
        url: '/api/clients/nope/documents',
        cookie: receptionist.cookie,
        ...multipart([file('a.pdf', samples.pdf)]),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe('params.id');
      expect(filesUnder(path.join(documentDir, '.incoming'))).toEqual([]);
    });

    it('reads multipart only on the upload: other routes keep their JSON body and its limit', async () => {
      const elsewhere = await t.request({
        method: 'POST',
        url: '/api/clients',
        cookie: receptionist.cookie,
        ...multipart([file('a.pdf', samples.pdf)]),
      });
      expect(elsewhere.statusCode).toBe(415);
      const big = await t.request({
        method: 'POST',
        url: `/api/clients/${client.id}/documents`,
        cookie: receptionist.cookie,
        payload: { description: 'x'.repeat(300 * 1024) },
      });
      expect(big.statusCode).toBe(413);
    });

    it('tells the form the size limit and the accepted kinds', async () => {
      const response = await t.request({ method: 'GET', url: '/api/documents/upload-rules', cookie: receptionist.cookie });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        maxBytes,
        extensions: expect.arrayContaining(['pdf', 'jpg', 'jpeg', 'png', 'docx', 'odt', 'doc', 'xls']),
      });
      expect((await t.request({ method: 'GET', url: '/api/documents/upload-rules', cookie: lecturer.cookie })).statusCode).toBe(403);
    });

    it('lets only document writers upload', async () => {
      for (const caller of [lecturer, dpo]) {
        await expectRefused(client.id, () => upload(client.id, [file('a.pdf', samples.pdf)], caller.cookie), 403, 'FORBIDDEN');
      }
      await expectRefused(client.id, () => upload(client.id, [file('a.pdf', samples.pdf)], ''), 401, 'UNAUTHENTICATED');
    });
  });

  describe('listing', () => {
    it("lists a client's documents newest first, paged, and audits the read with the client", async () => {
      const client = await createClientThroughApi(t);
      const first = await uploaded(client.id, [file('first.pdf', samples.pdf)]);
      const second = await uploaded(client.id, [file('second.png', samples.png)]);
      const third = await uploaded(client.id, [file('third.jpg', samples.jpeg)]);
      const all = await list(client.id, receptionist.cookie);
      expect(all.statusCode, all.body).toBe(200);
      expect(all.json().total).toBe(3);
      expect(all.json().items.map((d: DocumentResponse) => d.id)).toEqual([third.id, second.id, first.id]);
      const paged = await list(client.id, receptionist.cookie, { limit: '2', offset: '2' });
      expect(paged.json()).toEqual({ items: [first], total: 3 });
      const past = await list(client.id, receptionist.cookie, { offset: '10' });
      expect(past.json()).toEqual({ items: [], total: 3 });

      const reads = await auditEventsThroughApi(t, { clientId: client.id, action: 'document.read' });
      expect(reads).toHaveLength(3);
      expect(reads[0]).toMatchObject({ actor: { id: receptionist.userId }, entityType: 'client', entityId: client.id });
    });

    it('filters by consultation', async () => {
      const client = await createClientThroughApi(t);
      const consultationId = await addConsultation(client.id, 'social', social.userId);
      const attached = await uploaded(client.id, [file('a.pdf', samples.pdf), { name: 'consultationId', value: consultationId }]);
      await uploaded(client.id, [file('b.pdf', samples.pdf)]);
      expect((await list(client.id, social.cookie, { consultationId })).json()).toEqual({ items: [attached], total: 1 });
    });

    it('answers 404 for an unknown client and 409 for a merged one, auditing no read', async () => {
      const unknown = randomUUID();
      expect((await list(unknown)).statusCode).toBe(404);
      expect(await auditEventsThroughApi(t, { clientId: unknown })).toEqual([]);
      expect((await list('nope')).statusCode).toBe(400);
      expect((await list(randomUUID(), social.cookie, { zzUnknown: '1' })).statusCode).toBe(400);
      expect((await list(randomUUID(), lecturer.cookie)).statusCode).toBe(403);
    });
  });

  it('is listed by name to counsellors and to its uploader; a receptionist sees others’ only as restricted', async () => {
    const client = await createClientThroughApi(t);
    const byReceptionist = await uploaded(client.id, [file('passport copy.pdf', samples.pdf)]);
    const bySocial = await uploaded(client.id, [file('medical report.pdf', samples.pdf)], social.cookie);
    const items = (await list(client.id, receptionist.cookie)).json().items as DocumentResponse[];
    expect(items.find((d) => d.id === byReceptionist.id)).toMatchObject({ restricted: false, fileName: 'passport copy.pdf' });
    expect(items.find((d) => d.id === bySocial.id)).toMatchObject({
      restricted: true,
      restrictedReason: 'role',
      fileName: null,
      description: null,
      sha256: null,
      sizeBytes: null,
    });
    const forSocial = (await list(client.id, social.cookie)).json().items as DocumentResponse[];
    expect(forSocial.every((d) => !d.restricted)).toBe(true);
  });

  describe('a document of a legal consultation', async () => {
    const client = await createClientThroughApi(t);
    const consultationId = await addConsultation(client.id, 'legal', coordinator.userId);
    // Uploaded by the consultation's author: whoever uploads a file sees its name in the list.
    const document = await uploaded(
      client.id,
      [
        file('asylum appeal.pdf', samples.pdf),
        { name: 'description', value: 'Appeal against the decision' },
        { name: 'consultationId', value: consultationId },
      ],
      coordinator.cookie,
    );
    const listedFor = async (cookie: string) => (await list(client.id, cookie)).json().items[0] as DocumentResponse;

    it('is listed for others without its name and description', async () => {
      // Each is told why: the legal content for those who read documents, their role for a receptionist.
      for (const [reader, restrictedReason] of [
        [social, 'legal_content'],
        [dpo, 'legal_content'],
        [receptionist, 'role'],
      ] as const) {
        expect(await listedFor(reader.cookie)).toMatchObject({
          id: document.id,
          restricted: true,
          restrictedReason,
          fileName: null,
          description: null,
        });
      }
    });

    it("shows its name to legal counsellors and to the consultation's author", async () => {
      for (const reader of [legal, coordinator]) {
        expect(await listedFor(reader.cookie)).toMatchObject({ restricted: false, restrictedReason: null, fileName: 'asylum appeal.pdf' });
      }
    });

    it('is downloaded only by legal counsellors and the author; others get 403 and no audit entry', async () => {
      expect((await download(document.id, legal.cookie)).statusCode).toBe(200);
      expect((await download(document.id, coordinator.cookie)).statusCode).toBe(200);
      const refused = await download(document.id, social.cookie);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('FORBIDDEN');
      const downloads = await auditEventsThroughApi(t, { clientId: client.id, action: 'document.downloaded' });
      expect(downloads.map((d) => d.actor?.id).sort()).toEqual([legal.userId, coordinator.userId].sort());
    });

    it('cannot be deleted by someone who may not see it', async () => {
      const response = await t.request({ method: 'DELETE', url: `/api/documents/${document.id}`, cookie: social.cookie });
      expect(response.statusCode).toBe(403);
      expect((await listedFor(legal.cookie)).id).toBe(document.id);
    });
  });

  describe('downloading', async () => {
    const client = await createClientThroughApi(t);
    const document = await uploaded(client.id, [file("Довідка č's (1).pdf", samples.pdf)]);

    it('serves the bytes as an attachment of the stored type, and audits the download with the client', async () => {
      const response = await download(document.id);
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload).toEqual(samples.pdf);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-length']).toBe(String(samples.pdf.length));
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="_______ c's (1).pdf"; filename*=UTF-8''${encodeURIComponent('Довідка č')}%27s%20%281%29.pdf`,
      );
      const [event] = await auditEventsThroughApi(t, { clientId: client.id, action: 'document.downloaded' });
      expect(event).toMatchObject({ actor: { id: social.userId }, entityType: 'document', entityId: document.id, clientId: client.id });
    });

    it('is not allowed to receptionists and lecturers (403), and 404 for an unknown document', async () => {
      for (const caller of [receptionist, lecturer]) {
        const response = await download(document.id, caller.cookie);
        expect(response.statusCode).toBe(403);
        expect(response.json().error.code).toBe('FORBIDDEN');
      }
      expect((await download(randomUUID())).statusCode).toBe(404);
      expect((await download('nope')).statusCode).toBe(400);
      const downloads = await auditEventsThroughApi(t, { clientId: client.id, action: 'document.downloaded' });
      expect(downloads.every((d) => d.actor?.id === social.userId)).toBe(true);
    });
  });

  describe('deleting', () => {
    it('hides the document from the list and from download, keeps its file, and audits the deletion', async () => {
      const client = await createClientThroughApi(t);
      const document = await uploaded(client.id, [file('wrong client.pdf', samples.pdf)]);
      const response = await t.request({ method: 'DELETE', url: `/api/documents/${document.id}`, cookie: social.cookie });
      expect(response.statusCode, response.body).toBe(200);
      expect((await list(client.id)).json()).toEqual({ items: [], total: 0 });
      expect((await download(document.id)).statusCode).toBe(404);
      const { rows } = await t.database.db.execute<{ deleted_by: string; storage_key: string; deleted_at: Date | null }>(
        sql`select deleted_by, deleted_at, storage_key from documents where id = ${document.id}`,
      );
      expect(rows[0]).toMatchObject({ deleted_by: social.userId, deleted_at: expect.anything() });
      expect(readFileSync(path.join(documentDir, (rows[0] as { storage_key: string }).storage_key))).toEqual(samples.pdf);
      const [event] = await auditEventsThroughApi(t, { clientId: client.id, action: 'document.deleted' });
      expect(event).toMatchObject({ actor: { id: social.userId }, entityId: document.id, changes: [{ field: 'deletedAt' }] });

      const again = await t.request({ method: 'DELETE', url: `/api/documents/${document.id}`, cookie: social.cookie });
      expect(again.statusCode).toBe(404);
    });

    it('is refused to those who may not write or may not see documents, for unknown and malformed ids', async () => {
      const client = await createClientThroughApi(t);
      const document = await uploaded(client.id, [file('a.pdf', samples.pdf)]);
      // A receptionist uploads, but does not see documents by name, and so does not delete them either.
      for (const caller of [lecturer, dpo, receptionist]) {
        expect((await t.request({ method: 'DELETE', url: `/api/documents/${document.id}`, cookie: caller.cookie })).statusCode).toBe(403);
      }
      expect((await t.request({ method: 'DELETE', url: `/api/documents/${randomUUID()}`, cookie: receptionist.cookie })).statusCode).toBe(
        404,
      );
      expect((await t.request({ method: 'DELETE', url: '/api/documents/nope', cookie: receptionist.cookie })).statusCode).toBe(400);
      expect((await list(client.id)).json().total).toBe(1);
    });
  });
});
