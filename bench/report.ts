// The one output of a benchmark run: a table of figures with their budgets, and a verdict that
// decides the exit code. A figure is a list of samples (one per trial) in one unit.

export interface Figure {
  name: string;
  unit: 'ms' | 's' | 'KB';
  samples: number[];
  /** The budget the issue or roadmap names: the worst sample must not exceed it. */
  budget?: number;
  /**
   * Samples below this are wrong too: "DOWN within 2 s of 30 s without data" means not before
   * 30 s either. A small negative tolerance absorbs the clocks of two processes.
   */
  notBelow?: number;
  /** What it includes or how it was taken; printed under the table. */
  note?: string;
  /** Trials that gave no sample (a timeout, a crash), with why: each one fails the figure. */
  failures?: string[];
}

export interface Verdict {
  figure: Figure;
  ok: boolean;
  word: 'ok' | 'OVER' | 'EARLY' | 'FAILED' | 'NO DATA' | '—';
}

/** Nearest-rank percentile: with 5 samples p95 is the worst one, which is what a budget is about. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function judge(figure: Figure): Verdict {
  if (figure.failures?.length) return { figure, ok: false, word: 'FAILED' };
  if (figure.samples.length === 0) return { figure, ok: false, word: 'NO DATA' };
  if (figure.notBelow !== undefined && Math.min(...figure.samples) < figure.notBelow)
    return { figure, ok: false, word: 'EARLY' };
  if (figure.budget === undefined) return { figure, ok: true, word: '—' };
  const ok = Math.max(...figure.samples) <= figure.budget;
  return { figure, ok, word: ok ? 'ok' : 'OVER' };
}

function show(value: number | undefined, unit: Figure['unit']): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  const digits = unit === 's' ? 1 : unit === 'KB' ? 1 : 0;
  return `${value.toFixed(digits)} ${unit}`;
}

/** Prints the table and the notes; returns the verdicts so the caller can choose the exit code. */
export function printReport(figures: Figure[], heading: string): Verdict[] {
  const verdicts = figures.map(judge);
  const rows = verdicts.map(({ figure: f, word }) => [
    f.name,
    f.failures?.length ? `${f.samples.length}+${f.failures.length} failed` : String(f.samples.length),
    show(f.samples.length ? percentile(f.samples, 50) : undefined, f.unit),
    show(f.samples.length ? percentile(f.samples, 95) : undefined, f.unit),
    show(f.samples.length ? Math.max(...f.samples) : undefined, f.unit),
    f.budget === undefined ? '—' : `≤ ${show(f.budget, f.unit)}`,
    word,
  ]);
  const header = ['figure', 'trials', 'p50', 'p95', 'max', 'budget', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${heading}\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  const notes = figures.filter((f) => f.note);
  if (notes.length) console.log('');
  for (const f of notes) console.log(`  ${f.name}: ${f.note}`);
  for (const f of figures)
    for (const why of f.failures ?? []) console.log(`  ${f.name}: trial failed: ${why}`);
  for (const f of figures)
    if (f.samples.length > 1)
      console.log(`  ${f.name} samples: ${f.samples.map((s) => show(s, f.unit)).join(', ')}`);
  return verdicts;
}
