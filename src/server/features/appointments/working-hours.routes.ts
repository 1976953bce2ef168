import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workingHours } from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { getWorkingHours, updateWorkingHours } from './working-hours.service.js';

export const workingHoursRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/settings/working-hours',
    {
      // Not personal data, and needed by whoever changes them (admins do not book appointments).
      config: { access: 'signedIn' },
      schema: {
        tags: ['appointments'],
        summary: 'The working hours appointments are booked in',
        description:
          'Per weekday, stretches of local time in Europe/Prague; a day without any is closed. Until set: Monday to Friday 08:00–16:30.',
        response: { 200: workingHours },
      },
    },
    (request) => getWorkingHours(contextOf(request).db),
  );
  app.put(
    '/api/settings/working-hours',
    {
      config: { access: 'counselling.configure' },
      schema: {
        tags: ['appointments'],
        summary: 'Change the working hours',
        description: 'Every weekday must be given; an empty list closes the day. Existing appointments stay as booked.',
        body: workingHours,
        response: { 200: workingHours },
      },
    },
    (request) => updateWorkingHours(contextOf(request), request.body),
  );
};
