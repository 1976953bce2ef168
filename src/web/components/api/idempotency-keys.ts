/** How long the same request, sent again, counts as the same submission (a double click, a retry). */
export const sameSubmissionMs = 60_000;

const recent = new Map<string, { key: string; until: number }>();

/**
 * The `Idempotency-Key` of a POST (decision 017): a UUID made the first time a request is sent and
 * reused when the very same request (address and body) is sent again within a minute, so that a
 * double-clicked or retried submission is created once; a changed form is a new request with a new key.
 */
export function idempotencyKeyFor(url: string, body: string | FormData | undefined, now = Date.now()): string {
  for (const [id, entry] of recent) if (entry.until <= now) recent.delete(id);
  const id = `${url}\n${typeof body === 'string' || body === undefined ? (body ?? '') : describeForm(body)}`;
  const existing = recent.get(id);
  if (existing) return existing.key;
  const key = crypto.randomUUID();
  recent.set(id, { key, until: now + sameSubmissionMs });
  return key;
}

/** A multipart body by its fields, and its files by name, size and date. */
function describeForm(form: FormData): string {
  return JSON.stringify(
    [...form.entries()].map(([name, value]) =>
      typeof value === 'string' ? [name, value] : [name, value.name, value.size, value.lastModified, value.type],
    ),
  );
}
