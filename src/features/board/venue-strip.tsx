import type { Connection } from '../../../contract/schemas.ts';
import { Panel } from '../../components/ui/panel.tsx';
import { formatAge } from '../../lib/format.ts';
import { useDataAge } from '../../live/use-data-age.ts';
import { useStatus } from '../../live/status-query.ts';

const look: Record<Connection, { icon: string; className: string }> = {
  CONNECTED: { icon: '●', className: 'border-emerald-600 text-emerald-300' },
  DEGRADED: { icon: '◐', className: 'border-amber-500 text-amber-300' },
  DISCONNECTED: { icon: '✖', className: 'border-red-500 text-red-300' },
};

/** Venue connectivity with the age of each venue's last market data, by the server's clock. */
export function VenueStrip() {
  const venues = useStatus((s) => s.venues);
  const asOf = useStatus((s) => Date.parse(s.asOf));
  const age = useDataAge();

  return (
    <Panel title="Venues" age={age}>
      {!venues || asOf === undefined ? (
        <p className="text-slate-400">no data yet</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 xl:grid-cols-4">
          {venues.map((venue) => {
            const { icon, className } = look[venue.connection];
            const mdAge = venue.lastMarketDataAt === null ? null : asOf - Date.parse(venue.lastMarketDataAt);
            return (
              <li
                key={venue.id}
                className={`rounded border-l-4 bg-slate-800 px-3 py-2 ${className}`}
                aria-label={venue.name}
              >
                <p className="text-lg font-semibold text-white">{venue.name}</p>
                <p className="font-semibold">
                  <span aria-hidden="true">{icon} </span>
                  {venue.connection}
                </p>
                <p className="text-sm text-slate-300">
                  market data {mdAge === null ? 'never received' : `${formatAge(mdAge)} old`} ·{' '}
                  {venue.openOrders} open orders
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
