// Filling a control's request from its template: {reason}, {venue}, {operator}, {key}, {params.NAME}
// and {secret:NAME}. A string that is one placeholder takes the value's own type (a number stays
// a number in the body); inside a longer string the value is spliced in as text; in a path, it is
// URL-encoded, so a venue name can never add a path segment or a query.
export interface TemplateValues {
  /** The command's idempotency key, for a system that takes one. */
  key?: string;
  reason: string;
  venue?: string;
  operator: string;
  params: Record<string, unknown>;
  secrets: Record<string, string>;
}

export class TemplateError extends Error {
  override name = 'TemplateError';
}

const WHOLE = /^\{([^{}]+)\}$/;
const ANY = /\{([^{}]+)\}/g;

function lookup(name: string, values: TemplateValues): unknown {
  if (name === 'reason') return values.reason;
  if (name === 'key') {
    if (values.key === undefined) throw new TemplateError('{key} is only known in a control');
    return values.key;
  }
  if (name === 'operator') return values.operator;
  if (name === 'venue') {
    if (values.venue === undefined) throw new TemplateError('this control needs a venue');
    return values.venue;
  }
  if (name.startsWith('secret:')) {
    const secret = values.secrets[name.slice('secret:'.length)];
    if (secret === undefined) throw new TemplateError(`the secret ${name.slice(7)} is not loaded`);
    return secret;
  }
  if (name.startsWith('params.')) {
    const key = name.slice('params.'.length);
    if (!Object.hasOwn(values.params, key))
      throw new TemplateError(`this control needs the parameter ${key}`);
    return values.params[key];
  }
  throw new TemplateError(`unknown placeholder {${name}}`);
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

export function fillString(
  template: string,
  values: TemplateValues,
  encode: (s: string) => string = (s) => s,
): string {
  return template.replace(ANY, (_, name: string) => encode(text(lookup(name, values))));
}

/**
 * Values are URL-encoded, so "/" or "?" in them stays inside their segment. A value of "." or ".."
 * (encoded or not, a URL parser resolves it as a step up) is refused.
 */
export function fillPath(template: string, values: TemplateValues): string {
  return fillString(template, values, (value) => {
    if (/^\.+$/.test(value))
      throw new TemplateError(`"${value}" cannot be put in a path: it would name another one`);
    return encodeURIComponent(value);
  });
}

export function fillBody(template: unknown, values: TemplateValues): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template);
    return whole ? lookup(whole[1] ?? '', values) : fillString(template, values);
  }
  if (Array.isArray(template)) return template.map((item) => fillBody(item, values));
  if (template !== null && typeof template === 'object')
    return Object.fromEntries(
      Object.entries(template).map(([k, v]) => [fillString(k, values), fillBody(v, values)]),
    );
  return template;
}
