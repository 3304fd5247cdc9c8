import { useStatus } from '../live/status-query.ts';
import { useRuntimeConfig } from './config-context.tsx';
import { thresholdsFor } from './runtime-config.ts';
import type { Thresholds } from './thresholds.ts';

/** The thresholds of the trading system the board is watching. */
export function useThresholds(): Thresholds {
  const config = useRuntimeConfig();
  const systemId = useStatus((s) => s.system.id);
  return thresholdsFor(config, systemId);
}
