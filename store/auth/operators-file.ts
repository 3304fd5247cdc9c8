// The people who may sign in to the war room: a JSON file given to the store at start
// (`--operators FILE`, or the file named by WARROOM_OPERATORS_FILE), checked whole before the
// store listens. A mistake stops the start with one line naming the field and what is wrong.
//
//   { "operators": [ { "name": "dana", "role": "commander", "passwordHash": "scrypt$…" } ] }
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { OPERATOR_NAME_MAX, operatorRoleSchema } from '../../contract/store-schemas.ts';
import type { OperatorRole } from '../../contract/store-schemas.ts';
import { decodePasswordHash, passwordHashProblem } from './password-hash.ts';
import type { PasswordHash } from './password-hash.ts';

export const OPERATORS_FILE_ENV = 'WARROOM_OPERATORS_FILE';

export interface Operator {
  name: string;
  role: OperatorRole;
  passwordHash: PasswordHash;
}

// Names appear in the timeline, the audit log and log lines: short, and nothing to escape.
const NAME = new RegExp(`^[A-Za-z0-9][A-Za-z0-9._@-]{0,${OPERATOR_NAME_MAX - 1}}$`);

const operatorEntrySchema = z.strictObject({
  name: z
    .string()
    .regex(
      NAME,
      `must be 1 to ${OPERATOR_NAME_MAX} letters, digits, dots, dashes, underscores or @, starting with a letter or digit`,
    ),
  role: operatorRoleSchema,
  passwordHash: z.string().superRefine((value, ctx) => {
    const problem = passwordHashProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
});

export const operatorsFileSchema = z
  .strictObject({
    operators: z.array(operatorEntrySchema).min(1, 'lists nobody: add at least one operator'),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.operators.forEach((operator, index) => {
      if (seen.has(operator.name))
        ctx.addIssue({
          code: 'custom',
          path: ['operators', index, 'name'],
          message: `"${operator.name}" is listed twice; each operator once`,
        });
      seen.add(operator.name);
    });
  });

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** One issue as a person reads it; a secret-looking field is named, never quoted. */
function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    const password = issue.keys.some((k) => /pass|secret|token/i.test(k));
    return `${fieldPath(issue.path) || 'the file'}: unknown field ${keys}${
      password ? '; the file holds password hashes only (passwordHash), never passwords' : ''
    }`;
  }
  const where = fieldPath(issue.path);
  return `${where === '' ? 'the file' : where}: ${issue.message}`;
}

export type OperatorsResult = { ok: true; operators: Operator[] } | { ok: false; error: string };

/** Checks the file's text; the error names the first wrong field and what is wrong with it. */
export function parseOperatorsFile(text: string): OperatorsResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // Only where: V8's message quotes the text, and the text may be someone's mistaken password.
    const where = /at position \d+(?: \(line \d+ column \d+\))?/.exec(String(error))?.[0];
    return { ok: false, error: `not valid JSON${where ? ` (${where})` : ''}` };
  }
  const parsed = operatorsFileSchema.safeParse(json);
  if (!parsed.success) {
    // A field that should not be there says most about the mistake (a password in clear).
    const issues = parsed.error.issues;
    const first = issues.find((issue) => issue.code === 'unrecognized_keys') ?? issues[0];
    return { ok: false, error: first ? describe(first) : 'not an operators file' };
  }
  return {
    ok: true,
    operators: parsed.data.operators.map((entry) => ({
      name: entry.name,
      role: entry.role,
      passwordHash: decodePasswordHash(entry.passwordHash),
    })),
  };
}

export function readOperatorsFile(path: string): OperatorsResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, error: `cannot read it (${typeof code === 'string' ? code : String(error)})` };
  }
  return parseOperatorsFile(text);
}
