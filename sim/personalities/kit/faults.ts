// The drill's faults on a native surface, as on the canonical one: the model keeps running;
// only what the system says about it is bent. Bending touches successful answers only (an error
// is already what it is), exactly as the canonical controls do.
import type { Fault } from '../../../contract/schemas.ts';
import { truncateJson } from '../../host/faults.ts';

const ENUM_KEYS = new Set(['status', 'state', 'trading_state', 'mode']);
const flipCase = (text: string) => (text === text.toLowerCase() ? text.toUpperCase() : text.toLowerCase());

/**
 * Well-formed JSON that breaks the system's documented shape the way real APIs drift: every
 * number turned into a string nobody can compute with, booleans into strings, and the case of
 * every status or state enum flipped (`healthy` → `HEALTHY`), so that even a body of strings
 * breaks.
 */
export function violateJson(value: unknown, key = ''): unknown {
  if (typeof value === 'number') return 'n/a';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return ENUM_KEYS.has(key) ? flipCase(value) : value;
  if (Array.isArray(value)) return value.map((item) => violateJson(item, key));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, violateJson(v, k)]));
  return value;
}

/**
 * A Prometheus exposition that still parses but says nothing: every sample's value NaN. (A
 * scraper accepts it; a threshold on it never fires, which is the danger to drill.)
 */
export function violateExposition(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' || line.startsWith('#') ? line : line.replace(/ [^ ]+$/, ' NaN')))
    .join('\n');
}

/** The text of a successful answer, bent by the fault in force. */
export function bendText(text: string, isJson: boolean, fault: Fault | null): string {
  if (fault?.kind === 'malformed-json') return truncateJson(text);
  if (fault?.kind === 'schema-violation')
    return isJson ? JSON.stringify(violateJson(JSON.parse(text))) : violateExposition(text);
  return text;
}
