import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientResponse, errorResponse, idParams, mergeClientsInput } from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { mergeClients } from './client-merge.service.js';

export const clientMergeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/clients/:id/merge',
    {
      config: { access: 'clients.merge' },
      schema: {
        tags: ['clients'],
        summary: 'Merge a duplicate record of the same person into this client',
        description:
          'The client in the path survives. Each field keeps its value unless `takeFromDuplicate` names it (`address` is taken whole). ' +
          'Residence history, consents and every other record of the duplicate move here; the current residence becomes the newest ' +
          'record of the combined history. The duplicate is archived and points here (`mergedInto`), so its number and links still ' +
          'resolve. Answers 404 when either record does not exist, 409 CONFLICT when either was already merged or this client is ' +
          'archived (restore it first), 400 when `duplicateId` is this client.',
        params: idParams,
        body: mergeClientsInput,
        response: { 200: clientResponse, 409: errorResponse },
      },
    },
    (request) => mergeClients(contextOf(request), request.params.id, request.body),
  );
};
