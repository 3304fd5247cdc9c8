import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { snapshotFixture } from '../../contract/fixtures.ts';
import { ConfigProvider } from '../config/config-context.tsx';
import { UNLISTED_SYSTEM_ID } from '../systems/resolve-systems.ts';
import { testConfig } from '../testing/render-live.tsx';
import { fromSnapshot } from './apply-event.ts';
import { connectionActions } from './connection-store.ts';
import { parseSnapshotParts } from './parse.ts';
import { statusKeys } from './status-query.ts';
import { useServerNow } from './use-server-now.ts';

function ServerNow() {
  const now = useServerNow();
  return <p>{now === undefined ? 'unknown' : new Date(now).toISOString()}</p>;
}

beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-01-05T10:00:00.000Z') }));
afterEach(() => vi.useRealTimers());

test("the trading system's clock ticks on between messages while the link is fresh, and stops when it is not", () => {
  const client = new QueryClient();
  const parts = parseSnapshotParts({ ...snapshotFixture, asOf: '2026-01-05T09:59:59.000Z' }, 'test');
  if (!parts.ok) throw new Error(parts.error);
  client.setQueryData(
    statusKeys.snapshot({ systemId: UNLISTED_SYSTEM_ID, apiBaseUrl: testConfig.apiBaseUrl }),
    fromSnapshot(parts.value, null, Date.now()),
  );
  // The newest message said 09:59:59.500 on its clock, and that was true at 10:00:00.000 on ours.
  connectionActions.connectionReported(UNLISTED_SYSTEM_ID, {
    phase: 'live',
    since: Date.now(),
    lastContactAt: Date.now(),
    problem: null,
    resyncs: 0,
    serverClock: { serverAt: Date.parse('2026-01-05T09:59:59.500Z'), clientAt: Date.now() },
  });
  render(
    <QueryClientProvider client={client}>
      <ConfigProvider config={{ ...testConfig, staleAfterMs: 3000 }}>
        <ServerNow />
      </ConfigProvider>
    </QueryClientProvider>,
  );
  expect(screen.getByText('2026-01-05T09:59:59.500Z')).toBeInTheDocument();
  act(() => vi.advanceTimersByTime(1000));
  expect(screen.getByText('2026-01-05T10:00:00.500Z')).toBeInTheDocument();
  act(() => vi.advanceTimersByTime(10_000)); // nothing heard for 11 s: no more than the 3 s stale threshold
  expect(screen.getByText('2026-01-05T10:00:02.500Z')).toBeInTheDocument();
});
