import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  archiveClientInput,
  clientListItem,
  clientResponse,
  consentInput,
  createClientInput,
  duplicateCheckInput,
  duplicateCheckResponse,
  errorResponse,
  idParams,
  ifMatchHeaders,
  listClientsQuery,
  page,
  updateClientInput,
  uuid,
  withdrawConsentInput,
} from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { expectedVersion, withVersion } from '../../http/versions.js';
import { checkDuplicates, findClients } from './client-search.service.js';
import { addConsent, createClient, getClient, setClientArchived, updateClient, withdrawConsent } from './clients.service.js';

export const clientsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/clients',
    {
      config: { access: 'clients.read' },
      schema: {
        tags: ['clients'],
        summary: 'Find clients: paging, sorting, filters and a search by any spelling of a name',
        description: [
          '`q` finds clients by any part of their names in any script or romanisation (Шевченко, Shevchenko, Ševčenko),',
          'with one or two typos; by client number (2026-00042, also of a record merged into the client); by phone number',
          'in any format, with or without +420; by e-mail; and by a birth date or year with or without a name',
          '("shevchenko 1985", "15.3.1985"). Every word must match. Results come best first (`sort=relevance`, the default',
          'with `q`), each with `match.score` (0–1) and `match.reasons`. A `q` with fewer than two visible characters or',
          'more than 500 is refused (400); a `q` naming nothing (emoji, punctuation only) finds nobody. `%`, `_` and `\\`',
          'are matched as written.',
        ].join(' '),
        querystring: listClientsQuery,
        response: { 200: page(clientListItem) },
      },
    },
    (request) => findClients(contextOf(request), request.query),
  );
  app.post(
    '/api/clients',
    {
      config: { access: 'clients.write' },
      schema: {
        tags: ['clients'],
        summary: 'Register a client',
        description:
          'Answers 409 DUPLICATE_SUSPECTED with `details.candidates` (as in the duplicate check) when a `likely` candidate exists; resend with `confirmDuplicate: true` to save anyway, which is audited.',
        body: createClientInput,
        response: { 201: clientResponse, 409: errorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(withVersion(reply, await createClient(contextOf(request), request.body))),
  );
  app.post(
    '/api/clients/duplicate-check',
    {
      config: { access: 'clients.read' },
      schema: {
        tags: ['clients'],
        summary: 'Existing clients the person being registered or edited may be',
        description: [
          'Compares the names in both scripts (any scheme, either order, typos), the birth date, citizenship, phone and',
          'e-mail. Candidates come best first with `match.score`, `match.reasons` and `match.level`: `likely` (registering',
          'needs `confirmDuplicate`) or `possible`. Archived clients can be candidates (level `possible`); merged records',
          'never are. `excludeId` leaves out the client being edited. Nothing is saved.',
        ].join(' '),
        body: duplicateCheckInput,
        response: { 200: duplicateCheckResponse },
      },
    },
    (request) => checkDuplicates(contextOf(request), request.body),
  );
  app.get(
    '/api/clients/:id',
    {
      config: { access: 'clients.read' },
      schema: {
        tags: ['clients'],
        summary: "One client's record (the read is audited)",
        description: 'The `ETag` header carries the record\'s version (`W/"3"`), to send back in `If-Match` with a change.',
        params: idParams,
        response: { 200: clientResponse },
      },
    },
    async (request, reply) => withVersion(reply, await getClient(contextOf(request), request.params.id)),
  );
  app.patch(
    '/api/clients/:id',
    {
      config: { access: 'clients.write' },
      schema: {
        tags: ['clients'],
        summary: 'Change a client',
        description: [
          'With `If-Match` naming an older version than the stored one, nothing changes: 412 STALE_VERSION with',
          '`details.currentVersion` and `details.changes` (the fields changed since, when and by whom). Without `If-Match`',
          'the change is saved whatever the version. A change to the stored values saves nothing and is audited as a read.',
        ].join(' '),
        params: idParams,
        headers: ifMatchHeaders,
        body: updateClientInput,
        response: { 200: clientResponse, 412: errorResponse },
      },
    },
    async (request, reply) =>
      withVersion(reply, await updateClient(contextOf(request), request.params.id, request.body, expectedVersion(request))),
  );
  app.post(
    '/api/clients/:id/archive',
    {
      config: { access: 'clients.archive' },
      schema: {
        tags: ['clients'],
        summary: 'Archive a client (records are kept)',
        params: idParams,
        headers: ifMatchHeaders,
        body: archiveClientInput,
        response: { 200: clientResponse, 412: errorResponse },
      },
    },
    async (request, reply) =>
      withVersion(
        reply,
        await setClientArchived(contextOf(request), request.params.id, true, request.body.reason, expectedVersion(request)),
      ),
  );
  app.post(
    '/api/clients/:id/unarchive',
    {
      config: { access: 'clients.archive' },
      schema: {
        tags: ['clients'],
        summary: 'Restore an archived client',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 200: clientResponse, 412: errorResponse },
      },
    },
    async (request, reply) =>
      withVersion(reply, await setClientArchived(contextOf(request), request.params.id, false, null, expectedVersion(request))),
  );
  app.post(
    '/api/clients/:id/consents',
    {
      config: { access: 'clients.write' },
      schema: { tags: ['clients'], summary: 'Record a consent', params: idParams, body: consentInput, response: { 201: clientResponse } },
    },
    async (request, reply) => reply.status(201).send(await addConsent(contextOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/clients/:id/consents/:consentId/withdraw',
    {
      config: { access: 'clients.write' },
      schema: {
        tags: ['clients'],
        summary: 'Record that a consent was withdrawn',
        params: z.strictObject({ id: uuid, consentId: uuid }),
        body: withdrawConsentInput,
        response: { 200: clientResponse },
      },
    },
    (request) => withdrawConsent(contextOf(request), request.params.id, request.params.consentId, request.body.withdrawnOn),
  );
};
