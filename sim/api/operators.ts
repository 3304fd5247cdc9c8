// Who may send controls to the simulated system: operators configured at start, each with a
// bearer token and the controls they may use. Shared by the HTTP host and the msw handlers, so
// it stays free of Node APIs. A token is a secret: no message here ever contains one.
import { controlIdSchema } from '../../contract/schemas.ts';
import type { ControlId } from '../../contract/schemas.ts';
import { OFFERED_CONTROLS, isOffered } from '../model/controls.ts';
import type { OfferedControl } from '../model/controls.ts';

export interface OperatorSpec {
  name: string;
  token: string;
  /** The controls this operator may use (checked to be offered ones); absent: every offered control. */
  controls?: readonly string[];
}

export interface OperatorIdentity {
  operator: string;
  controls: OfferedControl[];
}

/** A bad `--operator` value or operator list; the message names the problem, never the token. */
export class OperatorSpecError extends Error {
  override name = 'OperatorSpecError';
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
/** RFC 6750's token68 characters, so the token can travel in an Authorization header as is. */
const TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
export const MIN_TOKEN_CHARS = 8;
const MAX_TOKEN_CHARS = 256;

function checkControls(name: string, controls: readonly string[]): ControlId[] {
  return controls.map((raw) => {
    const parsed = controlIdSchema.safeParse(raw);
    if (!parsed.success)
      throw new OperatorSpecError(
        `operator "${name}": unknown control "${raw}" (offered: ${OFFERED_CONTROLS.join(', ')})`,
      );
    if (!isOffered(parsed.data))
      throw new OperatorSpecError(
        `operator "${name}": the simulator does not offer ${parsed.data} (offered: ${OFFERED_CONTROLS.join(', ')})`,
      );
    return parsed.data;
  });
}

/** Checks one operator; returns it with its control list resolved. */
export function checkOperator(spec: OperatorSpec): OperatorSpec {
  const { name, token } = spec;
  if (!NAME.test(name))
    throw new OperatorSpecError(
      `operator name "${name}" must be 1 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit`,
    );
  if (token.length < MIN_TOKEN_CHARS || token.length > MAX_TOKEN_CHARS)
    throw new OperatorSpecError(
      `operator "${name}": the token must be ${MIN_TOKEN_CHARS} to ${MAX_TOKEN_CHARS} characters, got ${token.length}`,
    );
  if (!TOKEN.test(token))
    throw new OperatorSpecError(
      `operator "${name}": the token may hold only letters, digits and - . _ ~ + / (then = padding), to fit a Bearer header`,
    );
  if (spec.controls === undefined) return { name, token };
  if (spec.controls.length === 0)
    throw new OperatorSpecError(
      `operator "${name}": an empty control list; leave it out to allow every offered control`,
    );
  return { name, token, controls: checkControls(name, spec.controls) };
}

/** `NAME:TOKEN[:control,control…]`, as given to `--operator`. */
export function parseOperatorSpec(spec: string): OperatorSpec {
  const parts = spec.split(':');
  const form = 'NAME:TOKEN or NAME:TOKEN:control,control';
  // Without a colon the value may be a bare token: it is not repeated. With one, only the name is.
  if (parts.length < 2) throw new OperatorSpecError(`--operator must be ${form}; the value given has no ":"`);
  if (parts.length > 3)
    throw new OperatorSpecError(`--operator "${parts[0]}:…" must be ${form}; a token has no ":"`);
  const [name = '', token = '', list] = parts;
  const controls =
    list === undefined
      ? undefined
      : list
          .split(',')
          .map((c) => c.trim())
          .filter((c) => c !== '');
  return checkOperator({ name, token, controls });
}

/** Constant-time string comparison: how long a guess takes says nothing about how close it was. */
function sameSecret(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  // Past the end charCodeAt is NaN, and NaN | 0 is 0: the loop always runs the longer length.
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

export type Authentication = { ok: true; identity: OperatorIdentity } | { ok: false; detail: string };

export class OperatorBook {
  readonly #operators: { spec: OperatorSpec; identity: OperatorIdentity }[];

  constructor(specs: readonly OperatorSpec[] = []) {
    const checked = specs.map(checkOperator);
    const names = new Set<string>();
    const tokens = new Set<string>();
    for (const { name, token } of checked) {
      if (names.has(name)) throw new OperatorSpecError(`operator "${name}" is given twice`);
      if (tokens.has(token))
        throw new OperatorSpecError(`operator "${name}" has the same token as another operator`);
      names.add(name);
      tokens.add(token);
    }
    this.#operators = checked.map((spec) => ({
      spec,
      identity: {
        operator: spec.name,
        controls: OFFERED_CONTROLS.filter((id) => spec.controls?.includes(id) ?? true),
      },
    }));
  }

  get names(): string[] {
    return this.#operators.map((o) => o.identity.operator);
  }

  /** Describes the operators for a start-up line: names and their controls, never tokens. */
  describe(): string {
    if (this.#operators.length === 0) return 'none (controls answer 401)';
    return this.#operators
      .map(({ spec, identity }) =>
        spec.controls === undefined
          ? `${identity.operator} (every offered control)`
          : `${identity.operator} (${identity.controls.join(', ')})`,
      )
      .join(', ');
  }

  /** Who an `Authorization` header value belongs to, or why it belongs to no one. */
  authenticate(authorization: string | null | undefined): Authentication {
    if (this.#operators.length === 0)
      return {
        ok: false,
        detail:
          'the simulator was started without operators, so no token is valid; restart it with --operator NAME:TOKEN',
      };
    const header = authorization?.trim() ?? '';
    if (header === '')
      return { ok: false, detail: 'no operator token: send the header "Authorization: Bearer <token>"' };
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return { ok: false, detail: 'the Authorization header must be "Bearer <token>"' };
    const token = match[1] ?? '';
    let found: OperatorIdentity | null = null;
    // Every operator is compared, so the time taken does not tell which (or whether one) matched.
    for (const { spec, identity } of this.#operators) if (sameSecret(spec.token, token)) found ??= identity;
    return found
      ? { ok: true, identity: { operator: found.operator, controls: [...found.controls] } }
      : {
          ok: false,
          detail: 'the operator token is not one this system knows; check the token you were given',
        };
  }
}
