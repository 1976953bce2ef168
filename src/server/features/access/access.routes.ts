import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  branchScopeInput,
  branchScopeSetting,
  breakGlassInput,
  breakGlassResponse,
  errorResponse,
  idParams,
  page,
  sensitiveChange,
  sensitiveChangesQuery,
} from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { breakGlass, getBranchScope, updateBranchScope } from './branch-scope.service.js';
import { findSensitiveChanges } from './sensitive-changes.service.js';

export const accessRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/settings/branch-scope',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags: ['settings'],
        summary: 'Which roles are kept to the clients of their own branch',
        response: { 200: branchScopeSetting },
      },
    },
    (request) => getBranchScope(contextOf(request).db),
  );
  app.put(
    '/api/settings/branch-scope',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags: ['settings'],
        summary: 'Keep roles to their own branch, or give them the whole centre (audited)',
        description:
          'A member of a role kept to its own branch reads only clients of their branch and clients without one; opening another branch’s client answers 403 BRANCH_SCOPE until they break the glass.',
        body: branchScopeInput,
        response: { 200: branchScopeSetting },
      },
    },
    (request) => updateBranchScope(contextOf(request), request.body),
  );
  app.post(
    '/api/clients/:id/break-glass',
    {
      config: { access: 'clients.read' },
      schema: {
        tags: ['clients'],
        summary: 'Open a client of another branch for a stated reason, until the end of the day (audited)',
        description:
          'Only for someone whose role is kept to their own branch and a client of another branch (409 otherwise). The reason is kept and shown to the data protection officer.',
        params: idParams,
        body: breakGlassInput,
        response: { 201: breakGlassResponse, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await breakGlass(contextOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/privacy/sensitive-changes',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Sensitive changes for the data protection officer, newest first (the read is audited)',
        description:
          'Role grants that add a permission reading people’s matters (self-grants flagged), openings of another branch’s client with their reason, and changes of the branch scope.',
        querystring: sensitiveChangesQuery,
        response: { 200: page(sensitiveChange) },
      },
    },
    (request) => findSensitiveChanges(contextOf(request), request.query),
  );
};
