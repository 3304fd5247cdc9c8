// Carries out a control through the system's own API, at most once per idempotency key. Native
// APIs take no key, so the connector keeps them: a retry of a command that ran gets its first
// receipt; a retry of one whose fate is unknown (the system timed out) is NOT sent again — the
// board shows whether it took effect, and a deliberate new command takes a new key. Only a
// request that certainly never arrived (connection refused) may be sent again under its key —
// or, to a system that takes the key itself ({key} in the request), any request whose fate is
// unknown: that system answers a repeat with its first receipt.
import { createHash, randomUUID } from 'node:crypto';
import type { ControlId, ControlReceipt, TradingStateName } from '../../contract/schemas.ts';
import type { ControlBinding, HttpControl, RedisControl } from '../profile/controls.ts';
import { redactor } from '../read/redact.ts';
import type { RedisPool } from '../read/redis-pool.ts';
import { fillBody, fillPath, fillString, TemplateError } from './template.ts';
import type { TemplateValues } from './template.ts';

export interface CommandInput {
  key: string;
  controlId: ControlId;
  venueId?: string;
  params?: Record<string, unknown>;
  reason: string;
  operator: string;
}

export type CommandOutcome =
  | { kind: 'executed' | 'duplicate'; receipt: ControlReceipt }
  /** Nothing ran, and nothing will: the request is wrong, or the system refused it. */
  | { kind: 'refused'; status: 400 | 404 | 409 | 422 | 501; detail: string }
  /** It may have run: the key is spent, so a retry cannot run it twice. */
  | { kind: 'uncertain'; status: 502 | 504; detail: string }
  /** It certainly did not arrive: a retry with the same key is sent. */
  | { kind: 'unreachable'; status: 503; detail: string };

/** Where the keys outlive this server (the war-room store), for one system. */
export interface KeyLedger {
  get(key: string): Promise<{ fingerprint: string; outcome: string } | null>;
  put(key: string, fingerprint: string, outcome: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface ExecutorContext {
  /** Absent: keys are kept in memory only (tests, a connector without a store). */
  keys?: KeyLedger;
  systemName: string;
  bindings: Partial<Record<ControlId, ControlBinding>>;
  urls: Record<string, string>;
  serviceHeaders: Record<string, Record<string, string>>;
  timeouts: Record<string, number>;
  secrets: Record<string, string>;
  redis: RedisPool;
  venueIds(): string[] | null;
  now(): number;
  fetch?: typeof fetch;
}

const TARGET: Partial<Record<ControlId, TradingStateName>> = {
  'kill-switch': 'KILLED',
  halt: 'HALTED',
  resume: 'ACTIVE',
  'reduce-positions': 'REDUCING',
};
/** What a key sent but not answered when this server stopped stands for: it may have run. */
const SENT_UNKNOWN: CommandOutcome = {
  kind: 'uncertain',
  status: 502,
  detail:
    'the war-room server stopped while the command was on its way: it may or may not have run — watch the board before sending another',
};

const VENUE_CONTROLS = new Set<ControlId>([
  'venue-cancel-all',
  'venue-disable',
  'venue-reconnect',
  'venue-failover',
]);
const MAX_KEYS = 10_000;

type Entry = { print: string } & (
  { state: 'running'; done: Promise<CommandOutcome> } | { state: 'done'; outcome: CommandOutcome }
);

/** Whether the request carries the command's own key ({key}): the system then runs it once per key. */
function takesKey(binding: HttpControl | RedisControl): boolean {
  return 'http' in binding && JSON.stringify(binding.http).includes('{key}');
}

const fingerprint = (input: CommandInput) =>
  createHash('sha256')
    .update(JSON.stringify([input.controlId, input.venueId ?? null, input.params ?? null, input.reason]))
    .digest('hex');

function failure(error: unknown, timeoutMs: number): CommandOutcome {
  const name = (error as { name?: string } | null)?.name;
  const code = (error as { cause?: { code?: string } } | null)?.cause?.code;
  if (code === 'ECONNREFUSED')
    return {
      kind: 'unreachable',
      status: 503,
      detail: 'the system refused the connection: the command was not delivered',
    };
  // Thrown before anything went on the wire (a header value fetch will not send): a refusal.
  if (error instanceof TypeError && (error as { cause?: unknown }).cause === undefined)
    return { kind: 'refused', status: 400, detail: `the request could not be made: ${error.message}` };
  if (name === 'TimeoutError' || name === 'AbortError')
    return {
      kind: 'uncertain',
      status: 504,
      detail: `no answer within ${timeoutMs} ms: the command may or may not have run — watch the board before sending another`,
    };
  return {
    kind: 'uncertain',
    status: 502,
    detail: `the connection failed mid-request (${code ?? (error instanceof Error ? error.message : String(error))}): the command may or may not have run`,
  };
}

export class ControlExecutor {
  #ctx: ExecutorContext;
  #ledger = new Map<string, Entry>();

  #redact: (text: string) => string;

  constructor(ctx: ExecutorContext) {
    this.#ctx = ctx;
    this.#redact = redactor(ctx.secrets);
  }

  async run(input: CommandInput): Promise<CommandOutcome> {
    const binding = this.#ctx.bindings[input.controlId];
    if (!binding)
      return {
        kind: 'refused',
        status: 501,
        detail: `${this.#ctx.systemName} does not offer ${input.controlId}`,
      };
    if ('run' in binding)
      return {
        kind: 'refused',
        status: 501,
        detail: `${this.#ctx.systemName} offers ${input.controlId} only by hand: run \`${binding.run}\``,
      };
    const venueProblem = this.#checkVenue(input);
    if (venueProblem) return { kind: 'refused', status: 400, detail: venueProblem };

    const print = fingerprint(input);
    const held = this.#ledger.get(input.key);
    if (held) {
      if (held.print !== print)
        return {
          kind: 'refused',
          status: 409,
          detail: `the key ${input.key} was used for a different command`,
        };
      const outcome = held.state === 'running' ? await held.done : held.outcome;
      return outcome.kind === 'executed'
        ? { kind: 'duplicate', receipt: { ...outcome.receipt, outcome: 'duplicate' } }
        : outcome;
    }
    const done = this.#decide(binding, input, print);
    this.#remember(input.key, { print, state: 'running', done });
    const outcome = await done;
    if (
      outcome.kind === 'unreachable' ||
      (outcome.kind === 'refused' && outcome.status !== 409) ||
      this.#resendable(binding, outcome)
    )
      this.#ledger.delete(input.key);
    else this.#ledger.set(input.key, { print, state: 'done', outcome });
    return outcome;
  }

  /**
   * Never delivered — or of unknown fate on a system that keeps our key itself, so that sending
   * it again cannot run it twice: the key is forgotten, and the retry the dashboard makes is sent.
   */
  #resendable(binding: HttpControl | RedisControl, outcome: CommandOutcome): boolean {
    return outcome.kind === 'uncertain' && takesKey(binding);
  }

  /**
   * What a key not in memory comes to: its stored outcome when this server sent it before (a
   * restart between a command and its retry), else the command sent now — recorded as of
   * unknown fate before it goes, so that a crash while it is on the wire cannot lead to a resend.
   */
  async #decide(
    binding: HttpControl | RedisControl,
    input: CommandInput,
    print: string,
  ): Promise<CommandOutcome> {
    const keys = this.#ctx.keys;
    const stored = await keys?.get(input.key);
    if (stored) {
      if (stored.fingerprint !== print)
        return {
          kind: 'refused',
          status: 409,
          detail: `the key ${input.key} was used for a different command`,
        };
      const first = JSON.parse(stored.outcome) as CommandOutcome;
      if (first.kind === 'executed')
        return { kind: 'duplicate', receipt: { ...first.receipt, outcome: 'duplicate' } };
      if (!this.#resendable(binding, first)) return first;
    }
    await keys?.put(input.key, print, JSON.stringify(SENT_UNKNOWN));
    const sent = await this.#perform(binding, input);
    const outcome = 'detail' in sent ? { ...sent, detail: this.#redact(sent.detail) } : sent;
    if (outcome.kind === 'unreachable' || outcome.kind === 'refused' || this.#resendable(binding, outcome))
      await keys?.delete(input.key);
    else await keys?.put(input.key, print, JSON.stringify(outcome));
    return outcome;
  }

  #remember(key: string, entry: Entry): void {
    this.#ledger.set(key, entry);
    if (this.#ledger.size > MAX_KEYS) this.#ledger.delete(this.#ledger.keys().next().value as string);
  }

  #checkVenue(input: CommandInput): string | null {
    if (!VENUE_CONTROLS.has(input.controlId))
      return input.venueId !== undefined ? `${input.controlId} takes no venue` : null;
    if (input.venueId === undefined || input.venueId === '') return `${input.controlId} needs a venueId`;
    const known = this.#ctx.venueIds();
    if (known !== null && !known.includes(input.venueId))
      return `${this.#ctx.systemName} has no venue "${input.venueId.slice(0, 100)}" (venues: ${known.join(', ') || 'none'})`;
    return null;
  }

  async #perform(binding: HttpControl | RedisControl, input: CommandInput): Promise<CommandOutcome> {
    const values: TemplateValues = {
      key: input.key,
      reason: input.reason,
      venue: input.venueId,
      operator: input.operator,
      params: input.params ?? {},
      secrets: this.#ctx.secrets,
    };
    try {
      const refused = 'http' in binding ? await this.#http(binding, values) : await this.#redis(binding);
      if (refused) return refused;
    } catch (error) {
      if (error instanceof TemplateError) return { kind: 'refused', status: 400, detail: error.message };
      throw error;
    }
    return {
      kind: 'executed',
      receipt: {
        // Unique across restarts of this server: receipts of two lives never share an id.
        commandId: `cmd-${randomUUID()}`,
        idempotencyKey: input.key,
        controlId: input.controlId,
        venueId: input.venueId ?? null,
        outcome: 'accepted',
        operator: input.operator,
        receivedAt: new Date(this.#ctx.now()).toISOString(),
        expectedTradingState: TARGET[input.controlId] ?? null,
      },
    };
  }

  async #http(binding: HttpControl, values: TemplateValues): Promise<CommandOutcome | null> {
    const { service, method, path, body, headers, okStatus } = binding.http;
    const timeoutMs = this.#ctx.timeouts[service] ?? 2000;
    const filled = Object.fromEntries(
      Object.entries(headers ?? {}).map(([k, v]) => [k, fillString(v, values)]),
    );
    const payload = body === undefined ? undefined : JSON.stringify(fillBody(body, values));
    let response: Response;
    try {
      response = await (this.#ctx.fetch ?? globalThis.fetch)(
        `${this.#ctx.urls[service]}${fillPath(path, values)}`,
        {
          method,
          headers: {
            ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
            ...this.#ctx.serviceHeaders[service],
            ...filled,
          },
          body: payload,
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        },
      );
    } catch (error) {
      return failure(error, timeoutMs);
    }
    const text = (await response.text().catch(() => '')).slice(0, 300);
    const accepted = okStatus ? okStatus.includes(response.status) : response.ok;
    if (accepted) return null;
    // A success the profile did not expect: it may well have run, so it is not a refusal.
    if (response.status >= 500 || response.ok)
      return {
        kind: 'uncertain',
        status: 502,
        detail: `${this.#ctx.systemName} answered HTTP ${response.status}${text ? `: ${text}` : ''}; the command may or may not have run`,
      };
    return {
      kind: 'refused',
      status: 422,
      detail: `${this.#ctx.systemName} refused it: HTTP ${response.status}${text ? `: ${text}` : ''}`,
    };
  }

  async #redis(binding: RedisControl): Promise<CommandOutcome | null> {
    const spec = binding.redis;
    try {
      const client = await this.#ctx.redis.ready(spec.connection);
      if ('set' in spec) {
        const { key, value, ttlSeconds } = spec.set;
        await (ttlSeconds !== undefined ? client.set(key, value, 'EX', ttlSeconds) : client.set(key, value));
      } else await client.del(spec.del.key);
      return null;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      // With no offline queue, a closed connection refuses the command before it is written.
      if (/no connection|closed|not writeable|ECONNREFUSED|enableOfflineQueue/i.test(text))
        return {
          kind: 'unreachable',
          status: 503,
          detail: `redis ${spec.connection} is unreachable (${text}): the command was not delivered`,
        };
      return {
        kind: 'uncertain',
        status: 502,
        detail: `redis ${spec.connection}: ${text}; the command may or may not have run`,
      };
    }
  }
}
