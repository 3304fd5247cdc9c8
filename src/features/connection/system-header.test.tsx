import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { makeSim, renderLive } from '../../testing/render-live.tsx';
import { profiled, renderSystems } from '../../testing/systems.ts';
import { SystemHeader } from './system-header.tsx';

const system = (id: string, name: string, summary = {}) => {
  const sim = makeSim();
  profiled(sim.sim, { id, name });
  return { id, sim, summary };
};
const systems = () => screen.getByRole('group', { name: 'Trading systems' });
const choice = (name: RegExp) => within(systems()).getByRole('button', { name });

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('the header', () => {
  test('with one system it names it, as it always did', async () => {
    const sim = makeSim();
    renderLive(<SystemHeader />, { sim });
    expect(await screen.findByText('Simulated trading system')).toBeInTheDocument();
    expect(screen.getByText('SIMULATOR — not a live trading system')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Trading systems' })).not.toBeInTheDocument();
  });

  test('with several it shows each one’s trading state and freshness, in words and icons', async () => {
    const hft = system('hft', 'HFT');
    hft.sim.sim.setTradingState('HALTED', 'bob', 'exchange outage');
    renderSystems(<SystemHeader />, [system('rtes', 'RTES'), hft]);
    await waitFor(() => expect(choice(/^RTES/)).toHaveAttribute('aria-pressed', 'true'));
    expect(choice(/RTES/)).toHaveTextContent(/● ACTIVE\s*updated \d\.\d s ago/);
    expect(choice(/HFT/)).toHaveAttribute('aria-pressed', 'false');
    expect(choice(/HFT/)).toHaveTextContent('■ HALTED');
  });

  test('an unreachable system says so, with why in words on hover or focus', async () => {
    renderSystems(<SystemHeader />, [
      system('rtes', 'RTES'),
      system('lav', 'LAV/ADAF', {
        reachable: false,
        problem: 'GET https://lav.internal/health: connection refused',
        lastContactAt: '2026-01-05T09:58:12.000Z',
        tradingState: null,
      }),
    ]);
    const lav = await waitFor(() => choice(/LAV\/ADAF/));
    expect(lav).toHaveTextContent('✖ UNREACHABLE');
    expect(lav).toHaveTextContent(/last read \d\d:\d\d:\d\d/);
    expect(lav).toHaveAccessibleDescription('GET https://lav.internal/health: connection refused');
    expect(within(systems()).getByRole('tooltip', { hidden: true })).toHaveTextContent('connection refused');
  });

  test('a button switches the board to its system, remembered in the URL', async () => {
    renderSystems(<SystemHeader />, [system('rtes', 'RTES'), system('hft', 'HFT')]);
    fireEvent.click(await waitFor(() => choice(/HFT/)));
    await waitFor(() => expect(choice(/HFT/)).toHaveAttribute('aria-pressed', 'true'));
    expect(window.location.search).toBe('?system=hft');
    expect(choice(/RTES/)).toHaveAttribute('aria-pressed', 'false');
  });

  test('a link naming a system that is not configured says so and shows the first', async () => {
    window.history.replaceState(null, '', '/?system=smc');
    renderSystems(<SystemHeader />, [system('rtes', 'RTES'), system('hft', 'HFT')]);
    expect(await screen.findByText('No system “smc” is configured: showing RTES')).toBeInTheDocument();
  });
});
