import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path.js';

describe('safeNextPath', () => {
  it('keeps a path of this site', () => {
    for (const path of ['/', '/clients', '/clients/123?tab=notes', '/audit#top', '/a/\\b']) expect(safeNextPath(path)).toBe(path);
  });

  it('refuses anything that could lead to another site', () => {
    for (const next of [
      null,
      '',
      'clients',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      ' /clients',
    ]) {
      expect(safeNextPath(next), String(next)).toBe('/');
    }
  });

  it('refuses control characters, which browsers drop or read as a host separator', () => {
    for (const next of ['/\t/evil.example', '/\n/evil.example', '/clients\r\n', '/\u0000x', '/x\u007f']) {
      expect(safeNextPath(next), JSON.stringify(next)).toBe('/');
    }
  });
});
