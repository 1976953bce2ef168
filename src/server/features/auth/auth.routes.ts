import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponse } from '../../../shared/index.js';
import { recordAudit } from '../audit/audit.service.js';
import { ensureTwoFactorOptional } from '../centre/centre.service.js';
import {
  type AttemptRule,
  beginAttempt,
  endAttempt,
  passwordCheckRules,
  secondFactorRules,
  signInRules,
} from './attempt-limits.service.js';
import { forwardToAuth } from './auth.proxy.js';

const signInInput = z.strictObject({
  email: z.email().max(200),
  password: z.string().min(1).max(128),
  rememberMe: z.boolean().optional(),
});
const passwordInput = z.strictObject({ password: z.string().min(1).max(128) });
const totpInput = z.strictObject({ code: z.string().regex(/^\d{6}$/), trustDevice: z.boolean().optional() });
const backupCodeInput = z.strictObject({ code: z.string().min(1).max(64), trustDevice: z.boolean().optional() });

const signInResponse = z.object({
  /** true when the account uses two-factor sign-in: send the code to /api/auth/two-factor/verify-totp. */
  twoFactorRedirect: z.boolean().optional(),
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }).optional(),
});

/**
 * The part of better-auth that Integra offers, each route with its own schema so it is validated and
 * documented like the rest of the API. Anything else under /api/auth answers 404.
 */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { auth, db, config } = app.deps;
  /**
   * Hands the request to better-auth, counted against the rules: a full window answers 429 before
   * any check (and unrecorded: anyone who can reach the sign-in could otherwise grow the audit trail
   * without bound); only a refusal stays counted.
   */
  const relay = async (request: FastifyRequest, reply: FastifyReply, payload: unknown, rules: AttemptRule[]) => {
    const attempt = await beginAttempt(db, rules);
    const forwarded = await forwardToAuth(auth, request, reply, payload);
    await endAttempt(db, attempt, forwarded.status === 200);
    reply.status(forwarded.status);
    return { forwarded, body: forwarded.json as Record<string, unknown> };
  };
  const passwordCheckFailed = (request: FastifyRequest, purpose: string) =>
    recordAudit(db, origin(request, request.actor?.id ?? null), {
      action: 'auth.password_check_failed',
      entityType: 'user',
      entityId: request.actor?.id,
      details: { purpose },
    });
  const origin = (request: FastifyRequest, actorId: string | null) => ({ actorId, requestId: request.id, ip: request.ip });
  const userIdOf = (body: Record<string, unknown>) => (body.user as { id?: string } | undefined)?.id ?? null;

  app.post(
    '/api/auth/sign-in/email',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password',
        description:
          'Failed attempts are limited per client address (INTEGRA_SIGN_IN_LIMIT a minute) and per account (INTEGRA_SIGN_IN_ACCOUNT_LIMIT in 15 minutes, alike for unknown e-mails); successful ones never count. Over a limit: 429 RATE_LIMITED with Retry-After.',
        body: signInInput,
        response: { 200: signInResponse },
      },
    },
    async (request, reply) => {
      const email = request.body.email.toLowerCase();
      const { forwarded, body } = await relay(request, reply, request.body, signInRules(config, request.ip, email));
      if (forwarded.status !== 200) {
        await recordAudit(db, origin(request, null), { action: 'auth.sign_in_failed', details: { email, status: forwarded.status } });
      } else if (!body.twoFactorRedirect) {
        await recordAudit(db, origin(request, userIdOf(body)), {
          action: 'auth.sign_in',
          entityType: 'user',
          entityId: userIdOf(body) ?? undefined,
        });
      }
      return body;
    },
  );

  app.post(
    '/api/auth/sign-out',
    { config: { access: 'signedIn' }, schema: { tags: ['auth'], summary: 'Sign out (ends the session)', response: { 200: okResponse } } },
    async (request, reply) => {
      await relay(request, reply, {}, []);
      await recordAudit(db, origin(request, request.actor?.id ?? null), { action: 'auth.sign_out' });
      return reply.status(200).send({ ok: true });
    },
  );

  app.post(
    '/api/auth/two-factor/verify-totp',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Finish a two-factor sign-in, or confirm TOTP set-up, with a 6-digit code',
        body: totpInput,
        response: { 200: signInResponse },
      },
    },
    async (request, reply) => {
      const signedIn = request.headers.cookie ? await app.deps.sessions.resolveActor(request) : null;
      for (const cookie of signedIn?.setCookies ?? []) reply.header('set-cookie', cookie);
      const { forwarded, body } = await relay(request, reply, request.body, secondFactorRules(config, request.ip));
      const userId = userIdOf(body) ?? signedIn?.actor.id ?? null;
      // The account's two-factor lockout: not recorded (see relay).
      if (forwarded.status === 429) return body;
      if (forwarded.status !== 200) {
        await recordAudit(db, origin(request, userId), {
          action: 'auth.sign_in_failed',
          details: { secondFactor: 'totp', status: forwarded.status },
        });
      } else if (signedIn && !signedIn.twoFactorEnabled) {
        await recordAudit(db, origin(request, userId), {
          action: 'auth.two_factor_enabled',
          entityType: 'user',
          entityId: userId ?? undefined,
        });
      } else if (!signedIn) {
        await recordAudit(db, origin(request, userId), {
          action: 'auth.sign_in',
          entityType: 'user',
          entityId: userId ?? undefined,
          details: { secondFactor: 'totp' },
        });
      }
      return body;
    },
  );

  app.post(
    '/api/auth/two-factor/verify-backup-code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Finish a two-factor sign-in with a backup code',
        body: backupCodeInput,
        response: { 200: signInResponse },
      },
    },
    async (request, reply) => {
      const { forwarded, body } = await relay(request, reply, request.body, secondFactorRules(config, request.ip));
      const userId = userIdOf(body);
      // The account's two-factor lockout: not recorded (see relay).
      if (forwarded.status === 429) return body;
      await recordAudit(db, origin(request, userId), {
        action: forwarded.status === 200 ? 'auth.sign_in' : 'auth.sign_in_failed',
        details: { secondFactor: 'backup_code' },
      });
      return body;
    },
  );

  app.post(
    '/api/auth/two-factor/enable',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP set-up: returns the otpauth URI and backup codes; confirm with verify-totp',
        body: passwordInput,
        response: { 200: z.object({ totpURI: z.string(), backupCodes: z.array(z.string()) }) },
      },
    },
    async (request, reply) => {
      const { forwarded, body } = await relay(
        request,
        reply,
        request.body,
        passwordCheckRules(config, request.ip, request.actor?.id ?? ''),
      );
      if (forwarded.status === 400) await passwordCheckFailed(request, 'two_factor_enable');
      return reply.send(body as never);
    },
  );

  app.post(
    '/api/auth/two-factor/disable',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['auth'],
        summary: 'Turn two-factor sign-in off',
        body: passwordInput,
        response: { 200: z.object({ status: z.boolean() }) },
      },
    },
    async (request, reply) => {
      await ensureTwoFactorOptional(db, request.actor?.roles ?? []);
      const { forwarded, body } = await relay(
        request,
        reply,
        request.body,
        passwordCheckRules(config, request.ip, request.actor?.id ?? ''),
      );
      if (forwarded.status === 400) await passwordCheckFailed(request, 'two_factor_disable');
      if (forwarded.status === 200) {
        await recordAudit(db, origin(request, request.actor?.id ?? null), {
          action: 'auth.two_factor_disabled',
          entityType: 'user',
          entityId: request.actor?.id,
        });
      }
      return reply.send(body as never);
    },
  );
};
