// Where data enters the dashboard it is checked against the contract, and a failure must be
// something an operator can read on the board: what was being read, where in it, what was
// expected and what came instead. Zod's own messages name neither the received value nor, for
// enums, the allowed ones in a compact way, so issues are worded here.
import type { z } from 'zod';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

// More than a few issues is noise on a banner; the first ones locate the problem.
const MAX_ISSUES = 3;
const MAX_VALUE_CHARS = 40;

export function parseOrExplain<T>(schema: z.ZodType<T>, data: unknown, what: string): ParseResult<T> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: explainIssues(result.error.issues, data, what) };
}

export function parseJsonOrExplain<T>(text: string, schema: z.ZodType<T>, what: string): ParseResult<T> {
  const json = parseJsonText(text, what);
  return json.ok ? parseOrExplain(schema, json.value, what) : json;
}

/** JSON.parse with a message a person can read; for callers that validate in parts. */
export function parseJsonText(text: string, what: string): ParseResult<unknown> {
  if (text.trim() === '') return { ok: false, error: `${what}: empty body, expected JSON` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    // V8's message quotes the start of the text ("<html>..." is not valid JSON), which is
    // usually enough to recognise an HTML error page or a truncated body.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${what}: not valid JSON (${truncate(reason, 160)})` };
  }
}

export function explainIssues(issues: readonly z.core.$ZodIssue[], data: unknown, what: string): string {
  const shown = issues.slice(0, MAX_ISSUES).map((issue) => explainIssue(issue, data));
  const more = issues.length > MAX_ISSUES ? ` (and ${issues.length - MAX_ISSUES} more)` : '';
  return `${what}: ${shown.join('; ')}${more}`;
}

function explainIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const where = formatPath(issue.path);
  const detail = describeIssue(issue, valueAt(data, issue.path));
  return where === '' ? detail : `${where}: ${detail}`;
}

function describeIssue(issue: z.core.$ZodIssue, received: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return mismatch(expectedType(issue.expected), received);
    case 'invalid_value':
      return mismatch(oneOf(issue.values), received);
    case 'invalid_union':
      // A discriminated union points at its discriminator when no variant has that value.
      if (issue.discriminator !== undefined && 'options' in issue && issue.options !== undefined) {
        return mismatch(oneOf(issue.options), received);
      }
      return mismatch('one of the allowed shapes', received);
    case 'too_small':
      return mismatch(
        bound('at least', 'more than', issue.minimum, issue.inclusive, issue.origin),
        received,
        issue.origin,
      );
    case 'too_big':
      return mismatch(
        bound('at most', 'less than', issue.maximum, issue.inclusive, issue.origin),
        received,
        issue.origin,
      );
    case 'invalid_format':
      return mismatch(expectedFormat(issue.format), received);
    case 'not_multiple_of':
      return mismatch(`a multiple of ${issue.divisor}`, received);
    case 'unrecognized_keys':
      return `unexpected field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

function mismatch(expected: string, received: unknown, origin?: string): string {
  if (received === undefined) return `missing, expected ${expected}`;
  return `expected ${expected}, got ${describeValue(received, origin)}`;
}

function expectedType(expected: string): string {
  switch (expected) {
    case 'int':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'object':
    case 'record':
      return 'an object';
    case 'array':
      return 'an array';
    case 'null':
      return 'null';
    default:
      return expected;
  }
}

function expectedFormat(format: string): string {
  if (format === 'datetime') return 'an ISO-8601 date-time such as 2024-05-01T12:00:00Z';
  return `a valid ${format}`;
}

function oneOf(values: readonly unknown[]): string {
  const listed = values.map((value) => (typeof value === 'string' ? value : describeValue(value)));
  if (listed.length === 1) return describeValue(values[0]);
  return `one of ${listed.join(', ')}`;
}

function bound(
  inclusiveWord: string,
  exclusiveWord: string,
  limit: number | bigint,
  inclusive: boolean | undefined,
  origin: string,
): string {
  const word = inclusive === false ? exclusiveWord : inclusiveWord;
  return `${word} ${String(limit)}${unitOf(origin)}`;
}

// Length limits are about characters or items, not about the value itself.
function unitOf(origin: string | undefined): string {
  if (origin === 'string') return ' characters';
  if (origin === 'array' || origin === 'set') return ' items';
  return '';
}

function describeValue(value: unknown, origin?: string): string {
  if ((origin === 'string' && typeof value === 'string') || (origin === 'array' && Array.isArray(value))) {
    return `${value.length}${unitOf(origin)}`;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return truncate(JSON.stringify(value), MAX_VALUE_CHARS);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
