import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createPartnerInput,
  errorResponse,
  idParams,
  ifMatchHeaders,
  listPartnersQuery,
  page,
  partnerResponse,
  updatePartnerInput,
} from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { expectedVersion, withVersion } from '../../http/versions.js';
import { createPartner, findPartners, getPartner, updatePartner } from './partners.service.js';

export const partnersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/partners',
    {
      config: { access: 'partners.read' },
      schema: {
        tags: ['partners'],
        summary: 'The directory of partner organisations and services, by name',
        description:
          'Every word of `q` must occur in the name, the services or the municipality, ignoring case and accents. Archived partners are left out unless `archived` says otherwise.',
        querystring: listPartnersQuery,
        response: { 200: page(partnerResponse) },
      },
    },
    (request) => findPartners(contextOf(request), request.query),
  );
  app.get(
    '/api/partners/:id',
    {
      config: { access: 'partners.read' },
      schema: { tags: ['partners'], summary: 'One partner', params: idParams, response: { 200: partnerResponse, 404: errorResponse } },
    },
    async (request, reply) => withVersion(reply, await getPartner(contextOf(request), request.params.id)),
  );
  app.post(
    '/api/partners',
    {
      config: { access: 'partners.manage' },
      schema: {
        tags: ['partners'],
        summary: 'Add a partner to the directory',
        body: createPartnerInput,
        response: { 201: partnerResponse },
      },
    },
    async (request, reply) => reply.status(201).send(withVersion(reply, await createPartner(contextOf(request), request.body))),
  );
  app.patch(
    '/api/partners/:id',
    {
      config: { access: 'partners.manage' },
      schema: {
        tags: ['partners'],
        summary: 'Change a partner, or archive it (partners are never deleted)',
        description: 'With `If-Match` naming an older version, nothing changes: 412 STALE_VERSION with what changed since.',
        params: idParams,
        headers: ifMatchHeaders,
        body: updatePartnerInput,
        response: { 200: partnerResponse, 404: errorResponse, 412: errorResponse },
      },
    },
    async (request, reply) =>
      withVersion(reply, await updatePartner(contextOf(request), request.params.id, request.body, expectedVersion(request))),
  );
};
