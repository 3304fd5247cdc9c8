import type { Venue } from '../../../contract/schemas.ts';
import { Panel } from '../../components/ui/panel.tsx';
import { useThresholds } from '../../live/use-thresholds.ts';
import { formatAge } from '../../lib/format.ts';
import { useSection } from '../../live/use-section.ts';
import { SectionBody } from './section-body.tsx';
import { StatusLabel } from './status-label.tsx';
import type { StatusLook } from './status-label.tsx';
import { assessVenue } from './venue-status.ts';
import type { VenueAssessment, VenueStatus } from './venue-status.ts';

const look: Record<VenueStatus, StatusLook> = {
  CONNECTED: {
    icon: '●',
    word: 'CONNECTED',
    text: 'text-emerald-300',
    tile: 'border-emerald-600 bg-slate-800',
  },
  DEGRADED: { icon: '◐', word: 'DEGRADED', text: 'text-amber-300', tile: 'border-amber-500 bg-slate-800' },
  DISCONNECTED: {
    icon: '○',
    word: 'DISCONNECTED',
    text: 'text-red-300',
    tile: 'border-red-500 bg-slate-800',
  },
  DOWN: { icon: '✖', word: 'DOWN', text: 'text-red-200', tile: 'border-red-500 bg-red-950/70' },
};

/**
 * One tile per venue, in the API's order rather than sorted by state: there are few venues and
 * the desk finds its exchange by position on the wall screen, which must not move as states change.
 */
export function VenueGrid({ className }: { className?: string }) {
  const { value, problem, age, notOffered } = useSection('venues');
  const { marketDataDownAfterMs } = useThresholds();
  return (
    <Panel title="Venues" age={age} problem={problem} notOffered={notOffered} className={className}>
      <SectionBody value={value}>
        {(venues, asOfMs) => {
          const rows = venues.map((venue) => ({
            venue,
            assessment: assessVenue(venue, asOfMs, marketDataDownAfterMs),
          }));
          const connected = rows.filter((r) => r.assessment.status === 'CONNECTED').length;
          return (
            <>
              <p
                className={`mb-2 font-semibold ${connected < venues.length ? 'text-amber-300' : 'text-slate-300'}`}
              >
                {connected} of {venues.length} connected
              </p>
              <ul className="grid grid-cols-[repeat(auto-fill,minmax(11.5rem,1fr))] gap-2">
                {rows.map(({ venue, assessment }) => (
                  <VenueTile key={venue.id} venue={venue} assessment={assessment} />
                ))}
              </ul>
            </>
          );
        }}
      </SectionBody>
    </Panel>
  );
}

function marketDataText({ status, marketDataAgeMs }: VenueAssessment): string {
  if (marketDataAgeMs === null) return 'no market data yet';
  // Once DOWN the age is the news: say it as silence, not as a freshness figure.
  if (status === 'DOWN') return `no market data for ${formatAge(marketDataAgeMs)}`;
  return `market data ${formatAge(marketDataAgeMs)} old`;
}

function VenueTile({ venue, assessment }: { venue: Venue; assessment: VenueAssessment }) {
  const venueLook = look[assessment.status];
  return (
    <li
      aria-label={venue.name}
      data-status={assessment.status}
      className={`rounded border-l-4 px-3 py-2 ${venueLook.tile}`}
    >
      <p className="text-lg font-semibold text-white">{venue.name}</p>
      <StatusLabel look={venueLook} className="text-lg" />
      <p
        className={`text-sm ${assessment.status === 'DOWN' ? 'font-semibold text-red-200' : 'text-slate-300'}`}
      >
        {marketDataText(assessment)}
      </p>
      <p className="text-sm text-slate-300">
        {venue.openOrders} open order{venue.openOrders === 1 ? '' : 's'}
      </p>
      {!venue.enabled && <p className="text-sm font-semibold text-amber-300">⏸ routing disabled</p>}
    </li>
  );
}
