// Health rules in the style of Gatus: `[STATUS] == 200`, `[BODY].status == UP`,
// `[RESPONSE_TIME] < 300`. Parsed once at start; evaluated on each answer. Nothing is ever
// evaluated as code: the left side is one of three placeholders (a body path is an RFC 9535
// JSONPath), the right side a literal.
import { query } from 'jsonpath-rfc9535';
import type { JsonValue } from 'jsonpath-rfc9535';

export interface Answer {
  status: number;
  body: unknown;
  responseTimeMs: number;
}

type Operator = '==' | '!=' | '<' | '<=' | '>' | '>=';

export interface Condition {
  text: string;
  test(answer: Answer): boolean;
}

const FORM = /^\[(STATUS|BODY|RESPONSE_TIME)\](\S*)\s*(==|!=|<=|>=|<|>)\s*(.+)$/;

function literal(text: string): string | number | boolean | null {
  const t = text.trim();
  if (/^".*"$/.test(t) || /^'.*'$/.test(t)) return t.slice(1, -1);
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t === 'null') return null;
  const n = Number(t);
  return t !== '' && !Number.isNaN(n) ? n : t;
}

function compare(left: unknown, op: Operator, right: string | number | boolean | null): boolean {
  // Equality compares as text as well, so `[BODY].code == 200` holds for "200" and 200 alike.
  if (op === '==' || op === '!=') {
    const same = left === right || (left !== null && left !== undefined && String(left) === String(right));
    return op === '==' ? same : !same;
  }
  const l = typeof left === 'number' ? left : Number(left);
  const r = typeof right === 'number' ? right : Number(right);
  if (Number.isNaN(l) || Number.isNaN(r) || left === null || left === undefined) return false;
  return op === '<' ? l < r : op === '<=' ? l <= r : op === '>' ? l > r : l >= r;
}

/** Throws with a readable message when the rule is not of the accepted form. */
export function parseCondition(text: string): Condition {
  const match = FORM.exec(text.trim());
  if (!match)
    throw new Error(
      `"${text}" is not a health rule: write [STATUS] == 200, [BODY].field == value or [RESPONSE_TIME] < 500`,
    );
  const [, subject, suffix = '', op, right = ''] = match as unknown as [
    string,
    string,
    string,
    Operator,
    string,
  ];
  if (subject !== 'BODY' && suffix !== '') throw new Error(`"${text}": only [BODY] takes a path after it`);
  const path = `$${suffix}`;
  if (subject === 'BODY')
    try {
      query({}, path);
    } catch (error) {
      throw new Error(
        `"${text}": ${path} is not a valid JSONPath (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      );
    }
  const expected = literal(right);
  return {
    text,
    test(answer) {
      const left =
        subject === 'STATUS'
          ? answer.status
          : subject === 'RESPONSE_TIME'
            ? answer.responseTimeMs
            : suffix === ''
              ? answer.body
              : query(answer.body as JsonValue, path)[0];
      return compare(left, op, expected);
    },
  };
}
