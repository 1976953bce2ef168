import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  consultationDefaults,
  consultationDefaultsQuery,
  consultationListItem,
  consultationResponse,
  createAnonymousConsultationInput,
  createConsultationInput,
  errorResponse,
  idParams,
  ifMatchHeaders,
  listClientConsultationsQuery,
  listConsultationsQuery,
  page,
  updateConsultationInput,
} from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { expectedVersion, withVersion } from '../../http/versions.js';
import {
  createAnonymousConsultation,
  createConsultation,
  findClientConsultations,
  findConsultations,
  getConsultation,
  getConsultationDefaults,
  updateConsultation,
} from './consultations.service.js';

const confidentiality =
  'The content of a legal consultation (form, topics, interpreter, notes, outcome, follow-up) is returned only to legal ' +
  'counsellors and to its author; everyone else gets its date, time, kind, duration, staff and ids with `contentHidden: true`.';

export const consultationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/clients/:id/consultations',
    {
      config: { access: 'counselling.read' },
      schema: {
        tags: ['counselling'],
        summary: "A client's consultations, newest first (the read is audited)",
        description: confidentiality,
        params: idParams,
        querystring: listClientConsultationsQuery,
        response: { 200: page(consultationListItem) },
      },
    },
    (request) => findClientConsultations(contextOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/clients/:id/consultations',
    {
      config: { access: 'counselling.write' },
      schema: {
        tags: ['counselling'],
        summary: 'Record a consultation with a client',
        description: [
          'Written to the service ledger and audited. Staff is the caller; the branch defaults to the caller’s; the',
          'project, when left out, is the newest active project running that day whose target group admits the client',
          '(none: null). With `appointmentId` (the client’s appointment, neither cancelled nor missed nor recorded) the',
          'appointment becomes `attended` and points to the consultation. Topics are codes of the configured list.',
          'A merged or archived client answers 409.',
        ].join(' '),
        params: idParams,
        body: createConsultationInput,
        response: { 201: consultationResponse, 409: errorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(withVersion(reply, await createConsultation(contextOf(request), request.params.id, request.body))),
  );
  app.post(
    '/api/consultations/anonymous',
    {
      config: { access: 'counselling.write' },
      schema: {
        tags: ['counselling'],
        summary: 'Record a consultation with someone who stays anonymous',
        description:
          'No client record: the ledger keeps only sex, age band, citizenship and residence category, and reports count the service as anonymous.',
        body: createAnonymousConsultationInput,
        response: { 201: consultationResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(withVersion(reply, await createAnonymousConsultation(contextOf(request), request.body))),
  );
  app.get(
    '/api/consultations/defaults',
    {
      config: { access: 'counselling.write' },
      schema: {
        tags: ['counselling'],
        summary: 'What a new consultation starts with: the appointment’s time and interpreter, the default project and branch',
        querystring: consultationDefaultsQuery,
        response: { 200: consultationDefaults },
      },
    },
    (request) => getConsultationDefaults(contextOf(request), request.query),
  );
  app.get(
    '/api/consultations',
    {
      config: { access: 'counselling.read' },
      schema: {
        tags: ['counselling'],
        summary: 'All consultations, anonymous ones included, newest first',
        description: `${confidentiality} Each client named on the page gets one audit entry.`,
        querystring: listConsultationsQuery,
        response: { 200: page(consultationListItem) },
      },
    },
    (request) => findConsultations(contextOf(request), request.query),
  );
  app.get(
    '/api/consultations/:id',
    {
      config: { access: 'counselling.read' },
      schema: {
        tags: ['counselling'],
        summary: 'One consultation (the read is audited)',
        description: confidentiality,
        params: idParams,
        response: { 200: consultationResponse },
      },
    },
    async (request, reply) => withVersion(reply, await getConsultation(contextOf(request), request.params.id)),
  );
  app.patch(
    '/api/consultations/:id',
    {
      config: { access: 'counselling.write' },
      schema: {
        tags: ['counselling'],
        summary: 'Change a consultation',
        description:
          'Its author or a coordinator may change it; the content and kind of a legal consultation only someone who may read it (403 otherwise). The audit names the changed fields only. With `If-Match` naming an older version, nothing changes: 412 STALE_VERSION with what changed since. A change to the stored values is audited as a read.',
        params: idParams,
        headers: ifMatchHeaders,
        body: updateConsultationInput,
        response: { 200: consultationResponse, 412: errorResponse },
      },
    },
    async (request, reply) =>
      withVersion(reply, await updateConsultation(contextOf(request), request.params.id, request.body, expectedVersion(request))),
  );
};
