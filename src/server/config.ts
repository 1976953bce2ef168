import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL connection string; when unset, the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Where PGlite keeps its files (and, later, uploaded documents). */
  INTEGRA_DATA_DIR: z.string().default('./data'),
  /** The address users reach Integra at; sets the cookie's Secure flag and the allowed Origin. */
  INTEGRA_PUBLIC_URL: z.string().url().optional(),
  /** Secret that signs session cookies; when unset, one is generated and kept in the database. */
  INTEGRA_AUTH_SECRET: z.string().min(32).optional(),
  INTEGRA_ADMIN_EMAIL: z.email().optional(),
  INTEGRA_ADMIN_PASSWORD: z.string().min(12).optional(),
  INTEGRA_ADMIN_NAME: z.string().default('Administrator'),
  INTEGRA_CENTRE_NAME: z.string().default('Integration centre'),
  INTEGRA_REGION: z.string().default('CZ-42'),
  /** A session ends after this many minutes without a request. */
  INTEGRA_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  /** A session ends this many hours after sign-in, however active. */
  INTEGRA_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  /** Failed sign-in attempts (and other failed password or code checks) allowed per client address per minute. */
  INTEGRA_SIGN_IN_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Failed sign-in attempts allowed per account (e-mail address) in 15 minutes. */
  INTEGRA_SIGN_IN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Trust X-Forwarded-For from a reverse proxy in front of Integra. */
  INTEGRA_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where uploaded documents are kept; by default `documents` in the data directory. */
  INTEGRA_DOCUMENT_DIR: z.string().optional(),
  /** The largest document accepted, in MiB. */
  INTEGRA_DOCUMENT_MAX_MB: z.coerce.number().int().min(1).max(500).default(20),
  /** An SMTP server for e-mails to clients (smtp://user:pass@host:587); without it, messages are only recorded. */
  INTEGRA_SMTP_URL: z.string().url().optional(),
  INTEGRA_MAIL_FROM: z.string().default('Integra <no-reply@localhost>'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  authSecret: string | undefined;
  initialAdmin: { email: string; password: string; name: string } | undefined;
  initialCentre: { name: string; regionCode: string };
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Failed password or code checks per client address per minute. */
  signInLimitPerMinute: number;
  /** Failed sign-ins per account in 15 minutes. */
  signInAccountLimit: number;
  trustProxy: boolean;
  logLevel: string;
  documentDir: string;
  documentMaxBytes: number;
  /** The e-mail sender: SMTP when configured, otherwise one that only records the message as sent. */
  mail: { smtpUrl: string | undefined; from: string };
};

/** Reads the environment once, at boot; fails fast with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.INTEGRA_DATA_DIR),
    publicUrl: e.INTEGRA_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    authSecret: e.INTEGRA_AUTH_SECRET,
    initialAdmin:
      e.INTEGRA_ADMIN_EMAIL && e.INTEGRA_ADMIN_PASSWORD
        ? { email: e.INTEGRA_ADMIN_EMAIL.toLowerCase(), password: e.INTEGRA_ADMIN_PASSWORD, name: e.INTEGRA_ADMIN_NAME }
        : undefined,
    initialCentre: { name: e.INTEGRA_CENTRE_NAME, regionCode: e.INTEGRA_REGION },
    sessionIdleMinutes: e.INTEGRA_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.INTEGRA_SESSION_MAX_HOURS,
    signInLimitPerMinute: e.INTEGRA_SIGN_IN_LIMIT,
    signInAccountLimit: e.INTEGRA_SIGN_IN_ACCOUNT_LIMIT,
    trustProxy: e.INTEGRA_TRUST_PROXY === 'true',
    logLevel: e.LOG_LEVEL,
    documentDir: path.resolve(e.INTEGRA_DOCUMENT_DIR ?? path.join(e.INTEGRA_DATA_DIR, 'documents')),
    documentMaxBytes: e.INTEGRA_DOCUMENT_MAX_MB * 1024 * 1024,
    mail: { smtpUrl: e.INTEGRA_SMTP_URL, from: e.INTEGRA_MAIL_FROM },
  };
}
