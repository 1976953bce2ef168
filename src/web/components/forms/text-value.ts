/** Form text → API value: trimmed, and null when nothing is left. */
export function toNullableText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
