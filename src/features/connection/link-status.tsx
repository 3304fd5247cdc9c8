import { formatAge } from '../../lib/format.ts';
import { useNow } from '../../lib/use-now.ts';
import { useConnectionReport } from '../../live/connection-store.ts';
import { useStatus } from '../../live/status-query.ts';
import { useSeveralSystems } from '../../systems/system-scope.tsx';

const phaseText = {
  connecting: 'connecting…',
  live: 'live via stream',
  polling: 'polling (stream lost)',
  unreachable: 'unreachable',
} as const;

/**
 * One quiet line that says how the board hears from the trading API: for the commander a glance,
 * for a drill the evidence that no event was lost (the last event and the number of re-syncs).
 */
export function LinkStatus() {
  const report = useConnectionReport();
  const eventId = useStatus((s) => s.eventId);
  const now = useNow(1000);
  // Beside the systems' buttons the one on screen is plain: its name would only crowd the header.
  const several = useSeveralSystems();
  return (
    <p
      className="text-sm text-slate-400 tabular-nums"
      data-testid="link-status"
      data-phase={report.phase}
      data-event-id={eventId ?? ''}
      data-resyncs={report.resyncs}
    >
      {several ? 'Link: ' : 'Trading API: '}
      <span className="font-semibold text-slate-200">{phaseText[report.phase]}</span>
      {report.phase !== 'live' && ` for ${formatAge(now - report.since)}`}
      {eventId !== undefined && ` · event #${eventId}`}
      {report.resyncs > 0 && ` · re-synced ${report.resyncs}×`}
    </p>
  );
}
