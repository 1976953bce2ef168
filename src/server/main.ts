import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { recognizeStartFailure } from '../db/database-start-error.js';
import { type Database, openDatabase } from '../db/open-database.js';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { type Config, loadConfig } from './config.js';

/**
 * A start that cannot go on ends with one line on stderr naming what is wrong and where, and exit
 * code 1, not a stack trace (decision 018); LOG_LEVEL=debug adds the trace.
 */
function stopStart(error: unknown, config: Config | undefined): never {
  const place = config?.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config?.dataDir ?? 'data' };
  // openDatabase already explains its failures; a database or disk error later in the start (the
  // start-up jobs read and write) is explained the same way, anything else keeps its own message.
  const reason = recognizeStartFailure(error, place)?.message ?? (error instanceof Error ? error.message : String(error)).split('\n')[0];
  process.stderr.write(`Integra cannot start: ${reason}\n`);
  if (config?.logLevel === 'debug' || config?.logLevel === 'trace') process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
}

let config: Config | undefined;
let database: Database | undefined;
let app: FastifyInstance | undefined;
try {
  config = loadConfig();
  database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir, purpose: 'server' });
  const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const deps = await bootstrap(database, config, version);
  app = await buildApp(deps);
} catch (error) {
  await database?.close().catch(() => undefined);
  stopStart(error, config);
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app?.log.info({ signal }, 'stopping');
  await app?.close();
  await database?.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  await app.close().catch(() => undefined);
  await database.close().catch(() => undefined);
  const code = (error as NodeJS.ErrnoException).code;
  process.stderr.write(
    `Integra cannot start: ${code === 'EADDRINUSE' ? `port ${config.port} on ${config.host} is already in use (EADDRINUSE); set PORT to a free one.` : (error as Error).message}\n`,
  );
  process.exit(1);
}
app.log.info({ database: database.kind, url: config.publicUrl }, 'Integra is running');
