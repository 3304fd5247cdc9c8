import { describe, expect, test } from 'vitest';
import type { Connection } from '../../../contract/schemas.ts';
import { assessVenue } from './venue-status.ts';

const asOf = Date.parse('2025-03-14T09:30:30.000Z');
const DOWN_AFTER = 30_000;
const venue = (connection: Connection, msOld: number | null) => ({
  connection,
  lastMarketDataAt: msOld === null ? null : new Date(asOf - msOld).toISOString(),
});

describe('assessVenue', () => {
  test('market data just under the limit keeps the API state; at the limit the venue is DOWN', () => {
    expect(assessVenue(venue('CONNECTED', 29_900), asOf, DOWN_AFTER)).toEqual({
      status: 'CONNECTED',
      marketDataAgeMs: 29_900,
    });
    expect(assessVenue(venue('CONNECTED', 30_000), asOf, DOWN_AFTER)).toEqual({
      status: 'DOWN',
      marketDataAgeMs: 30_000,
    });
  });

  test('a venue that says CONNECTED with 31 s old market data is DOWN', () => {
    expect(assessVenue(venue('CONNECTED', 31_000), asOf, DOWN_AFTER).status).toBe('DOWN');
  });

  test.each<Connection>(['DEGRADED', 'DISCONNECTED'])('%s with old market data is DOWN too', (connection) => {
    expect(assessVenue(venue(connection, 45_000), asOf, DOWN_AFTER).status).toBe('DOWN');
  });

  test.each<Connection>(['CONNECTED', 'DEGRADED', 'DISCONNECTED'])(
    'with fresh market data the API state %s is trusted',
    (connection) => {
      expect(assessVenue(venue(connection, 200), asOf, DOWN_AFTER).status).toBe(connection);
    },
  );

  test('no market data ever received is not DOWN: the API state stands and the age is unknown', () => {
    expect(assessVenue(venue('CONNECTED', null), asOf, DOWN_AFTER)).toEqual({
      status: 'CONNECTED',
      marketDataAgeMs: null,
    });
  });

  test('the limit is the configured one', () => {
    expect(assessVenue(venue('CONNECTED', 6_000), asOf, 5_000).status).toBe('DOWN');
    expect(assessVenue(venue('CONNECTED', 6_000), asOf, 10_000).status).toBe('CONNECTED');
  });

  test('market data stamped a little after asOf (another host’s clock) counts as fresh, not negative', () => {
    expect(assessVenue(venue('CONNECTED', -150), asOf, DOWN_AFTER)).toEqual({
      status: 'CONNECTED',
      marketDataAgeMs: 0,
    });
  });
});
