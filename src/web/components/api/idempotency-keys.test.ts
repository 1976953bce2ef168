import { describe, expect, it } from 'vitest';
import { idempotencyKeyFor, sameSubmissionMs } from './idempotency-keys.js';

describe('idempotency keys of submissions', () => {
  it('gives the same request sent again within a minute the same key, and anything else a new one', () => {
    const now = 1_000_000;
    const first = idempotencyKeyFor('/api/tasks', '{"title":"Call"}', now);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(idempotencyKeyFor('/api/tasks', '{"title":"Call"}', now + 500)).toBe(first);
    expect(idempotencyKeyFor('/api/tasks', '{"title":"Call back"}', now + 500)).not.toBe(first);
    expect(idempotencyKeyFor('/api/clients', '{"title":"Call"}', now + 500)).not.toBe(first);
    expect(idempotencyKeyFor('/api/tasks', '{"title":"Call"}', now + sameSubmissionMs + 1)).not.toBe(first);
  });

  it('tells files apart by name and size', () => {
    const form = (content: string) => {
      const data = new FormData();
      data.set('file', new File([content], 'permit.pdf', { type: 'application/pdf', lastModified: 1 }));
      return data;
    };
    const key = idempotencyKeyFor('/api/clients/1/documents', form('abc'));
    expect(idempotencyKeyFor('/api/clients/1/documents', form('abc'))).toBe(key);
    expect(idempotencyKeyFor('/api/clients/1/documents', form('abcd'))).not.toBe(key);
  });
});
