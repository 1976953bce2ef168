import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarFeedCreatedResponse, calendarFeedParams, calendarFeedStatusResponse, errorResponse } from '../../../shared/index.js';
import { contextOf } from '../../http/context.js';
import { createCalendarFeed, getCalendarFeedStatus, renderCalendarFeed, revokeCalendarFeed } from './calendar-feed.service.js';

const feedPath = '/api/calendar-feeds/';

/**
 * The request path as the log writes it: a feed's token is a password, so it is replaced. Every
 * other path is left as it is.
 */
export function redactFeedToken(path: string): string {
  return path.startsWith(feedPath) ? `${feedPath}[token]` : path;
}

export const calendarFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  const { publicUrl } = app.deps.config;

  app.get(
    '/api/me/calendar-feed',
    {
      config: { access: 'appointments.read' },
      schema: {
        tags: ['appointments'],
        summary: 'Whether my calendar feed is active (its address is shown only when made)',
        response: { 200: calendarFeedStatusResponse },
      },
    },
    (request) => getCalendarFeedStatus(contextOf(request)),
  );
  app.post(
    '/api/me/calendar-feed',
    {
      config: { access: 'appointments.read' },
      schema: {
        tags: ['appointments'],
        summary: 'Make a new secret address of my appointments as iCalendar, ending the previous one',
        description: 'The address is returned this once; only a hash of its token is kept.',
        response: { 201: calendarFeedCreatedResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await createCalendarFeed(contextOf(request), publicUrl)),
  );
  app.delete(
    '/api/me/calendar-feed',
    {
      config: { access: 'appointments.read' },
      schema: { tags: ['appointments'], summary: 'End my calendar feed', response: { 200: calendarFeedStatusResponse } },
    },
    (request) => revokeCalendarFeed(contextOf(request)),
  );
  app.get(
    '/api/calendar-feeds/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['appointments'],
        summary: "A counsellor's appointments as iCalendar (text/calendar), for calendar apps",
        description:
          'From 30 days back to 180 days ahead, not cancelled. Events show the time, the branch, the status and whether an interpreter is booked — never the client. 404 for an unknown or revoked token.',
        params: calendarFeedParams,
        response: {
          200: { description: 'The calendar', content: { 'text/calendar': { schema: z.string() } } },
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const calendar = await renderCalendarFeed(app.deps.db, request.params.token, new Date(), publicUrl);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline; filename="integra.ics"')
        .send(calendar);
    },
  );
};
