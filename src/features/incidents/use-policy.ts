import { useStatus } from '../../live/status-query.ts';
import { policyForSystem } from '../../warroom/sla.ts';
import type { PolicyName } from '../../warroom/sla.ts';

/** The seed policy of the trading system on screen, when its id names one ("rtes", "hft"). */
export function usePolicy(): PolicyName | undefined {
  return policyForSystem(useStatus((s) => s.system.id));
}
