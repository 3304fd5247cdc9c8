import { useRuntimeConfig } from '../../config/config-context.tsx';
import { formatClock } from '../../lib/format.ts';
import { useNow } from '../../lib/use-now.ts';
import { SYSTEMS_POLL_MS } from '../../systems/system-directory.ts';
import { useSystemScope, useSystemsView } from '../../systems/system-scope.tsx';
import { SystemChoice } from './system-choice.tsx';

/**
 * Every configured trading system at a glance, and the buttons that switch the board between
 * them. Shown only when several share the board; with one, the header reads as it always did.
 */
export function SystemSwitcher() {
  const { systems, select, listProblem, listReadAt, unknownChoice } = useSystemsView();
  const { systemId } = useSystemScope();
  const { staleAfterMs } = useRuntimeConfig();
  const now = useNow(1000);
  if (!systems || systems.length < 2) return null;
  const shown = systems.find((s) => s.id === systemId);
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
      <div role="group" aria-label="Trading systems" className="flex flex-wrap items-center gap-1.5">
        {systems.map((system) => (
          <SystemChoice
            key={system.id}
            system={system}
            selected={system.id === systemId}
            now={now}
            // Read every 2 s by the board, by the server at its own pace: allow for both.
            staleAfterMs={staleAfterMs + SYSTEMS_POLL_MS}
            onSelect={() => select(system.id)}
          />
        ))}
      </div>
      {unknownChoice && (
        <p role="status" className="text-sm text-amber-300">
          No system “{unknownChoice}” is configured: showing {shown?.name}
        </p>
      )}
      {listProblem && (
        <p role="status" className="text-sm text-amber-300" title={listProblem}>
          ⚠ System list {listReadAt ? `as of ${formatClock(listReadAt)}` : 'not read'}: the war-room server is
          not answering
        </p>
      )}
    </div>
  );
}
