// The shape of a personality: a seed trading system's own API over the shared simulator model.
// A personality is declared once (its services, the ports its seed shows them on, the model
// shape it needs) and created per host with the model in hand; its routes are thin, and what
// they answer comes from pure mapping functions beside them.
import type { IncomingHttpHeaders } from 'node:http';
import type { Simulator, SystemShape } from '../../model/simulator.ts';

export const PERSONALITY_NAMES = ['hft', 'rtes', 'eafix', 'smc', 'lav-adaf'] as const;
export type PersonalityName = (typeof PERSONALITY_NAMES)[number];

/** A request as a route sees it: the body already read, checked and parsed. */
export interface NativeRequest {
  method: string;
  path: string;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when none came. */
  body: unknown;
}

export type NativeReply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; text: string; contentType: string; headers?: Record<string, string> };

export type BodyRule =
  /** Any body is read (within the size limit) and ignored: the endpoint takes none. */
  | 'none'
  /** A JSON object may come. */
  | 'optional'
  /** A JSON object must come. */
  | 'required';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Segments; `:name` is a parameter. */
  path: string;
  /** Whether the seed playbook shows this method and path, or the simulator offers it in the system's style. */
  source: 'seed' | 'assumed';
  body?: BodyRule;
  handle(req: NativeRequest): NativeReply | Promise<NativeReply>;
}

export interface ServiceSpec {
  /** The name in `--service-port name=PORT` and on the start-up line. */
  name: string;
  /** The port the seed shows it on: documentation, not where the simulator binds it. */
  nativePort: number;
  /** Where the seed addresses it when not on localhost (`api.binance.com`). */
  seedHost?: string;
  /**
   * An exchange's public endpoint stands outside the system: its faults and crashes leave it
   * answering, and only its own exchange's outage takes it down.
   */
  outsideTheSystem?: boolean;
}

export interface PersonalityOptions {
  /** SMC: the Redis whose `emergency_halt` key halts trading. */
  redisUrl?: string;
  /** The process environment (LAV/ADAF reads EMERGENCY_TOKEN from it). */
  env: Readonly<Record<string, string | undefined>>;
}

export interface PersonalityRuntime {
  /** Routes by service name; every service of the definition has an entry. */
  routes: Record<string, readonly Route[]>;
  /** Stops background work (SMC's Redis watch). */
  stop?(): Promise<void>;
}

export interface PersonalityDef {
  name: PersonalityName;
  /** How the system calls itself, for the start-up line and the docs. */
  title: string;
  /** The first service is the main one: it shares its port with drill control. */
  services: readonly [ServiceSpec, ...ServiceSpec[]];
  shape: Partial<SystemShape>;
  /** The service whose GET /metrics serves the system's Prometheus exposition. */
  metricsService: string;
  /** An error in the system's own dialect (`{"error": …}`, `{"detail": …}`…), per service. */
  errorBody(status: number, message: string, service: string): unknown;
  create(sim: Simulator, options: PersonalityOptions): PersonalityRuntime;
}
