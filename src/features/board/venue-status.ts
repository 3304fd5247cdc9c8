import type { Connection, Venue } from '../../../contract/schemas.ts';

/** What the board shows for a venue: the API's connection state, or DOWN when its feed is silent. */
export type VenueStatus = Connection | 'DOWN';

export interface VenueAssessment {
  status: VenueStatus;
  /** How old the venue's market data is by the trading system's clock; null if none ever came. */
  marketDataAgeMs: number | null;
}

/**
 * A venue whose market data is `downAfterMs` old is DOWN, whatever its session state says: a
 * gateway can report CONNECTED on a live TCP session while the exchange has stopped quoting,
 * and trading on quotes that old is trading blind. Otherwise the API's own state is trusted,
 * including DISCONNECTED with fresh data (the session dropped a moment ago; the data is not the
 * news). A venue that never sent market data is not called DOWN: there is no silence to measure
 * yet, and the tile says "no market data yet" instead.
 *
 * Ages are measured against `asOfMs`, the trading system's clock at the last event, never the
 * browser's: the two clocks differ, and the board's own staleness is shown separately.
 */
export function assessVenue(
  venue: Pick<Venue, 'connection' | 'lastMarketDataAt'>,
  asOfMs: number,
  downAfterMs: number,
): VenueAssessment {
  if (venue.lastMarketDataAt === null) return { status: venue.connection, marketDataAgeMs: null };
  // A feed timestamp slightly ahead of asOf (clocks of two hosts) is fresh, not negative.
  const marketDataAgeMs = Math.max(0, asOfMs - Date.parse(venue.lastMarketDataAt));
  const status = marketDataAgeMs >= downAfterMs ? 'DOWN' : venue.connection;
  return { status, marketDataAgeMs };
}
