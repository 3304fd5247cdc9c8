import type { SystemScope } from '../systems/system-scope.tsx';
import type { CommandCenter } from './command-center.ts';

/**
 * One command center per trading system, kept for the life of the tab: switching the board to
 * another system must not stop following a kill switch still in the air on the first one.
 */
export class CommandCenters {
  private readonly centers = new Map<string, CommandCenter>();
  private readonly make: (system: SystemScope) => CommandCenter;

  constructor(make: (system: SystemScope) => CommandCenter) {
    this.make = make;
  }

  /** The center for a system, made the first time it is asked for. */
  for(system: SystemScope): CommandCenter {
    const key = `${system.systemId}\u0000${system.apiBaseUrl}`;
    let center = this.centers.get(key);
    if (!center) this.centers.set(key, (center = this.make(system)));
    return center;
  }

  dispose(): void {
    for (const center of this.centers.values()) center.dispose();
    this.centers.clear();
  }
}
