import { useStatus } from './status-query.ts';
import { useRuntimeConfig } from '../config/config-context.tsx';
import { thresholdsFor } from '../config/runtime-config.ts';
import type { Thresholds } from '../config/thresholds.ts';

/** The thresholds of the trading system the board is watching (see thresholdsFor). */
export function useThresholds(): Thresholds {
  const config = useRuntimeConfig();
  const systemId = useStatus((s) => s.system.id);
  const own = useStatus((s) => s.system.thresholds);
  return thresholdsFor(config, systemId, own);
}
