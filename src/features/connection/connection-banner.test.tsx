import { screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { makeSim } from '../../testing/render-live.tsx';
import { profiled, renderSystems } from '../../testing/systems.ts';
import { ConnectionBanner } from './connection-banner.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

test('a system the war-room server cannot read is said unreachable, with the server’s words on why', async () => {
  window.history.replaceState(null, '', '/?system=rtes');
  const sim = (id: string) => {
    const made = makeSim();
    profiled(made.sim, { id });
    return made;
  };
  renderSystems(<ConnectionBanner />, [
    { id: 'hft', sim: sim('hft') },
    {
      id: 'rtes',
      sim: sim('rtes'),
      down: true,
      summary: { reachable: false, problem: 'RTES cannot be read: api /metrics: connection refused' },
    },
  ]);
  const banner = await screen.findByRole('alert', {}, { timeout: 3000 });
  expect(banner).toHaveTextContent(
    /Trading API unreachable since \d\d:\d\d:\d\d \(HTTP 503\) — RTES cannot be read: api \/metrics: connection refused — no data received yet/,
  );
});
