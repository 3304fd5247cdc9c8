import { GENERIC_PLAYBOOK_SYSTEM } from '../../../../contract/store-schemas.ts';
import { useStatus } from '../../../live/status-query.ts';
import { useSystemsView } from '../../../systems/system-scope.tsx';

/**
 * The ids offered for an imported playbook's system: the systems this board is connected to
 * (the one it speaks to, when none are listed), and generic.
 */
export function useSystemChoices(): string[] {
  const listed = useSystemsView().systems?.map((s) => s.id);
  const unlisted = useStatus((s) => s.system.id);
  const connected = listed ?? (unlisted === undefined ? [] : [unlisted]);
  return [...new Set([...connected, GENERIC_PLAYBOOK_SYSTEM])];
}
