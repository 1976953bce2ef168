/**
 * Where to go after signing in: only a path of this site. `//host` and `/\host` would be read by the
 * browser as another site, and control characters can hide such a host.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !/^\/(?![/\\])/.test(next)) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  return /[\u0000-\u001f\u007f]/.test(next) ? '/' : next;
}
