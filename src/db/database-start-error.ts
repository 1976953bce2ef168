/**
 * Why the database could not be opened, in one line that names the folder (or the PostgreSQL server)
 * and the cause, for the person starting Integra: `main.ts` prints it instead of a stack trace.
 */
export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError';
}

/** Where the database was being opened: the embedded one's folder or a PostgreSQL server. */
export type DatabasePlace = { dataDir: string } | { databaseUrl: string };

/** Emscripten's file system inside PGlite reports WASI errno numbers instead of Node's codes. */
const wasiErrnoCodes: Record<number, string> = {
  2: 'EACCES',
  19: 'EDQUOT',
  29: 'EIO',
  51: 'ENOSPC',
  54: 'ENOTDIR',
  63: 'EPERM',
  69: 'EROFS',
};

const connectionCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

/** The error code of a Node or PGlite file-system error, if it is one. */
function fileErrorCode(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { code, errno, name } = error as { code?: unknown; errno?: unknown; name?: unknown };
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  if (name === 'ErrnoError' && typeof errno === 'number') return wasiErrnoCodes[errno] ?? `errno ${errno}`;
  return undefined;
}

/** A file-system failure while preparing the data folder, as one line. */
export function describeFileError(error: unknown, dataDir: string): DatabaseStartError {
  if (error instanceof DatabaseStartError) return error;
  const code = fileErrorCode(error);
  const line = code ? fileProblem(code, dataDir) : undefined;
  return new DatabaseStartError(line ?? `the data folder ${dataDir} could not be prepared: ${firstLine(error)}`, { cause: error });
}

function fileProblem(code: string, dataDir: string): string | undefined {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `the data folder ${dataDir} is read-only for this process (${code}): give the user running Integra write access to it, or set INTEGRA_DATA_DIR to a writable folder.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk holding the data folder ${dataDir} is full (${code}): free some space, then start again.`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `the data folder ${dataDir} is not a folder Integra can use (${code}): a file stands where a folder should be.`;
    case 'EIO':
      return `the disk holding the data folder ${dataDir} reports an input/output error (EIO): check the disk.`;
    default:
      return undefined;
  }
}

/**
 * Turns whatever opening and migrating the database threw into one readable line. Unknown causes keep
 * their own message (its first line), still naming the place.
 */
export function describeStartFailure(error: unknown, place: DatabasePlace): DatabaseStartError {
  const where = 'dataDir' in place ? `the embedded database in ${place.dataDir}` : `PostgreSQL at ${describeUrl(place.databaseUrl)}`;
  let innermost = error;
  while (innermost instanceof Error && innermost.cause) innermost = innermost.cause;
  return (
    recognizeStartFailure(error, place) ?? new DatabaseStartError(`${where} could not be opened: ${firstLine(innermost)}`, { cause: error })
  );
}

/** The one-line reason when the error is one of the database or file-system failures known here, else undefined. */
export function recognizeStartFailure(error: unknown, place: DatabasePlace): DatabaseStartError | undefined {
  // Drizzle wraps a failed query's error ("Failed query: …"): the cause says what happened.
  for (let cause = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    const known = recognizeOne(cause, place);
    if (known) return known;
  }
  return undefined;
}

function recognizeOne(error: unknown, place: DatabasePlace): DatabaseStartError | undefined {
  if (error instanceof DatabaseStartError) return error;
  const where = 'dataDir' in place ? `the embedded database in ${place.dataDir}` : `PostgreSQL at ${describeUrl(place.databaseUrl)}`;
  const code = fileErrorCode(error);
  const sqlState = sqlStateOf(error);
  let line: string | undefined;
  if ('dataDir' in place && code && !connectionCodes.has(code)) line = fileProblem(code, place.dataDir);
  else if (code && connectionCodes.has(code)) line = `cannot reach ${where} (${code}): is the server running, and is DATABASE_URL right?`;
  if (!line && sqlState) line = sqlStateProblem(sqlState, where, error);
  if (!line && error instanceof Error && error.message === 'PGlite failed to initialize properly') {
    line = `${where} could not be opened: its files are damaged, were written by another version, or cannot be read by this user (PGlite failed to initialize). Restore the folder from a backup.`;
  }
  if (!line && error instanceof Error && /^No file .* found in .* folder$/.test(error.message)) {
    line = `this installation of Integra is incomplete: ${error.message.replace(/^No file /, 'the migration ').replace(/ found in .*$/, ' is missing')}. Reinstall it.`;
  }
  return line ? new DatabaseStartError(line, { cause: error }) : undefined;
}

function sqlStateOf(error: unknown): string | undefined {
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

function sqlStateProblem(state: string, where: string, error: unknown): string | undefined {
  if (state === '53100') return `${where} cannot write: the disk is full (${state}). Free some space, then start again.`;
  if (state === '25006') return `${where} accepts no writes (read-only, ${state}); Integra needs to write to start.`;
  if (state === '28P01' || state === '28000')
    return `${where} refused the sign-in (${state}): check the user and password in DATABASE_URL.`;
  if (state === '3D000') return `${where}: the database does not exist (${state}); create it first.`;
  if (state === '57P03') return `${where} is starting up or shutting down (${state}): try again in a moment.`;
  if (state.startsWith('XX') || state === '58030') {
    return `${where} is damaged (${state}: ${firstLine(error)}). Restore it from a backup.`;
  }
  return undefined;
}

/** The server, port and database of a connection string, without its user or password. */
export function describeUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 300) || 'unknown error';
}
