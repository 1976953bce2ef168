const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The top-level fields whose values differ between two versions of a form's values. */
export function changedFields<T extends object>(before: T, after: T): (keyof T & string)[] {
  return (Object.keys(after) as (keyof T & string)[]).filter((key) => !same(before[key], after[key]));
}

/**
 * The user's edits laid over the version now saved (after 412 STALE_VERSION): a field the user left
 * as loaded takes the saved value, a field they changed keeps theirs. Saved again from the new
 * version, both people's changes are kept.
 */
export function rebaseValues<T extends object>(loaded: T, saved: T, mine: T): T {
  const mineChanged = new Set<string>(changedFields(loaded, mine));
  const rebased = { ...mine };
  for (const key of Object.keys(saved) as (keyof T & string)[]) if (!mineChanged.has(key)) rebased[key] = saved[key];
  return rebased;
}
