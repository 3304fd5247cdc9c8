// A strict reader of the Prometheus text format for tests: every sample belongs to a family
// declared by # HELP and # TYPE, label values are quoted, values are numbers.
export interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parseExposition(text: string): { samples: ParsedSample[]; types: Map<string, string> } {
  if (!text.endsWith('\n')) throw new Error('an exposition ends with a newline');
  const types = new Map<string, string>();
  const helped = new Set<string>();
  const samples: ParsedSample[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const meta = /^# (HELP|TYPE) (\S+) (.+)$/.exec(line);
    if (meta) {
      const [, kind, family = '', rest = ''] = meta;
      if (kind === 'HELP') helped.add(family);
      else types.set(family, rest);
      continue;
    }
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const [, name = '', , labelText = '', raw = ''] = m;
    const family = [...types.keys()].find((f) => name === f || name.startsWith(`${f}_`));
    if (!family || !helped.has(family)) throw new Error(`sample of an undeclared family: ${line}`);
    const labels = Object.fromEntries([...labelText.matchAll(LABEL)].map((l) => [l[1] ?? '', l[2] ?? '']));
    const value = raw === 'NaN' ? NaN : Number(raw);
    if (raw !== 'NaN' && !Number.isFinite(value)) throw new Error(`not a number: ${line}`);
    samples.push({ name, labels, value });
  }
  return { samples, types };
}
