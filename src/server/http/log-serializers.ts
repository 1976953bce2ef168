/** An error as it is written to the log: what it is and where it came from, never the data it carried. */
export type LoggedError = {
  type: string;
  message: string;
  stack: string;
  code?: string;
  constraint?: string;
  routine?: string;
  cause?: LoggedError;
};

/**
 * Fields of a database error that name the failure without the values involved. `detail`, `where`
 * and the query's parameters are left out: they carry client names and other personal data.
 */
const databaseFields = ['code', 'constraint', 'routine'] as const;

/**
 * drizzle's DrizzleQueryError puts the query text and its parameters into its message and `params`;
 * PostgreSQL's errors (from node-postgres and PGlite) carry a `severity` and may quote values in
 * their message ('invalid input syntax for type uuid: "…"').
 */
function isDatabaseError(error: Error): boolean {
  return (
    error.constructor.name === 'DrizzleQueryError' || 'params' in error || 'query' in error || 'severity' in error || 'routine' in error
  );
}

/** The log's `err` serializer: the error's type, code and stack frames; the message only of errors that are not the database's. */
export function serializeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: 'not an Error', stack: '' };
  // The first lines of a stack repeat the message; the frames alone say where the error arose.
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const logged: LoggedError = {
    type: error.constructor.name || error.name,
    message: isDatabaseError(error) ? 'database error (message withheld: it may quote values)' : error.message,
    stack: frames.join('\n'),
  };
  const fields = error as unknown as Record<string, unknown>;
  for (const field of databaseFields) {
    const value = fields[field];
    if (typeof value === 'string' || typeof value === 'number') logged[field] = String(value);
  }
  if (error.cause !== undefined && depth < 3) logged.cause = serializeError(error.cause, depth + 1);
  return logged;
}
