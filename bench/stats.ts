/** Latency figures of one series of timings, in milliseconds. */
export type Summary = { n: number; p50: number; p95: number; p99: number; max: number };

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** p50, p95 and p99 of the timings. */
export function summarise(timings: number[]): Summary {
  const sorted = [...timings].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** A plain-text table with right-aligned numbers, for the terminal and for pasting into a note. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const formatMs = (value: number) => value.toFixed(1);
export const formatMib = (bytes: number) => `${Math.round(bytes / 1_048_576)} MiB`;

/** One measured use: the HTTP request of sample i, and the same database work done directly. */
export type Scenario = { name: string; sample: (i: number) => { path: string; direct: () => Promise<unknown> } };
