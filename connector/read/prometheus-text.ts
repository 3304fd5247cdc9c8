// Prometheus' text exposition format, read into a document JSONPath can query:
//   { "<metric name>": [ { "labels": { … }, "value": 12.5 }, … ], … }
// so that `$.rtes_order_latency_us[?@.labels.quantile == '0.99'].value` picks one sample. Only
// samples are read (HELP and TYPE lines are comments to us); a line that is not a sample is
// skipped and counted, never fatal, since one odd line must not cost the whole section.

export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  metrics: Record<string, Sample[]>;
  skippedLines: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;

function parseValue(text: string): number | null {
  switch (text) {
    case '+Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
    case 'NaN':
      return NaN;
  }
  const value = Number(text);
  return text !== '' && !Number.isNaN(value) ? value : null;
}

/** Reads `{a="x",b="y\"z"}` from the start of `text`; returns the labels and what follows. */
function parseLabels(text: string): { labels: Record<string, string>; rest: string } | null {
  const labels: Record<string, string> = {};
  let i = 1;
  for (;;) {
    while (text[i] === ' ' || text[i] === ',') i++;
    if (text[i] === '}') return { labels, rest: text.slice(i + 1) };
    const name = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(text.slice(i))?.[0];
    if (!name) return null;
    i += name.length;
    while (text[i] === ' ') i++;
    if (text[i] !== '=' || text[i + 1] !== '"') return null;
    i += 2;
    let value = '';
    for (; i < text.length && text[i] !== '"'; i++) {
      if (text[i] === '\\') {
        i++;
        value += text[i] === 'n' ? '\n' : (text[i] ?? '');
      } else value += text[i];
    }
    if (text[i] !== '"') return null;
    i++;
    labels[name] = value;
  }
}

export function parseExposition(text: string): Exposition {
  const metrics: Record<string, Sample[]> = Object.create(null) as Record<string, Sample[]>;
  let skippedLines = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const name = NAME.exec(line)?.[0];
    if (!name) {
      skippedLines++;
      continue;
    }
    let rest = line.slice(name.length);
    let labels: Record<string, string> = {};
    if (rest.startsWith('{')) {
      const parsed = parseLabels(rest);
      if (!parsed) {
        skippedLines++;
        continue;
      }
      ({ labels, rest } = parsed);
    }
    // A sample line may end with a timestamp: only the first number is the value.
    const value = parseValue(rest.trim().split(/\s+/)[0] ?? '');
    if (value === null) {
      skippedLines++;
      continue;
    }
    (metrics[name] ??= []).push({ labels, value });
  }
  return { metrics, skippedLines };
}
