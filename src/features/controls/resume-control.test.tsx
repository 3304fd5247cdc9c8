import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { savedPlaybookFixture } from '../../../contract/fixtures.ts';
import { checklistSchema } from '../../../contract/store-schemas.ts';
import { call, declare, write } from '../../../store/test-support.ts';
import { resetCommands } from '../../controls/command-center.ts';
import { makeSim, renderLive } from '../../testing/render-live.tsx';
import { commander, warRoomServer } from '../../testing/war-room-session.ts';
import {
  resetWarRoomClient,
  storeDown,
  storeUp,
  WarRoomSync,
  warRoomStoreFactory,
} from '../../testing/war-room-store.tsx';
import type { WarRoomTestStore } from '../../testing/war-room-store.tsx';
import { outboxFor } from '../../warroom/outbox-store.ts';
import { warRoomWrites } from '../../warroom/writes.ts';
import { ControlBar } from './control-bar.tsx';

// The resume gate against a real war-room store (in-process) and the simulator behind msw: the
// incident, its playbook and its ticks are written to the store as another dashboard would, and
// reach this one through the change feed.

const startStore = warRoomStoreFactory();
const controls = { holdMs: 100, confirmDeadlineMs: 3000, requestTimeoutMs: 2000 };

let opened: WarRoomTestStore | null = null;
afterEach(async () => {
  // The store closes after this: the outbox delivers what it still holds first, rather than
  // have the close cut its requests off half-way.
  const store = opened;
  opened = null;
  if (store) await vi.waitFor(() => expect(outboxFor(store.baseUrl).snapshot().file.entries).toEqual([]));
  vi.unstubAllGlobals();
  resetCommands();
  resetWarRoomClient();
});

/** A tick made on another dashboard, for the playbook the incident follows. */
async function tick(store: WarRoomTestStore, incidentId: string, stepId: string, ticked = true) {
  const { playbookId } = checklistSchema.parse(
    (await call(store.api(`/incidents/${incidentId}/checklist`))).body,
  );
  return write(store.api(`/incidents/${incidentId}/checklist/steps/${stepId}`), 'PUT', {
    ticked,
    playbookId,
    actor: 'dana',
  });
}

/** A halted system, an exchange outage following the HFT playbook, the bar signed in. */
async function setUp(opts: { playbookId?: string | null; ticks?: string[]; saved?: boolean } = {}) {
  const store = await startStore();
  opened = store;
  if (opts.saved)
    await write(store.api(`/playbooks/${savedPlaybookFixture.playbook.id}`), 'PUT', {
      playbook: savedPlaybookFixture.playbook,
      actor: 'ana',
      baseRevision: null,
    });
  const incident = await declare(store, {
    type: 'exchange-outage',
    title: 'Binance link down',
    affectedVenues: ['binance'],
  });
  const playbookId = opts.playbookId === undefined ? 'hft-exchange-outage' : opts.playbookId;
  if (playbookId)
    await write(store.api(`/incidents/${incident.id}/checklist/playbook`), 'PUT', {
      playbookId,
      actor: 'dana',
    });
  for (const stepId of opts.ticks ?? []) await tick(store, incident.id, stepId);
  const sim = makeSim();
  sim.sim.setTradingState('HALTED', 'bob', 'exchange outage');
  renderLive(
    <>
      <WarRoomSync />
      <ControlBar />
    </>,
    {
      sim,
      // Signed in as a commander already: the war-room server answers with the session.
      handlers: warRoomServer({ sim: sim.sim, storeBaseUrl: store.baseUrl, signedIn: commander }).handlers,
      config: { storeBaseUrl: store.baseUrl, controls },
    },
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Resume trading…' }));
  const group = screen.getByRole('group', { name: 'Resume trading' });
  return { store, incident, sim, group };
}

const hold = async (button: HTMLElement) => {
  fireEvent.pointerDown(button, { button: 0 });
  await act(() => new Promise((r) => setTimeout(r, 150)));
  fireEvent.pointerUp(button);
};

describe('resuming trading', () => {
  test('is blocked until the playbook’s verification checks are ticked, naming the missing ones', async () => {
    const { store, incident, sim, group } = await setUp();
    await vi.waitFor(() =>
      expect(group).toHaveTextContent(
        `0 of 2 verification checks ticked — HFT: exchange outage (${incident.id}). Still to tick:`,
      ),
    );
    const missing = within(group).getByRole('list', { name: 'Verification checks not ticked' });
    expect(
      within(missing)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Confirm the exchange is operating normally again',
      'Reconcile our positions against the exchange before trading on it',
    ]);
    // Nothing to press but the override: no Resume button while checks are missing.
    expect(within(group).queryByRole('button', { name: /^Resume/ })).not.toBeInTheDocument();

    // Ticked on another dashboard: this one follows.
    await tick(store, incident.id, 'verify-operational');
    await vi.waitFor(() => expect(group).toHaveTextContent('1 of 2 verification checks ticked'));
    expect(
      within(missing)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Reconcile our positions against the exchange before trading on it']);
    expect(sim.sim.snapshot().tradingState.state).toBe('HALTED');
  });

  test('once every check is ticked it resumes with the hold gesture, recording the playbook verification', async () => {
    const { incident, sim, group } = await setUp({ ticks: ['verify-operational', 'reconcile-positions'] });
    await vi.waitFor(() =>
      expect(group).toHaveTextContent(
        `✓ 2 of 2 verification checks ticked — HFT: exchange outage (${incident.id})`,
      ),
    );
    expect(within(group).queryByLabelText(/Override/)).not.toBeInTheDocument();
    const resume = within(group).getByRole('button', { name: /^Resume/ });

    // A click is not the gesture: it explains itself and does nothing.
    fireEvent.click(resume);
    expect(await within(group).findByRole('status')).toHaveTextContent('Press and hold');
    expect(sim.sim.snapshot().tradingState.state).toBe('HALTED');

    await hold(resume);
    await vi.waitFor(() => expect(sim.sim.snapshot().tradingState.state).toBe('ACTIVE'));
    expect(sim.sim.snapshot().tradingState).toMatchObject({
      changedBy: 'alice',
      reason: `${incident.id}: playbook verification passed — HFT: exchange outage, 2 of 2 checks ticked`,
    });
  });

  test('an unticked check takes the Resume button away again', async () => {
    const { store, incident, group } = await setUp({ ticks: ['verify-operational', 'reconcile-positions'] });
    await within(group).findByRole('button', { name: /^Resume/ });
    await tick(store, incident.id, 'reconcile-positions', false);
    await vi.waitFor(() => expect(group).toHaveTextContent('1 of 2 verification checks ticked'));
    expect(within(group).queryByRole('button', { name: /^Resume/ })).not.toBeInTheDocument();
  });

  test('the override with a typed reason still resumes while checks are missing', async () => {
    const { sim, group } = await setUp({ ticks: ['verify-operational'] });
    await vi.waitFor(() => expect(group).toHaveTextContent('1 of 2 verification checks ticked'));
    fireEvent.click(within(group).getByRole('button', { name: 'Override with a reason…' }));
    fireEvent.change(within(group).getByLabelText(/Override — why is it safe/), {
      target: { value: 'positions reconciled by phone with the exchange' },
    });
    fireEvent.click(within(group).getByRole('button', { name: /^Resume/ }));
    await vi.waitFor(() => expect(sim.sim.snapshot().tradingState.state).toBe('ACTIVE'));
    expect(sim.sim.snapshot().tradingState.reason).toBe(
      'override: positions reconciled by phone with the exchange',
    );
  });

  test('with no playbook chosen the override is the only way, and it says why', async () => {
    const { incident, group } = await setUp({ playbookId: null });
    await vi.waitFor(() =>
      expect(group).toHaveTextContent(
        `No playbook verification to go by (${incident.id} follows no playbook yet): an override is needed.`,
      ),
    );
    expect(within(group).getByLabelText(/Override — why is it safe/)).toBeInTheDocument();
  });

  test('a playbook without verification checks gates nothing: override only', async () => {
    const { group } = await setUp({ playbookId: 'hft-communication' });
    await vi.waitFor(() =>
      expect(group).toHaveTextContent(/has no verification checks\): an override is needed/),
    );
    expect(within(group).getByLabelText(/Override — why is it safe/)).toBeInTheDocument();
  });

  test('a playbook saved in the store (an imported runbook) gates resuming like a library one', async () => {
    const { id, title } = savedPlaybookFixture.playbook;
    const { incident, group } = await setUp({ saved: true, playbookId: id });
    await vi.waitFor(() =>
      expect(group).toHaveTextContent(`0 of 1 verification checks ticked — ${title} (${incident.id})`),
    );
    expect(within(group).getByRole('list', { name: 'Verification checks not ticked' })).toHaveTextContent(
      'Open orders reconciled with NYSE',
    );
  });

  test('a tick still on its way to the store does not count yet, and the control says so', async () => {
    const { store, incident, group } = await setUp();
    await vi.waitFor(() => expect(group).toHaveTextContent('0 of 2 verification checks ticked'));
    storeDown(store);
    act(() => {
      warRoomWrites(outboxFor(store.baseUrl)).tickStep(
        incident.id,
        'verify-operational',
        true,
        'hft-exchange-outage',
      );
    });
    expect(await within(group).findByText(/still on their way to the war-room store/)).toBeInTheDocument();
    expect(group).toHaveTextContent('0 of 2 verification checks ticked');

    storeUp(store);
    act(() => outboxFor(store.baseUrl).kick());
    await vi.waitFor(() => expect(group).toHaveTextContent('1 of 2 verification checks ticked'), {
      timeout: 3000,
    });
    expect(within(group).queryByText(/still on their way/)).not.toBeInTheDocument();
  });
});
