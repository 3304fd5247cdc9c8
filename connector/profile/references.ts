// The checks zod cannot make field by field: every read names a declared service or Redis
// connection, every {secret:NAME} a declared secret, every {venue} sits in a venue control.
// Each failure names the field it is in, so the start-up message points at the line to fix.
import type { z } from 'zod';
import type { ControlBinding } from './controls.ts';
import { serviceOf } from './sources.ts';
import type { Read } from './sources.ts';

interface Declared {
  clock?: unknown;
  http: Record<string, unknown>;
  redis: Record<string, unknown>;
  secrets: Record<string, unknown>;
  sections: Record<string, unknown>;
  controls: Partial<Record<string, ControlBinding>>;
}

type Path = (string | number)[];

function isRead(value: unknown): value is Read {
  return (
    typeof value === 'object' &&
    value !== null &&
    ('http' in value || 'redis' in value || 'promql' in value || 'alertmanager' in value)
  );
}

/** Every `from:` in the sections, with where it is. */
function readsIn(value: unknown, path: Path, out: { read: Read; path: Path }[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => readsIn(v, [...path, i], out));
  else if (typeof value === 'object' && value !== null)
    for (const [key, v] of Object.entries(value)) {
      if (key === 'from' && isRead(v)) out.push({ read: v, path: [...path, key] });
      else readsIn(v, [...path, key], out);
    }
}

/** Every string in a value (keys too), with where it is. */
function stringsIn(value: unknown, path: Path, out: { text: string; path: Path }[]): void {
  if (typeof value === 'string') out.push({ text: value, path });
  else if (Array.isArray(value)) value.forEach((v, i) => stringsIn(v, [...path, i], out));
  else if (typeof value === 'object' && value !== null)
    for (const [key, v] of Object.entries(value)) {
      out.push({ text: key, path: [...path, key] });
      stringsIn(v, [...path, key], out);
    }
}

const PLACEHOLDER = /\{([^{}]+)\}/g;
const VENUE_CONTROLS = new Set(['venue-cancel-all', 'venue-disable', 'venue-reconnect', 'venue-failover']);

export function checkReferences(profile: Declared, ctx: z.RefinementCtx): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  const names = (record: Record<string, unknown>) => Object.keys(record).join(', ') || 'none';

  const reads: { read: Read; path: Path }[] = [];
  readsIn({ sections: profile.sections, clock: profile.clock }, [], reads);
  for (const { read, path } of reads) {
    const service = serviceOf(read);
    const kind = 'http' in read ? 'http' : 'promql' in read ? 'promql' : 'alertmanager';
    if (service !== null && !Object.hasOwn(profile.http, service))
      issue(
        [...path, kind, 'service'],
        `no http service "${service}" is declared (declared: ${names(profile.http)})`,
      );
    if ('redis' in read && !Object.hasOwn(profile.redis, read.redis.connection))
      issue(
        [...path, 'redis', 'connection'],
        `no redis connection "${read.redis.connection}" is declared (declared: ${names(profile.redis)})`,
      );
  }

  for (const [name, connection] of Object.entries(
    profile.redis as Record<string, { passwordSecret?: string }>,
  ))
    if (connection.passwordSecret !== undefined && !Object.hasOwn(profile.secrets, connection.passwordSecret))
      issue(
        ['redis', name, 'passwordSecret'],
        `names no declared secret (declared: ${names(profile.secrets)})`,
      );

  for (const [controlId, binding] of Object.entries(profile.controls)) {
    if (!binding) continue;
    const at: Path = ['controls', controlId];
    if ('http' in binding && !Object.hasOwn(profile.http, binding.http.service))
      issue(
        [...at, 'http', 'service'],
        `no http service "${binding.http.service}" is declared (declared: ${names(profile.http)})`,
      );
    if ('redis' in binding && !Object.hasOwn(profile.redis, binding.redis.connection))
      issue(
        [...at, 'redis', 'connection'],
        `no redis connection "${binding.redis.connection}" is declared (declared: ${names(profile.redis)})`,
      );
  }

  const strings: { text: string; path: Path }[] = [];
  stringsIn({ http: profile.http, controls: profile.controls }, [], strings);
  for (const { text, path } of strings)
    for (const [, inner = ''] of text.matchAll(PLACEHOLDER)) {
      const controlId = path[0] === 'controls' ? String(path[1]) : null;
      const inHeader = path.includes('headers');
      const inPath = path[0] === 'controls' && path[2] === 'http' && path[3] === 'path';
      if (inPath && inner.startsWith('secret:')) {
        issue(path, `{${inner}} in a path would put a credential in a URL: send it in a header`);
        continue;
      }
      if (inHeader && !inner.startsWith('secret:') && inner !== 'key') {
        issue(
          path,
          `{${inner}} cannot go in a header (a reason may hold any character): headers take {secret:NAME} and {key}`,
        );
        continue;
      }
      if (inner.startsWith('secret:')) {
        const secret = inner.slice('secret:'.length);
        if (!Object.hasOwn(profile.secrets, secret))
          issue(path, `{${inner}} names no declared secret (declared: ${names(profile.secrets)})`);
      } else if (controlId === null) {
        issue(path, `{${inner}} cannot be used here: a service's settings take only {secret:NAME}`);
      } else if (inner === 'venue' && !VENUE_CONTROLS.has(controlId)) {
        issue(path, `{venue} is only known in a venue control (${[...VENUE_CONTROLS].join(', ')})`);
      } else if (
        !['reason', 'venue', 'operator', 'key'].includes(inner) &&
        !/^params\.[A-Za-z][A-Za-z0-9_]*$/.test(inner)
      ) {
        issue(
          path,
          `unknown placeholder {${inner}}: use {reason}, {venue}, {operator}, {key}, {params.NAME} or {secret:NAME}`,
        );
      }
    }
}
