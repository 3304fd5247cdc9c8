import { parseDocument } from 'yaml';

// YAML front matter ("---" … "---" at the top) says what the runbook is about — its title,
// service, severity, owner, review date — and is never a step. It is read as data only: no
// custom tags, a small alias budget (a "billion laughs" document is refused, not expanded), and
// only scalar values (or lists of them) are kept.

export interface FrontMatter {
  /** The text with the front matter blanked out, line for line, so line numbers still hold. */
  body: string;
  title?: string;
  metadata: Record<string, string>;
  /** Why the front matter was not read, when it was there but could not be. */
  problem?: string;
}

const FENCE = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

const scalar = (v: unknown): string | null =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? String(v)
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : null;

export function readFrontMatter(text: string): FrontMatter {
  const m = FENCE.exec(text);
  if (!m) return { body: text, metadata: {} };
  const body = text.slice(m[0].length);
  const blank = '\n'.repeat(m[0].split('\n').length - 1);
  const result: FrontMatter = { body: blank + body, metadata: {} };
  try {
    const doc = parseDocument(m[1] ?? '', { prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length || doc.warnings.length) {
      const why = (doc.errors[0] ?? doc.warnings[0])?.message.split('\n')[0] ?? 'it is not valid YAML';
      return { ...result, problem: why };
    }
    const data: unknown = doc.toJS({ maxAliasCount: 50 });
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return result;
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      const list = Array.isArray(value) ? value.map(scalar) : null;
      const text = list ? (list.every((x) => x !== null) ? list.join(', ') : null) : scalar(value);
      if (text === null || !text.trim()) continue;
      if (/^title$/i.test(key)) result.title = text.trim();
      else result.metadata[key.toLowerCase()] = text.trim();
    }
    return result;
  } catch (error) {
    return { ...result, metadata: {}, problem: error instanceof Error ? error.message : String(error) };
  }
}
