import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { auditPageSchema } from '../../../contract/store-schemas.ts';
import { call } from '../../../store/test-support.ts';
import { resetCommands } from '../../controls/command-center.ts';
import { makeSim, renderLive } from '../../testing/render-live.tsx';
import { commander, warRoomServer } from '../../testing/war-room-session.ts';
import { profiled } from '../../testing/systems.ts';
import { resetWarRoomClient, WarRoomSync, warRoomStoreFactory } from '../../testing/war-room-store.tsx';
import { ControlBar } from './control-bar.tsx';

// Controls as a system's profile shapes them: some offered only by hand, some it cannot confirm.
// The simulator behind msw plays the system; a real in-process store takes the audit records.

const startStore = warRoomStoreFactory();

afterEach(() => {
  vi.unstubAllGlobals();
  resetCommands();
  resetWarRoomClient();
});

async function renderBar(info: Parameters<typeof profiled>[1]) {
  const store = await startStore();
  const sim = makeSim();
  profiled(sim.sim, { name: 'RTES', ...info });
  const rendered = renderLive(
    <>
      <WarRoomSync />
      <ControlBar />
    </>,
    {
      sim,
      // Signed in as a commander: the war-room server answers with the session, and takes the controls.
      handlers: warRoomServer({ sim: sim.sim, storeBaseUrl: store.baseUrl, signedIn: commander }).handlers,
      config: {
        storeBaseUrl: store.baseUrl,
        controls: { holdMs: 50, confirmDeadlineMs: 300, requestTimeoutMs: 1000 },
      },
    },
  );
  await screen.findByText(commander.name);
  return { store, sim, ...rendered };
}

const audit = async (store: Awaited<ReturnType<typeof startStore>>) =>
  auditPageSchema.parse((await call(store.api('/audit'))).body).records;

describe('controls as the system offers them', () => {
  test('a control offered only by hand shows its exact command to copy, and is done only once ticked', async () => {
    const command = "ssh ops@rtes-gw1 'sudo systemctl stop rtes-order-gateway'";
    const { store, sim } = await renderBar({
      manualControls: [{ controlId: 'halt', command, note: 'on rtes-gw1, as ops' }],
    });
    const opener = await screen.findByRole('button', { name: 'Halt trading · by hand ○ not done' });
    fireEvent.click(opener);
    const halt = screen.getByRole('group', { name: 'Halt trading, by hand' });
    expect(within(halt).getByText(command)).toBeInTheDocument();
    expect(within(halt).getByRole('button', { name: 'Copy command' })).toBeInTheDocument();
    expect(halt).toHaveTextContent('on rtes-gw1, as ops');
    // No button that would send it: the trading system cannot take it.
    expect(screen.getAllByRole('button', { name: /Halt trading/ })).toEqual([opener]);
    const tick = within(halt).getByRole('checkbox', { name: 'I ran it: mark as done' });
    expect(tick).not.toBeChecked();
    expect(screen.queryByRole('list', { name: 'Commands' })).not.toBeInTheDocument();

    fireEvent.click(tick);
    expect(
      within(halt).getByRole('checkbox', { name: /^Done by hand — ticked at \d\d:\d\d:\d\d$/ }),
    ).toBeChecked();
    const row = screen.getByRole('listitem', { name: 'Halt trading' });
    expect(row).toHaveAttribute('data-phase', 'done-by-hand');
    expect(row).toHaveTextContent(
      'DONE BY HAND — ticked in the war room; RTES was not asked and cannot confirm it',
    );
    // Recorded like a fired control; nothing was sent to the trading system.
    await vi.waitFor(async () =>
      expect(await audit(store)).toEqual([
        expect.objectContaining({
          controlId: 'halt',
          operator: 'alice',
          result: 'confirmed',
          detail: expect.stringContaining(command),
        }),
      ]),
    );
    expect(sim.sim.executedCommands()).toHaveLength(0);
  });

  test('on a system that cannot confirm it, an accepted halt says so and is never CONFIRMED', async () => {
    const { store, sim } = await renderBar({ unconfirmable: ['halt'] });
    const button = await screen.findByRole('button', { name: /Halt trading/ });
    fireEvent.pointerDown(button, { button: 0 });
    await act(() => new Promise((r) => setTimeout(r, 80)));
    fireEvent.pointerUp(button);
    const row = await screen.findByRole('listitem', { name: 'Halt trading' });
    await vi.waitFor(() => expect(row).toHaveTextContent('sent — RTES cannot confirm it'));
    expect(sim.sim.snapshot().tradingState.state).toBe('HALTED');
    // Past the 300 ms deadline, with HALTED on the board: still only sent, never confirmed or loud.
    await act(() => new Promise((r) => setTimeout(r, 500)));
    expect(row).toHaveAttribute('data-phase', 'accepted');
    expect(row).not.toHaveTextContent(/CONFIRMED/);
    await vi.waitFor(async () => expect((await audit(store)).map((r) => r.result)).toEqual(['accepted']));
  });

  test('a resume offered only by hand is its command at once: no override to type, the tick records the checks', async () => {
    const command = 'systemctl restart rtes-trading-exchange';
    const { store } = await renderBar({ manualControls: [{ controlId: 'resume', command, note: null }] });
    const opener = await screen.findByRole('button', { name: 'Resume trading · by hand ○ not done' });
    expect(screen.queryByRole('button', { name: 'Resume trading…' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/Override/)).not.toBeInTheDocument();
    fireEvent.click(opener);
    const resume = screen.getByRole('group', { name: 'Resume trading, by hand' });
    expect(within(resume).getByText(command)).toBeInTheDocument();
    fireEvent.click(within(resume).getByRole('checkbox', { name: 'I ran it: mark as done' }));
    await vi.waitFor(async () =>
      expect(await audit(store)).toEqual([
        expect.objectContaining({
          controlId: 'resume',
          result: 'confirmed',
          reason: 'by hand: no active incident',
        }),
      ]),
    );
  });

  test('one popover at a time: pressing elsewhere or Escape closes a command panel and "More controls"', async () => {
    await renderBar({ manualControls: [{ controlId: 'halt', command: './halt.sh', note: null }] });
    const opener = await screen.findByRole('button', { name: 'Halt trading · by hand ○ not done' });
    fireEvent.click(opener);
    const halt = screen.getByRole('group', { name: 'Halt trading, by hand', hidden: true });
    expect(halt).toBeVisible();
    // A press inside the panel keeps it open; one outside closes it.
    fireEvent.pointerDown(within(halt).getByRole('button', { name: 'Copy command' }));
    expect(halt).toBeVisible();
    const more = screen.getByText('More controls').closest('details')!;
    fireEvent.pointerDown(more);
    expect(halt).not.toBeVisible();

    fireEvent.click(opener);
    expect(halt).toBeVisible();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(halt).not.toBeVisible();

    more.open = true;
    fireEvent(more, new Event('toggle'));
    fireEvent.pointerDown(opener);
    expect(more.open).toBe(false);
  });
});
