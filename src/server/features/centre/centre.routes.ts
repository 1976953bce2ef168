import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  branchInput,
  branchResponse,
  idParams,
  okResponse,
  settingsResponse,
  setupInput,
  setupStatusResponse,
  updateBranchInput,
  updateSettingsInput,
} from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { completeSetup, createBranch, findBranches, getSettings, isSetupRequired, updateBranch, updateSettings } from './centre.service.js';

export const centreRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: { tags: ['setup'], summary: 'Whether the first-run setup is still needed', response: { 200: setupStatusResponse } },
    },
    async () => ({ setupRequired: await isSetupRequired(db) }),
  );
  app.post(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['setup'],
        summary: 'First run: create the centre and its first administrator',
        body: setupInput,
        response: { 201: okResponse },
      },
    },
    async (request, reply) => {
      await completeSetup(db, { requestId: request.id, ip: request.ip }, request.body);
      return reply.status(201).send({ ok: true });
    },
  );

  app.get(
    '/api/settings',
    {
      config: { access: 'settings.manage' },
      schema: { tags: ['settings'], summary: 'Centre settings', response: { 200: settingsResponse } },
    },
    () => getSettings(db),
  );
  app.put(
    '/api/settings',
    {
      config: { access: 'settings.manage' },
      schema: { tags: ['settings'], summary: 'Change centre settings', body: updateSettingsInput, response: { 200: settingsResponse } },
    },
    (request) => updateSettings(contextOf(request), request.body),
  );

  app.get(
    '/api/branches',
    {
      config: { access: 'branches.read' },
      schema: { tags: ['branches'], summary: 'Branches of the centre', response: { 200: z.array(branchResponse) } },
    },
    (request) => findBranches(contextOf(request)),
  );
  app.post(
    '/api/branches',
    {
      config: { access: 'branches.manage' },
      schema: { tags: ['branches'], summary: 'Add a branch', body: branchInput, response: { 201: branchResponse } },
    },
    async (request, reply) => reply.status(201).send(await createBranch(contextOf(request), request.body)),
  );
  app.patch(
    '/api/branches/:id',
    {
      config: { access: 'branches.manage' },
      schema: {
        tags: ['branches'],
        summary: 'Change or archive a branch',
        params: idParams,
        body: updateBranchInput,
        response: { 200: branchResponse },
      },
    },
    (request) => updateBranch(contextOf(request), request.params.id, request.body),
  );
};
