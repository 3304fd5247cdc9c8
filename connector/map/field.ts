// Reading one canonical value out of a system's document, as a profile's field says: the
// JSONPath, the mapping of the system's words onto ours, the default, the time format. A value
// that does not fit is a MappingError naming the field and what was there, so the board can say
// "venues: connection: 'FLAKY' is none of CONNECTED, DEGRADED, DISCONNECTED" instead of lying.
import { paths, query } from 'jsonpath-rfc9535';
import type { JsonValue } from 'jsonpath-rfc9535';
import type { Field, TimeFormat } from '../profile/fields.ts';

export class MappingError extends Error {
  override name = 'MappingError';
}

/**
 * One node an `items` path selected, with its member name when it sits in an object: APIs that
 * key their lists by id ({"db": {"status": "ok"}}) give the id only as the key.
 */
export class Item {
  readonly value: unknown;
  readonly key: string | null;
  constructor(value: unknown, key: string | null) {
    this.value = value;
    this.key = key;
  }
}

const valueOf = (node: unknown) => (node instanceof Item ? node.value : node);

export const nodes = (document: unknown, path: string): unknown[] =>
  query(valueOf(document) as JsonValue, path);

/** The nodes `path` selects, each with its member name (from its normalized path) when it has one. */
export function itemsAt(document: unknown, path: string): Item[] {
  const found = query(valueOf(document) as JsonValue, path);
  const where = paths(valueOf(document) as JsonValue, path);
  return found.map((value, i) => {
    const last = /\['((?:[^'\\]|\\.)*)'\]$/.exec(where[i] ?? '')?.[1];
    return new Item(value, last === undefined ? null : last.replace(/\\(.)/g, '$1'));
  });
}

const show = (value: unknown) =>
  typeof value === 'string' ? `"${value.slice(0, 60)}"` : JSON.stringify(value)?.slice(0, 60);

/** The raw value at a field (first match), mapped and defaulted; undefined when nothing is there. */
export function fieldValue(field: Field, node: unknown): unknown {
  const spec = typeof field === 'string' ? { path: field } : field;
  let value: unknown =
    'key' in spec && spec.key
      ? node instanceof Item
        ? node.key
        : undefined
      : spec.path !== undefined
        ? nodes(node, spec.path)[0]
        : undefined;
  if (value === undefined || value === null) value = spec.default ?? value;
  if (spec.map && value !== undefined && value !== null) {
    const key = String(value);
    const exact = Object.hasOwn(spec.map, key) ? spec.map[key] : undefined;
    const loose = Object.entries(spec.map).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
    value = exact ?? loose ?? value;
  }
  return value;
}

export function asEnum<T extends string>(
  field: Field,
  node: unknown,
  allowed: readonly T[],
  what: string,
): T {
  const value = fieldValue(field, node);
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const exact = allowed.find((a) => typeof value === 'string' && a.toLowerCase() === value.toLowerCase());
  if (exact) return exact;
  throw new MappingError(
    value === undefined
      ? `${what}: nothing found${typeof field === 'string' ? ` at ${field}` : field.path ? ` at ${field.path}` : ''}`
      : `${what}: ${show(value)} is none of ${allowed.join(', ')} (add it to the field's map)`,
  );
}

export function asString(field: Field | undefined, node: unknown, fallback: string): string {
  if (field === undefined) return fallback;
  const value = fieldValue(field, node);
  return value === undefined || value === null ? fallback : typeof value === 'string' ? value : String(value);
}

export function asNumber(field: Field, node: unknown, what: string): number {
  const value = fieldValue(field, node);
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n))
    throw new MappingError(
      `${what}: ${value === undefined ? 'nothing found' : `${show(value)} is not a number`}`,
    );
  return n;
}

export function asBoolean(field: Field, node: unknown, what: string): boolean {
  const value = fieldValue(field, node);
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 1) return true;
  if (value === 'false' || value === 0) return false;
  throw new MappingError(
    `${what}: ${value === undefined ? 'nothing found' : `${show(value)} is not true or false (map it)`}`,
  );
}

const PER_MS: Record<Exclude<TimeFormat, 'iso'>, number> = {
  'epoch-s': 1 / 1000,
  'epoch-ms': 1,
  'epoch-us': 1000,
  'epoch-ns': 1_000_000,
};

function toMillis(value: unknown, format: TimeFormat): number {
  if (format === 'iso') {
    if (typeof value !== 'string') return NaN;
    // "2026-12-03 08:00:00" (Python's str(datetime)) is RFC 3339 too; a time with no offset is
    // read as UTC, as such systems mean it, never in this host's local zone.
    const text = value.trim().replace(/^(\d{4}-\d{2}-\d{2})[ t]/, '$1T');
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return NaN;
    return Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`);
  }
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  return n / PER_MS[format];
}

/**
 * A time as ISO-8601, or null when the system gives none. `ageSeconds` fields hold "seconds ago"
 * and are dated from when the read was made. A time that names no instant is a MappingError.
 */
export function asTime(field: Field, node: unknown, readAt: number, what: string): string | null {
  const value = fieldValue(field, node);
  if (value === undefined || value === null) return null;
  const spec = typeof field === 'string' ? {} : field;
  const ms = spec.ageSeconds ? readAt - Number(value) * 1000 : toMillis(value, spec.time ?? 'iso');
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15)
    throw new MappingError(
      `${what}: ${show(value)} is not a time (${spec.ageSeconds ? 'seconds ago' : (spec.time ?? 'iso')})`,
    );
  return new Date(ms).toISOString();
}
