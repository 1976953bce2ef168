import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createPartnerInput,
  errorResponse,
  idParams,
  listPartnersQuery,
  page,
  partnerResponse,
  updatePartnerInput,
} from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
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
    (request) => getPartner(contextOf(request), request.params.id),
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
    async (request, reply) => reply.status(201).send(await createPartner(contextOf(request), request.body)),
  );
  app.patch(
    '/api/partners/:id',
    {
      config: { access: 'partners.manage' },
      schema: {
        tags: ['partners'],
        summary: 'Change a partner, or archive it (partners are never deleted)',
        params: idParams,
        body: updatePartnerInput,
        response: { 200: partnerResponse, 404: errorResponse },
      },
    },
    (request) => updatePartner(contextOf(request), request.params.id, request.body),
  );
};
