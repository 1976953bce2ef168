import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  archiveClientInput,
  clientResponse,
  clientSummary,
  consentInput,
  createClientInput,
  errorResponse,
  idParams,
  listClientsQuery,
  page,
  updateClientInput,
  uuid,
  withdrawConsentInput,
} from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { addConsent, createClient, findClients, getClient, setClientArchived, updateClient, withdrawConsent } from './clients.service.js';

export const clientsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/clients',
    {
      config: { access: 'clients.read' },
      schema: {
        tags: ['clients'],
        summary: 'Find clients: paging, sorting, filters and an accent-insensitive name search',
        description: '`q` of one character is refused (400); a client number such as 2026-00042 finds that client.',
        querystring: listClientsQuery,
        response: { 200: page(clientSummary) },
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
          'Answers 409 DUPLICATE_SUSPECTED with `details.candidates` when the person looks registered; resend with `confirmDuplicate: true` to save anyway.',
        body: createClientInput,
        response: { 201: clientResponse, 409: errorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await createClient(contextOf(request), request.body)),
  );
  app.get(
    '/api/clients/:id',
    {
      config: { access: 'clients.read' },
      schema: {
        tags: ['clients'],
        summary: "One client's record (the read is audited)",
        params: idParams,
        response: { 200: clientResponse },
      },
    },
    (request) => getClient(contextOf(request), request.params.id),
  );
  app.patch(
    '/api/clients/:id',
    {
      config: { access: 'clients.write' },
      schema: {
        tags: ['clients'],
        summary: 'Change a client',
        params: idParams,
        body: updateClientInput,
        response: { 200: clientResponse },
      },
    },
    (request) => updateClient(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/clients/:id/archive',
    {
      config: { access: 'clients.archive' },
      schema: {
        tags: ['clients'],
        summary: 'Archive a client (records are kept)',
        params: idParams,
        body: archiveClientInput,
        response: { 200: clientResponse },
      },
    },
    (request) => setClientArchived(contextOf(request), request.params.id, true, request.body.reason),
  );
  app.post(
    '/api/clients/:id/unarchive',
    {
      config: { access: 'clients.archive' },
      schema: { tags: ['clients'], summary: 'Restore an archived client', params: idParams, response: { 200: clientResponse } },
    },
    (request) => setClientArchived(contextOf(request), request.params.id, false, null),
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
