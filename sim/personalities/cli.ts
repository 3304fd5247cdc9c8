// The command-line half of a personality: which one, where its other services listen, and the
// Redis the SMC system halts through. Pure, so that every mistake is one line before anything
// binds a port.
import { PERSONALITIES } from './registry.ts';
import { PERSONALITY_NAMES } from './kit/types.ts';
import type { PersonalityDef } from './kit/types.ts';

export interface PersonalityChoice {
  def: PersonalityDef;
  servicePorts: Record<string, number>;
  redisUrl?: string;
}

export interface PersonalityArgs {
  personality?: string;
  servicePorts: readonly string[];
  redis?: string;
  operators: number;
}

type Result = { ok: true; value: PersonalityChoice | null } | { ok: false; error: string };
const fail = (error: string): Result => ({ ok: false, error });

function parseRedisUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    const port = url.port === '' ? 6379 : Number(url.port);
    if (url.protocol !== 'redis:' || url.hostname === '' || !(port > 0 && port < 65536)) return null;
    return raw;
  } catch {
    return null;
  }
}

export function choosePersonality(args: PersonalityArgs): Result {
  if (args.personality === undefined) {
    if (args.servicePorts.length > 0) return fail('--service-port needs --personality');
    if (args.redis !== undefined) return fail('--redis needs --personality smc');
    return { ok: true, value: null };
  }
  const def = Object.hasOwn(PERSONALITIES, args.personality)
    ? PERSONALITIES[args.personality as keyof typeof PERSONALITIES]
    : undefined;
  if (!def) return fail(`unknown personality "${args.personality}" (one of ${PERSONALITY_NAMES.join(', ')})`);
  if (args.operators > 0)
    return fail(
      `--operator applies to the canonical API; the ${def.name} personality serves its native API, which has no operators`,
    );
  const [main, ...others] = def.services;
  const names = others.map((s) => s.name);
  const servicePorts: Record<string, number> = {};
  for (const spec of args.servicePorts) {
    const match = /^([a-z][a-z0-9-]*)=(\d{1,5})$/.exec(spec);
    if (!match) return fail(`--service-port must be NAME=PORT, got "${spec}"`);
    const [, name = '', portText = ''] = match;
    const port = Number(portText);
    if (name === main.name) return fail(`--service-port: ${name} is the main service; its port is --port`);
    if (!names.includes(name))
      return fail(
        `--service-port: the ${def.name} personality has no service "${name}" (${names.length > 0 ? `its others are ${names.join(', ')}` : 'it has only the main one'})`,
      );
    if (port > 65535) return fail(`--service-port: ${port} is not a port number`);
    if (name in servicePorts) return fail(`--service-port: ${name} is given twice`);
    servicePorts[name] = port;
  }
  if (args.redis !== undefined) {
    if (def.name !== 'smc') return fail(`--redis applies to the smc personality only, not ${def.name}`);
    if (parseRedisUrl(args.redis) === null)
      return fail(`--redis must be redis://HOST:PORT, got "${args.redis}"`);
  }
  return {
    ok: true,
    value: { def, servicePorts, ...(args.redis !== undefined ? { redisUrl: args.redis } : {}) },
  };
}

/** `api=http://127.0.0.1:8080 binance=http://127.0.0.1:41234`, every service in order. */
export function describeServices(ports: ReadonlyMap<string, number>, host = '127.0.0.1'): string {
  return [...ports].map(([name, port]) => `${name}=http://${host}:${port}`).join(' ');
}
