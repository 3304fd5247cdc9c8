// Reads a profile file (YAML or JSON), validates it, and resolves what it names from outside —
// URLs from the environment, secrets from the environment or a file — once, at start. Anything
// wrong stops the start with one message per problem, each naming the file, the field and why.
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { profileSchema } from './schema.ts';
import type { Profile } from './schema.ts';
import type { FromEnv, SecretRef } from './sources.ts';

/** A profile with everything it names resolved: the connector needs nothing else. */
export interface LoadedProfile {
  profile: Profile;
  /** Base URL of each declared http service. */
  urls: Record<string, string>;
  /** Each declared redis connection's URL. */
  redisUrls: Record<string, string>;
  /** Secret values by name: kept on the server, never served, never logged. */
  secrets: Record<string, string>;
  source: string;
}

export type LoadResult = { ok: true; loaded: LoadedProfile } | { ok: false; error: string };

const MAX_PROFILE_BYTES = 1_000_000;

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );
}

/**
 * One line per issue. A union's failure is reported through the branch that got furthest (its
 * deepest issue), so "venues: connection: required" is said instead of "invalid input".
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  base: readonly PropertyKey[] = [],
): string[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // The branch the author meant: one whose keys it recognised, then the one that got deepest.
      const foreign = (branch: readonly z.core.$ZodIssue[]) =>
        branch.some((i) => i.code === 'unrecognized_keys') ? 1 : 0;
      const depth = (branch: readonly z.core.$ZodIssue[]) => Math.max(...branch.map((i) => i.path.length));
      const best =
        [...issue.errors].sort(
          (a, b) => foreign(a) - foreign(b) || depth(b) - depth(a) || a.length - b.length,
        )[0] ?? [];
      if (best.length > 0 && (depth(best) > 0 || foreign(best) === 0)) return describeIssues(best, path);
    }
    const where = pathText(path);
    return [`${where || '(the whole profile)'}: ${issue.message}`];
  });
}

function resolveSetting(value: FromEnv, env: NodeJS.ProcessEnv, where: string): string {
  if (typeof value === 'string') return value;
  const fromEnv = env[value.env];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (value.default !== undefined) return value.default;
  throw new Error(`${where}: the environment variable ${value.env} is not set, and no default is given`);
}

function resolveSecret(ref: SecretRef, env: NodeJS.ProcessEnv, where: string, baseDir: string): string {
  if ('env' in ref) {
    const value = env[ref.env];
    if (value === undefined || value === '')
      throw new Error(`${where}: the environment variable ${ref.env} that holds this secret is not set`);
    return value;
  }
  try {
    const value = readFileSync(resolve(baseDir, ref.file), 'utf8').trim();
    if (value === '') throw new Error('the file is empty');
    return value;
  } catch (error) {
    throw new Error(
      `${where}: the secret file cannot be read (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
}

function checkUrl(text: string, where: string, protocols: string[], credentialsAllowed: boolean): string {
  // The value may come from the environment and hold a password: it is never repeated.
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${where}: the value given is not a URL`);
  }
  if (!protocols.includes(url.protocol))
    throw new Error(
      `${where}: must be a ${protocols.map((p) => p.slice(0, -1)).join(' or ')} URL, not ${url.protocol}`,
    );
  if (!credentialsAllowed && (url.username !== '' || url.password !== ''))
    throw new Error(
      `${where}: a URL must not carry a user or password (it would show in every error message): put the credential in a header from a secret, e.g. Authorization: 'Basic {secret:NAME}'`,
    );
  return text.replace(/\/+$/, '');
}

/** The canonical values each enum field's `map` must lead to (compared ignoring case, as read). */
const MAP_TARGETS: { where: readonly string[]; allowed: readonly (string | boolean)[] }[] = [
  { where: ['tradingState', 'state'], allowed: ['ACTIVE', 'REDUCING', 'HALTED', 'KILLED'] },
  { where: ['venues', 'connection'], allowed: ['CONNECTED', 'DEGRADED', 'DISCONNECTED'] },
  { where: ['venues', 'enabled'], allowed: [true, false] },
  { where: ['services', 'list', 'health'], allowed: ['UP', 'DEGRADED', 'DOWN'] },
  { where: ['alerts', 'severity'], allowed: ['warning', 'critical'] },
];

/**
 * A `map` entry that leads to none of the canonical values would fail its section on every read
 * that meets it; it is a mistake in the file, so it stops the start, naming the entry.
 */
function mapTargetProblems(sections: unknown): string[] {
  const problems: string[] = [];
  for (const { where, allowed } of MAP_TARGETS) {
    const field = where.reduce<unknown>(
      (node, key) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined,
      sections,
    );
    if (typeof field !== 'object' || field === null || !('map' in field)) continue;
    const map = (field as { map?: Record<string, unknown> }).map ?? {};
    for (const [from, to] of Object.entries(map)) {
      const fits = allowed.some((a) =>
        typeof a === 'string' ? typeof to === 'string' && to.toLowerCase() === a.toLowerCase() : to === a,
      );
      if (!fits)
        problems.push(
          `sections.${where.join('.')}.map.${from}: ${JSON.stringify(to)} is none of ${allowed.join(', ')}`,
        );
    }
  }
  return problems;
}

/** Validates an already-parsed profile document and resolves what it names. */
export function loadProfileDocument(
  document: unknown,
  source: string,
  env: NodeJS.ProcessEnv = process.env,
  baseDir = '.',
): LoadResult {
  const parsed = profileSchema.safeParse(document);
  if (!parsed.success)
    return {
      ok: false,
      error: `${source} is not a valid profile:\n  ${describeIssues(parsed.error.issues).join('\n  ')}`,
    };
  const profile = parsed.data;
  const wrongMaps = mapTargetProblems(profile.sections);
  if (wrongMaps.length > 0)
    return { ok: false, error: `${source} is not a valid profile:\n  ${wrongMaps.join('\n  ')}` };
  const problems: string[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  };
  const urls: Record<string, string> = {};
  for (const [name, service] of Object.entries(profile.http)) {
    const where = `http.${name}.url`;
    const url = attempt(() =>
      checkUrl(resolveSetting(service.url, env, where), where, ['http:', 'https:'], false),
    );
    if (url !== undefined) urls[name] = url;
  }
  const redisUrls: Record<string, string> = {};
  for (const [name, connection] of Object.entries(profile.redis)) {
    const where = `redis.${name}.url`;
    const url = attempt(() =>
      checkUrl(resolveSetting(connection.url, env, where), where, ['redis:', 'rediss:'], true),
    );
    if (url !== undefined) redisUrls[name] = url;
  }
  const secrets: Record<string, string> = {};
  for (const [name, ref] of Object.entries(profile.secrets)) {
    const value = attempt(() => resolveSecret(ref, env, `secrets.${name}`, baseDir));
    if (value !== undefined) secrets[name] = value;
  }
  if (problems.length > 0)
    return { ok: false, error: `${source} cannot be used:\n  ${problems.join('\n  ')}` };
  return { ok: true, loaded: { profile, urls, redisUrls, secrets, source } };
}

/**
 * The mistake behind most YAML errors in a profile: a JSONPath with brackets, a filter or a comma
 * written unquoted inside `{ … }` (`{ rate: $.orders[*].value }`), where YAML reads `[` and `,`
 * as its own. The parser's words do not say that; this does.
 */
function flowHint(message: string): string {
  if (!/flow|collection|map keys|implicit key|nested mappings/i.test(message) || !message.includes('$'))
    return '';
  return `\n  (a JSONPath with [ ], a filter or a comma inside { … } must be quoted: { rate: '$.orders_total[*].value' })`;
}

/** Reads, parses (YAML, of which JSON is a part) and loads a profile file. */
export function loadProfileFile(file: string, env: NodeJS.ProcessEnv = process.env): LoadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      ok: false,
      error: `the profile ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (Buffer.byteLength(text) > MAX_PROFILE_BYTES)
    return {
      ok: false,
      error: `the profile ${file} is over ${MAX_PROFILE_BYTES / 1_000_000} MB; a profile is a short file`,
    };
  let document: unknown;
  try {
    // No custom tags, no aliases beyond a few (merge keys, `<<: *probe`, are allowed): plain data.
    document = parseYaml(text, { maxAliasCount: 50, customTags: [], merge: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `the profile ${file} is not valid YAML or JSON: ${message}${flowHint(message)}`,
    };
  }
  return loadProfileDocument(document, file, env, dirname(resolve(file)));
}
