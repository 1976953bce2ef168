import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changePasswordInput,
  createUserInput,
  meResponse,
  okResponse,
  listUsersQuery,
  page,
  setUserPasswordInput,
  updateMeInput,
  updateUserInput,
  userResponse,
} from '../../../shared/index.js';
import { z } from 'zod';
import { contextOf } from '../../http/context.js';
import { getCentre } from '../centre/centre.service.js';
import {
  changeMyPassword,
  createUser,
  findUsers,
  getMe,
  getUser,
  resetUserPassword,
  resetUserTwoFactor,
  updateMyLocale,
  updateUser,
} from './users.service.js';

const userIdParams = z.strictObject({ id: z.string().min(1).max(100) });

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/users',
    {
      config: { access: 'users.manage' },
      schema: { tags: ['users'], summary: 'List staff accounts', querystring: listUsersQuery, response: { 200: page(userResponse) } },
    },
    (request) => findUsers(contextOf(request), request.query),
  );
  app.post(
    '/api/users',
    {
      config: { access: 'users.manage' },
      schema: { tags: ['users'], summary: 'Create a staff account', body: createUserInput, response: { 201: userResponse } },
    },
    async (request, reply) => reply.status(201).send(await createUser(contextOf(request), request.body)),
  );
  app.get(
    '/api/users/:id',
    {
      config: { access: 'users.manage' },
      schema: { tags: ['users'], summary: 'One staff account', params: userIdParams, response: { 200: userResponse } },
    },
    (request) => getUser(contextOf(request), request.params.id),
  );
  app.patch(
    '/api/users/:id',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Change name, roles, branch; `active: false` deactivates and ends the sessions',
        params: userIdParams,
        body: updateUserInput,
        response: { 200: userResponse },
      },
    },
    (request) => updateUser(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/users/:id/password',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: "Set a new password for a staff member, to hand over in person; all the user's sessions end",
        params: userIdParams,
        body: setUserPasswordInput,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await resetUserPassword(contextOf(request), request.params.id, request.body.newPassword);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/users/:id/two-factor/reset',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: "Remove a staff member's authenticator (two-factor sign-in); all the user's sessions end",
        params: userIdParams,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await resetUserTwoFactor(contextOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['account'], summary: 'The signed-in user and what they may do', response: { 200: meResponse } },
    },
    async (request) =>
      getMe(contextOf(request), request.twoFactor ?? { required: false, setupRequired: false }, await getCentre(app.deps.db)),
  );
  app.patch(
    '/api/me',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['account'], summary: 'Change my language', body: updateMeInput, response: { 200: okResponse } },
    },
    async (request) => {
      await updateMyLocale(contextOf(request), request.body.locale);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/me/password',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['account'],
        summary: 'Change my password; my other sessions and my calendar feed end',
        description:
          'Wrong current passwords are limited per user (5 in 15 minutes) and per client address: 429 RATE_LIMITED with Retry-After.',
        body: changePasswordInput,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await changeMyPassword(contextOf(request), request.body, request.sessionToken, app.deps.config);
      return { ok: true as const };
    },
  );
};
