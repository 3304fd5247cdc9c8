import { useStatus } from '../../live/status-query.ts';
import { useSystemsView } from '../../systems/system-scope.tsx';

/**
 * The name of the system a command went to: as the war-room server lists it, else — the board's
 * one unlisted system — the name its own API gives.
 */
export function useSystemNames(): (systemId: string | undefined) => string {
  const { systems } = useSystemsView();
  const onBoard = useStatus((s) => s.system.name);
  return (systemId) => systems?.find((s) => s.id === systemId)?.name ?? onBoard ?? 'the trading system';
}
