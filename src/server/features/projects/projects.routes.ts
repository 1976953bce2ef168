import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createProjectInput, idParams, projectResponse, updateProjectInput } from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { createProject, findProjects, getProject, updateProject } from './projects.service.js';

export const projectsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/projects',
    {
      config: { access: 'projects.read' },
      schema: { tags: ['projects'], summary: 'All projects', response: { 200: z.array(projectResponse) } },
    },
    (request) => findProjects(contextOf(request)),
  );
  app.post(
    '/api/projects',
    {
      config: { access: 'projects.manage' },
      schema: {
        tags: ['projects'],
        summary: 'Create a project with its target-group rule',
        body: createProjectInput,
        response: { 201: projectResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await createProject(contextOf(request), request.body)),
  );
  app.get(
    '/api/projects/:id',
    {
      config: { access: 'projects.read' },
      schema: { tags: ['projects'], summary: 'One project', params: idParams, response: { 200: projectResponse } },
    },
    (request) => getProject(contextOf(request), request.params.id),
  );
  app.patch(
    '/api/projects/:id',
    {
      config: { access: 'projects.manage' },
      schema: {
        tags: ['projects'],
        summary: 'Change a project; eligibility is recomputed',
        params: idParams,
        body: updateProjectInput,
        response: { 200: projectResponse },
      },
    },
    (request) => updateProject(contextOf(request), request.params.id, request.body),
  );
};
