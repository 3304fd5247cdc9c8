import type { ExecutedCommand, Fault, ScenarioStart, SimState } from '../../contract/schemas.ts';
import { NodeService } from './node-service.ts';

/** The simulated trading system, in drill mode, with one operator who may use every control. */
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

/** The war-room store on a fresh database. */
export class StoreProcess extends NodeService {
  readonly db: string;

  constructor(port: number, db: string) {
    super('store', port);
    this.db = db;
  }

  start(): Promise<void> {
    return this.spawn(['store/main.ts', '--port', String(this.port), '--db', this.db]);
  }
}
