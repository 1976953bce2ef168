import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createReferralInput,
  errorResponse,
  idParams,
  listReferralsQuery,
  page,
  referralResponse,
  updateReferralInput,
} from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { createReferral, findClientReferrals, updateReferral } from './referrals.service.js';

export const referralsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/clients/:id/referrals',
    {
      config: { access: 'counselling.write' },
      schema: {
        tags: ['referrals'],
        summary: 'Refer a client to a partner',
        description: [
          "Needs the client's consent `sharing_with_partners` given on or before `referredOn` and not withdrawn since:",
          'without it the answer is 409 CONSENT_REQUIRED and nothing is saved. The partner must not be archived;',
          '`referredOn` is today or earlier. A new referral is `sent`.',
        ].join(' '),
        params: idParams,
        body: createReferralInput,
        response: { 201: referralResponse, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await createReferral(contextOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/clients/:id/referrals',
    {
      config: { access: 'counselling.read' },
      schema: {
        tags: ['referrals'],
        summary: "A client's referrals, latest first (the read is audited)",
        params: idParams,
        querystring: listReferralsQuery,
        response: { 200: page(referralResponse), 404: errorResponse, 409: errorResponse },
      },
    },
    (request) => findClientReferrals(contextOf(request), request.params.id, request.query),
  );
  app.patch(
    '/api/referrals/:id',
    {
      config: { access: 'counselling.write' },
      schema: {
        tags: ['referrals'],
        summary: "Change a referral's status or outcome",
        description:
          'A `sent` referral may become accepted, completed, declined or cancelled; an `accepted` one completed or cancelled; the others are final (409 CONFLICT with `details.allowed`).',
        params: idParams,
        body: updateReferralInput,
        response: { 200: referralResponse, 404: errorResponse, 409: errorResponse },
      },
    },
    (request) => updateReferral(contextOf(request), request.params.id, request.body),
  );
};
