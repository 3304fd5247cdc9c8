import { randomBytes } from 'node:crypto';
import type { ExecutedCommand, Fault, ScenarioStart, SimState } from '../../contract/schemas.ts';
import { NodeService } from './node-service.ts';

/**
 * The simulated trading system, in drill mode, with one operator who may use every control: the
 * war-room server, whose connector holds the token.
 */
export class SimProcess extends NodeService {
  readonly seed: number;
  readonly operator: { name: string; token: string };

  constructor(port: number, seed: number, operator: { name: string; token: string }) {
    super('simulator', port);
    this.seed = seed;
    this.operator = operator;
  }

  start(): Promise<void> {
    const { name, token } = this.operator;
    // By environment, not argument: arguments are visible to every user in `ps`.
    return this.spawn(
      ['sim/host/main.ts', '--port', String(this.port), '--seed', String(this.seed), '--drill'],
      {
        WARROOM_SIM_OPERATORS: `${name}:${token}`,
      },
    );
  }

  state = () => this.call<SimState>('GET', '/__sim/state');
  startScenario = (start: ScenarioStart) => this.call<SimState>('POST', '/__sim/scenarios', start);
  stopScenario = (name: ScenarioStart['name']) => this.call<SimState>('DELETE', `/__sim/scenarios/${name}`);
  setFault = (fault: Fault) => this.call<SimState>('PUT', '/__sim/faults', fault);
  clearFault = () => this.call<SimState>('DELETE', '/__sim/faults');
  clock = (command: { paused?: boolean; speed?: number; advanceMs?: number }) =>
    this.call<SimState>('POST', '/__sim/clock', command);
  executed = async () =>
    (await this.call<{ commands: ExecutedCommand[] }>('GET', '/__sim/commands')).commands;

  /** Reads the trading API directly, as the test's independent view of the truth. */
  api<T>(path: string): Promise<T> {
    return this.call<T>('GET', `/api/v1/${path}`);
  }
}

/** Who may sign in, and the trading system the war-room server connects (the simulator). */
export interface WarRoomSetup {
  /** The operators file (hashes only). */
  operatorsFile: string;
  /** The simulator's URL, and the operator token the server (never a browser) sends it. */
  sim: { url: string; token: string };
}

/**
 * The war-room server on a fresh database: the store, the sign-in, and the connector that reads the
 * simulator through its profile and takes the controls to it.
 */
export class StoreProcess extends NodeService {
  readonly db: string;
  readonly setup: WarRoomSetup;
  /** Lets the tests cut the server's own streams to the dashboards (a drill fault, off by default). */
  readonly #drillToken = randomBytes(18).toString('base64url');

  constructor(port: number, db: string, setup: WarRoomSetup) {
    super('store', port);
    this.db = db;
    this.setup = setup;
  }

  start(): Promise<void> {
    const { operatorsFile, sim } = this.setup;
    // The token by environment, not argument: arguments are visible to every user in `ps`.
    return this.spawn(
      [
        'store/main.ts',
        '--port',
        String(this.port),
        '--db',
        this.db,
        '--operators',
        operatorsFile,
        '--profile',
        'profiles/sim.yaml',
      ],
      { WARROOM_SIM_URL: sim.url, WARROOM_SIM_TOKEN: sim.token, WARROOM_DRILL_TOKEN: this.#drillToken },
    );
  }

  /** Cuts the dashboards' streams of a system, and refuses new ones until restoreStreams(). */
  dropStreams = (system = 'sim') => this.#drill('PUT', system);
  restoreStreams = (system = 'sim') => this.#drill('DELETE', system);

  async #drill(method: 'PUT' | 'DELETE', system: string): Promise<void> {
    const response = await fetch(`${this.url}/api/systems/${system}/__drill/stream-drop`, {
      method,
      headers: { authorization: `Bearer ${this.#drillToken}` },
    });
    if (response.status !== 204)
      throw new Error(`stream drill ${method}: HTTP ${response.status} ${await response.text()}`);
  }

  /** The newest event id the connector has for a system: what a caught-up dashboard shows. */
  async lastEventId(system = 'sim'): Promise<number> {
    return (
      await this.call<{ lastEventId: number }>('GET', `/api/systems/${system}/v1/events?after=0&limit=1`)
    ).lastEventId;
  }
}
