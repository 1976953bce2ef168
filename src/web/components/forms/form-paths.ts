/** The form field a schema or API path points at: `body.citizenships.0` → `citizenships`. */
export function toFormPath(path: readonly PropertyKey[] | string): string {
  const segments = typeof path === 'string' ? path.split('.') : path.map(String);
  const trimmed = ['body', 'querystring', 'params'].includes(segments[0] ?? '') ? segments.slice(1) : segments;
  return trimmed.filter((segment) => !/^\d+$/.test(segment)).join('.');
}

/** Reads `a.b.c` out of a nested object. */
export function readPath(values: unknown, path: string): unknown {
  let current: unknown = values;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
